import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it } from 'vitest';
import { stopHighlights } from '../../../client/demo/stopHighlights';
import { useViewStore } from '../../../client/stores/useViewStore';
import { stopOf } from '../demo/demoFixtures';

describe('the view store: the operator’s controls under the tour’s highlights', () => {
  beforeEach(() => setActivePinia(createPinia()));

  it('draws what the operator switched, leaving the other layers at their defaults', () => {
    const view = useViewStore();
    view.setLayer('serviceCircles', true);
    view.setLayer('incidentHeat', false);
    view.setHeatWindow('7d');
    view.setKpi('overdueRate');
    expect(view.visibility).toEqual({ serviceCircles: true, incidentHeat: false });
    expect(view.heatWindow).toBe('7d');
    expect(view.choropleth).toBe('overdueRate');
  });

  it('lets a tour stop override while it shows, and returns to the operator’s choice after it', () => {
    const view = useViewStore();
    view.setLayer('stations', false);
    view.setKpi('overdueRate');
    view.highlight(stopHighlights(stopOf({ highlight: { layers: ['stations', 'volunteerHeat'], panels: ['volunteers'], choropleth: 'openPerThousandHouseholds' } })));
    expect(view.visibility.stations).toBe(true);
    expect(view.visibility.incidentHeat).toBe(false);
    expect(view.choropleth).toBe('openPerThousandHouseholds');
    expect([...view.panels]).toEqual(['volunteers']);
    expect(view.tourLayers.has('stations')).toBe(true);

    view.highlight(stopHighlights(null));
    expect(view.visibility).toEqual({ stations: false });
    expect(view.choropleth).toBe('overdueRate');
    expect(view.panels.size).toBe(0);
  });

  it('keeps the operator’s layers and KPI under a stop that names neither', () => {
    const view = useViewStore();
    view.setLayer('serviceCircles', true);
    view.setKpi('overdueRate');
    view.highlight(stopHighlights(stopOf({ highlight: { layers: [], panels: ['incidents'] } })));
    expect(view.visibility).toEqual({ serviceCircles: true });
    expect(view.choropleth).toBe('overdueRate');
  });

  it('takes a layer or the KPI back from the stop at once when the operator switches it during the stop', () => {
    const view = useViewStore();
    view.highlight(stopHighlights(stopOf({ highlight: { layers: ['volunteerHeat'], panels: [], choropleth: 'overdueRate' } })));
    view.setLayer('incidentHeat', true);
    view.setKpi('none');
    expect(view.visibility.incidentHeat).toBe(true);
    expect(view.visibility.volunteerHeat).toBe(true);
    expect(view.choropleth).toBe('none');
    expect(view.tourLayers.has('incidentHeat')).toBe(false);
    expect(view.controls.layers).toEqual({ incidentHeat: true });
  });

  it('restores the controls a reloaded wall read from its URL, the legend open or not', () => {
    const view = useViewStore();
    view.restoreControls({ layers: { stations: false }, heatWindow: '30d', kpi: 'openPerThousandHouseholds', legendOpen: true });
    expect(view.heatWindow).toBe('30d');
    expect(view.controls.legendOpen).toBe(true);
    view.setLegendOpen(false);
    expect(view.controls).toEqual({ layers: { stations: false }, heatWindow: '30d', kpi: 'openPerThousandHouseholds', legendOpen: false });
  });
});
