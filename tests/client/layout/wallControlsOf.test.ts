import { describe, expect, it } from 'vitest';
import { searchWithControls, wallControlsOf } from '../../../client/layout/wallControlsOf';
import { DEFAULT_VISIBILITY } from '../../../client/map/layers/index';
import { DEFAULT_CONTROLS, type WallControls } from '../../../client/stores/useViewStore';

const parse = (search: string) => wallControlsOf(new URLSearchParams(search));

describe('the legend controls in the wall URL', () => {
  it('reads nothing from a plain URL: the layers keep their defaults, 24 h heat, no choropleth, legend closed', () => {
    expect(parse('')).toEqual(DEFAULT_CONTROLS);
  });

  it('reads the layers on, the heat window, the KPI and an open legend', () => {
    expect(parse('?layers=incidentHeat,stations&heat=7d&kpi=overdueRate&legend=open')).toEqual({
      layers: { incidentHeat: true, volunteerHeat: false, incidentMarkers: false, stations: true, checkinRipples: false, serviceCircles: false },
      heatWindow: '7d',
      kpi: 'overdueRate',
      legendOpen: true,
    });
    expect(parse('?heat=30d').heatWindow).toBe('30d');
  });

  it('turns every layer off for an empty list, and ignores names and values it does not know', () => {
    expect(Object.values(parse('?layers=').layers).every((on) => on === false)).toBe(true);
    expect(parse('?layers=stations,rivers&heat=1y&kpi=happiness&legend=maybe')).toMatchObject({
      layers: { stations: true, incidentHeat: false },
      heatWindow: '24h',
      kpi: 'none',
      legendOpen: false,
    });
  });

  it('writes only what differs from the defaults, keeping the other parameters', () => {
    expect(searchWithControls('?lang=en', DEFAULT_CONTROLS, DEFAULT_VISIBILITY)).toBe('?lang=en');
    const controls: WallControls = { layers: { serviceCircles: true, incidentHeat: false }, heatWindow: '7d', kpi: 'openPerThousandHouseholds', legendOpen: true };
    const search = searchWithControls('?lang=en&heat=30d', controls, DEFAULT_VISIBILITY);
    // In the layer registry's order (layers/index.ts), the one the panel lists them in.
    expect(search).toBe('?lang=en&heat=7d&layers=serviceCircles,volunteerHeat,stations,incidentMarkers,checkinRipples&kpi=openPerThousandHouseholds&legend=open');
  });

  it('drops the parameters again once the controls are back at their defaults', () => {
    expect(searchWithControls('?layers=stations&heat=7d&kpi=overdueRate&legend=open&title=X', DEFAULT_CONTROLS, DEFAULT_VISIBILITY)).toBe('?title=X');
  });

  it('reads back exactly what it wrote, so a reloaded kiosk reopens the same way', () => {
    const controls: WallControls = { layers: { stations: false, volunteerHeat: false }, heatWindow: '30d', kpi: 'overdueRate', legendOpen: true };
    const reread = parse(searchWithControls('', controls, DEFAULT_VISIBILITY));
    expect(reread.heatWindow).toBe('30d');
    expect(reread.kpi).toBe('overdueRate');
    expect(reread.legendOpen).toBe(true);
    expect({ ...DEFAULT_VISIBILITY, ...reread.layers }).toEqual({ ...DEFAULT_VISIBILITY, ...controls.layers });
  });
});
