import { describe, expect, it } from 'vitest';
import { NO_HIGHLIGHTS, stopHighlights } from '../../../client/demo/stopHighlights';
import { DEFAULT_VISIBILITY } from '../../../client/map/layers/index';
import { stopOf } from './demoFixtures';

describe('stopHighlights', () => {
  it('shows exactly the live layers a stop names, so its story is not drowned by the others', () => {
    const { visibility } = stopHighlights(stopOf({ highlight: { layers: ['volunteerHeat', 'serviceCircles'], panels: [] } }));
    expect(visibility).toEqual({
      incidentHeat: false,
      volunteerHeat: true,
      incidentMarkers: false,
      stations: false,
      checkinRipples: false,
      serviceCircles: true,
    });
  });

  it('keeps the wall’s default layers for a stop that names none', () => {
    expect(stopHighlights(stopOf({ highlight: { layers: [], panels: ['incidents'] } })).visibility).toEqual(DEFAULT_VISIBILITY);
  });

  it('glows the panels the stop names and sets its choropleth, none when it names none', () => {
    const withChoropleth = stopHighlights(stopOf({ highlight: { layers: [], panels: ['incidents', 'ranking'], choropleth: 'overdueRate' } }));
    expect([...withChoropleth.panels]).toEqual(['incidents', 'ranking']);
    expect(withChoropleth.choropleth).toBe('overdueRate');
    expect(stopHighlights(stopOf()).choropleth).toBe('none');
  });

  it('undoes every highlight when no stop is on screen', () => {
    expect(stopHighlights(null)).toBe(NO_HIGHLIGHTS);
    expect(NO_HIGHLIGHTS).toEqual({ visibility: DEFAULT_VISIBILITY, choropleth: 'none', panels: new Set() });
  });
});
