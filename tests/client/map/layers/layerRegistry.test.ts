import { Value } from '@sinclair/typebox/value';
import { describe, expect, it } from 'vitest';
import { TOUR_LAYERS, TourStop } from '../../../../shared/contract/demo';
import { DEFAULT_VISIBILITY, LAYER_TOGGLES, LIVE_LAYER_IDS, LIVE_SOURCE_IDS, MAP_LAYER_REGISTRY, MAP_LAYERS } from '../../../../client/map/layers/index';
import { MAP_LEGEND } from '../../../../client/map/style/mapLegend';
import { offlineStyle } from '../../../../client/map/style/offlineStyle';

const stopShowing = (layer: string): unknown => ({
  id: 'stop',
  region: '350121',
  camera: {},
  caption: { title: { zh: '图层', en: 'Layer' }, text: { zh: '只看这一层', en: 'This layer only' } },
  highlight: { layers: [layer], panels: [] },
  durationSec: 10,
});

describe('the map layer registry', () => {
  const toggled = MAP_LAYER_REGISTRY.flatMap((layer) => (layer.toggle ? [layer.toggle.id] : []));

  it('puts every registered switch in the toggles, the legend and the tour schema', () => {
    for (const id of toggled) {
      expect(Object.keys(DEFAULT_VISIBILITY), id).toContain(id);
      expect(MAP_LEGEND.layers.map((line) => line.key), id).toContain(id);
      expect(TOUR_LAYERS, id).toContain(id);
      expect(Value.Check(TourStop, stopShowing(id)), id).toBe(true);
    }
    expect(Value.Check(TourStop, stopShowing('noSuchLayer'))).toBe(false);
  });

  it('registers a layer for every layer a tour stop may name', () => {
    expect([...toggled].sort()).toEqual([...TOUR_LAYERS].sort());
    expect(LAYER_TOGGLES.map((toggle) => toggle.id)).toEqual(toggled);
  });

  it('lets a layer that follows another switch follow a registered one', () => {
    for (const layer of MAP_LAYER_REGISTRY) if (layer.follows) expect(toggled, layer.id).toContain(layer.follows);
  });

  it('gives every descriptor a unique id and every style layer a unique id in the style', () => {
    const ids = MAP_LAYER_REGISTRY.map((layer) => layer.id);
    expect(new Set(ids).size).toBe(ids.length);
    const styleIds = MAP_LAYERS.map((layer) => layer.id);
    expect(new Set(styleIds).size).toBe(styleIds.length);
    for (const id of LIVE_LAYER_IDS) expect(styleIds).toContain(id);
  });

  it('creates every live source a registered layer declares, and every live style layer draws from a known source', () => {
    const style = offlineStyle();
    for (const id of LIVE_SOURCE_IDS) expect(Object.keys(style.sources), id).toContain(id);
    for (const layer of MAP_LAYERS) if ('source' in layer && typeof layer.source === 'string') expect(Object.keys(style.sources), layer.id).toContain(layer.source);
  });
});
