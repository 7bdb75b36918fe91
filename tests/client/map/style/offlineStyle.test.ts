import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import { describe, expect, it } from 'vitest';
import { LABEL_FONT_BOLD, LABEL_FONT_REGULAR } from '../../../../client/map/style/labelFonts';
import { LIVE_LAYER_IDS } from '../../../../client/map/layers/index';
import { LIVE_SOURCES } from '../../../../client/map/layers/index';
import { offlineStyle } from '../../../../client/map/style/offlineStyle';
import { STATION_ICON_IDS } from '../../../../client/map/style/stationIcons';

/** Every string anywhere in a JSON-like value. */
const stringsIn = (value: unknown): string[] => {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(stringsIn);
  if (value && typeof value === 'object') return Object.values(value).flatMap(stringsIn);
  return [];
};

describe('the offline map style', () => {
  const style = offlineStyle();

  it('is valid MapLibre style JSON', () => {
    expect(validateStyleMin(style)).toEqual([]);
  });

  it('names no glyphs, sprite or tiles to download', () => {
    expect(style).not.toHaveProperty('glyphs');
    expect(style).not.toHaveProperty('sprite');
    expect(style).not.toHaveProperty('font-faces');
  });

  it('contains no URL of any kind', () => {
    expect(stringsIn(style).filter((text) => /[a-z][a-z0-9+.-]*:\/\/|^\/\//i.test(text))).toEqual([]);
  });

  it('has only inline GeoJSON sources: regions keyed by code, live data by entity id', () => {
    const liveSources = new Set<string>(Object.values(LIVE_SOURCES));
    for (const [id, source] of Object.entries(style.sources)) {
      expect(source).toMatchObject({ type: 'geojson', promoteId: liveSources.has(id) ? 'id' : 'code' });
      expect(source).toHaveProperty('data.type', 'FeatureCollection');
    }
    for (const id of liveSources) expect(style.sources).toHaveProperty([id]);
  });

  it('draws every live layer, and draws markers above heat and heat above the region outlines', () => {
    const ids = style.layers.map((layer) => layer.id);
    for (const id of LIVE_LAYER_IDS) expect(ids).toContain(id);
    const order = (id: string) => ids.indexOf(id);
    expect(order('county-line')).toBeLessThan(order('incident-heat'));
    expect(order('incident-heat')).toBeLessThan(order('incident-markers'));
    expect(order('incident-markers')).toBeLessThan(order('incident-pulse-overdue'));
    expect(order('choropleth-community')).toBeLessThan(order('community-line'));
  });

  it('names only station icons that the map generates itself', () => {
    const stationLayer = style.layers.find((layer) => layer.id === 'station-markers');
    expect(stationLayer?.layout).toHaveProperty('icon-image', ['get', 'icon']);
    expect(STATION_ICON_IDS.every((id) => id.startsWith('station-'))).toBe(true);
  });

  it('draws every layer from a source it declares', () => {
    for (const layer of style.layers) {
      if ('source' in layer) expect(Object.keys(style.sources)).toContain(layer.source);
    }
  });

  it('labels with the local CJK font stacks only', () => {
    const symbolLayers = style.layers.filter((layer) => layer.type === 'symbol');
    expect(symbolLayers.length).toBeGreaterThan(0);
    for (const layer of symbolLayers) expect([LABEL_FONT_REGULAR, LABEL_FONT_BOLD]).toContainEqual(layer.layout?.['text-font']);
  });

  it('gives every layer a distinct id', () => {
    const ids = style.layers.map((layer) => layer.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
