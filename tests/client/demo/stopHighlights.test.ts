import { describe, expect, it } from 'vitest';
import { NO_HIGHLIGHTS, stopHighlights } from '../../../client/demo/stopHighlights';
import { stopOf } from './demoFixtures';

describe('stopHighlights', () => {
  it('shows exactly the live layers a stop names, so its story is not drowned by the others', () => {
    const { visibility, choropleth } = stopHighlights(stopOf({ highlight: { layers: ['volunteerHeat', 'serviceCircles'], panels: [] } }));
    expect(visibility).toEqual({
      incidentHeat: false,
      volunteerHeat: true,
      incidentMarkers: false,
      stations: false,
      checkinRipples: false,
      serviceCircles: true,
    });
    // A curated view is the stop's own: no choropleth of the operator's under it.
    expect(choropleth).toBe('none');
  });

  it('leaves the layers to the operator for a stop that names none', () => {
    expect(stopHighlights(stopOf({ highlight: { layers: [], panels: ['incidents'] } })).visibility).toEqual({});
  });

  it('glows the panels the stop names and sets its choropleth, leaving it to the operator when it names neither', () => {
    const withChoropleth = stopHighlights(stopOf({ highlight: { layers: [], panels: ['incidents', 'ranking'], choropleth: 'overdueRate' } }));
    expect([...withChoropleth.panels]).toEqual(['incidents', 'ranking']);
    expect(withChoropleth.choropleth).toBe('overdueRate');
    expect(stopHighlights(stopOf({ highlight: { layers: [], panels: [] } })).choropleth).toBeNull();
  });

  it('overrides nothing when no stop is on screen', () => {
    expect(stopHighlights(null)).toBe(NO_HIGHLIGHTS);
    expect(NO_HIGHLIGHTS).toEqual({ visibility: {}, choropleth: null, panels: new Set() });
  });
});
