import type { LayerSpecification, MapLibreMap } from 'maplibre-gl';

/**
 * How much bigger than a 1080p wall this screen draws the map. The wall sizes its panels in rem
 * (16 px at 1920×1080, 32 px at 3840×2160 and 7680×2160), but MapLibre sizes labels, markers and
 * lines in CSS pixels: at 4K they would be half as tall as the panel text beside them, unreadable
 * from five metres. CSS-scaling the canvas would blur it and misplace clicks, so the style itself is
 * scaled instead: every pixel size × `factor`, and every zoom threshold + `zoomOffset` — a 4K wall
 * shows the county one zoom level deeper, so it must switch layers one level later to look the same.
 */
export interface ScreenScale {
  factor: number;
  /** log2(factor): the zoom a view gains from being `factor` times as many pixels across. */
  zoomOffset: number;
}

export const BASE_REM_PX = 16;
export const NO_SCALE: ScreenScale = { factor: 1, zoomOffset: 0 };

/** The scale of a screen whose root font size is `remPx` (never below 1: small screens keep 1080p sizes). */
export const screenScaleOf = (remPx: number): ScreenScale => {
  const factor = Number.isFinite(remPx) && remPx > BASE_REM_PX ? remPx / BASE_REM_PX : 1;
  return { factor, zoomOffset: Math.log2(factor) };
};

/** Paint and layout properties measured in pixels (or scale factors of an icon). */
const PIXEL_PROPERTIES: ReadonlySet<string> = new Set([
  'text-size',
  'text-halo-width',
  'text-halo-blur',
  'text-padding',
  'icon-size',
  'icon-halo-width',
  'icon-halo-blur',
  'icon-padding',
  'circle-radius',
  'circle-stroke-width',
  'line-width',
  'line-gap-width',
  'line-blur',
  'line-offset',
  'heatmap-radius',
]);

export const isPixelProperty = (property: string): boolean => PIXEL_PROPERTIES.has(property);

const isZoomInput = (value: unknown): boolean => Array.isArray(value) && value.length === 1 && value[0] === 'zoom';

const scaleOutput = (value: unknown, factor: number): unknown => {
  if (typeof value === 'number') return value * factor;
  if (Array.isArray(value)) return ['*', factor, value];
  return value;
};

/**
 * One property value, scaled. Zoom may only be the input of a top-level interpolate or step in
 * MapLibre, so those are rewritten in place (stops shifted, outputs scaled) rather than wrapped.
 */
export const scaleValue = (value: unknown, pixels: boolean, scale: ScreenScale): unknown => {
  if (scale.factor === 1) return value;
  if (Array.isArray(value) && typeof value[0] === 'string') {
    const [op] = value as [string];
    if (op.startsWith('interpolate') && isZoomInput(value[2])) {
      // ['interpolate', type, ['zoom'], z0, v0, z1, v1, …]
      return value.map((item: unknown, i) => {
        if (i < 3) return item;
        const isStop = (i - 3) % 2 === 0;
        if (isStop) return (item as number) + scale.zoomOffset;
        return pixels ? scaleOutput(item, scale.factor) : item;
      });
    }
    if (op === 'step' && isZoomInput(value[1])) {
      // ['step', ['zoom'], v0, z1, v1, …]
      return value.map((item: unknown, i) => {
        if (i < 2) return item;
        const isStop = (i - 3) % 2 === 0 && i >= 3;
        if (isStop) return (item as number) + scale.zoomOffset;
        return pixels ? scaleOutput(item, scale.factor) : item;
      });
    }
  }
  return pixels ? scaleOutput(value, scale.factor) : value;
};

const scaleProperties = (properties: Record<string, unknown> | undefined, scale: ScreenScale): Record<string, unknown> | undefined => {
  if (!properties) return properties;
  return Object.fromEntries(Object.entries(properties).map(([name, value]) => [name, scaleValue(value, isPixelProperty(name), scale)]));
};

/** A layer drawn for this screen: pixel sizes × factor, zoom range and zoom stops + offset. */
export const scaleLayer = <L extends LayerSpecification>(layer: L, scale: ScreenScale): L => {
  if (scale.factor === 1) return layer;
  const scaled: Record<string, unknown> = { ...layer };
  if (typeof layer.minzoom === 'number') scaled.minzoom = layer.minzoom + scale.zoomOffset;
  if (typeof layer.maxzoom === 'number') scaled.maxzoom = layer.maxzoom + scale.zoomOffset;
  if ('paint' in layer) scaled.paint = scaleProperties(layer.paint as Record<string, unknown> | undefined, scale);
  if ('layout' in layer) scaled.layout = scaleProperties(layer.layout as Record<string, unknown> | undefined, scale);
  return scaled as L;
};

const scales = new WeakMap<MapLibreMap, ScreenScale>();

/** Noted by createMap: the scale a map's style was drawn for. */
export const rememberMapScale = (map: MapLibreMap, scale: ScreenScale): void => {
  scales.set(map, scale);
};

/** The screen scale a map's style was drawn for (1 for a map createMap did not make). */
export const mapScaleOf = (map: MapLibreMap): ScreenScale => scales.get(map) ?? NO_SCALE;
