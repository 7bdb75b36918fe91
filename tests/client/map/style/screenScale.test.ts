import type { LayerSpecification } from 'maplibre-gl';
import { describe, expect, it } from 'vitest';
import { MAP_LAYERS } from '../../../../client/map/layers/index';
import { offlineStyle } from '../../../../client/map/style/offlineStyle';
import { scaleLayer, scaleValue, screenScaleOf } from '../../../../client/map/style/screenScale';

const FOUR_K = screenScaleOf(32);

/** Every ['zoom'] in a value, with whether it is the input of a top-level interpolate/step. */
const zoomUses = (value: unknown, topLevel = true): boolean[] => {
  if (!Array.isArray(value)) return [];
  if (value.length === 1 && value[0] === 'zoom') return [false];
  const op = value[0];
  const zoomInput = topLevel && typeof op === 'string' && (op.startsWith('interpolate') ? 2 : op === 'step' ? 1 : -1);
  return value.flatMap((item, i) => (i === zoomInput && Array.isArray(item) && item[0] === 'zoom' ? [true] : zoomUses(item, false)));
};

describe('the map style drawn for the screen it is on', () => {
  it('keeps 1080p sizes on a 1080p wall, a tablet, and anything smaller', () => {
    expect(screenScaleOf(16)).toEqual({ factor: 1, zoomOffset: 0 });
    expect(screenScaleOf(12)).toEqual({ factor: 1, zoomOffset: 0 });
    expect(screenScaleOf(Number.NaN)).toEqual({ factor: 1, zoomOffset: 0 });
    expect(offlineStyle(screenScaleOf(16)).layers).toEqual([...MAP_LAYERS]);
  });

  it('doubles pixel sizes and moves zoom thresholds one level deeper on a 4K wall', () => {
    expect(FOUR_K).toEqual({ factor: 2, zoomOffset: 1 });
    const label = {
      id: 'l',
      type: 'symbol',
      source: 's',
      minzoom: 11.5,
      maxzoom: 14,
      layout: { 'text-size': ['interpolate', ['linear'], ['zoom'], 9, 12, 13, 18], 'text-max-width': 8 },
      paint: { 'text-halo-width': 1.5, 'text-opacity': ['interpolate', ['linear'], ['zoom'], 11, 0, 12, 1] },
    } as LayerSpecification;
    expect(scaleLayer(label, FOUR_K)).toEqual({
      ...label,
      minzoom: 12.5,
      maxzoom: 15,
      // Sizes double; `text-max-width` is in ems and opacity is no size: only their zoom stops move.
      layout: { 'text-size': ['interpolate', ['linear'], ['zoom'], 10, 24, 14, 36], 'text-max-width': 8 },
      paint: { 'text-halo-width': 3, 'text-opacity': ['interpolate', ['linear'], ['zoom'], 12, 0, 13, 1] },
    });
  });

  it('scales data-driven sizes by wrapping them, and zoom steps by moving their thresholds', () => {
    expect(scaleValue(['case', ['get', 'overdue'], 2.5, 1], true, FOUR_K)).toEqual(['*', 2, ['case', ['get', 'overdue'], 2.5, 1]]);
    expect(scaleValue(['step', ['zoom'], 1, 12, 2, 14, 3], true, FOUR_K)).toEqual(['step', ['zoom'], 2, 13, 4, 15, 6]);
    expect(scaleValue('#ff0000', false, FOUR_K)).toBe('#ff0000');
  });

  it('builds a valid style for a 4K wall: zoom stays the input of top-level curves only', () => {
    for (const layer of offlineStyle(FOUR_K).layers) {
      for (const value of [...Object.values(('paint' in layer && layer.paint) || {}), ...Object.values(('layout' in layer && layer.layout) || {})]) {
        expect(zoomUses(value).every(Boolean), `${layer.id}: ${JSON.stringify(value)}`).toBe(true);
      }
    }
  });
});
