import type { HeatmapLayerSpecification } from 'maplibre-gl';

type Stops = readonly [number, number, number, number];

/**
 * The paint of a live heat layer: weight from each point's `w`, a five-colour ramp over density,
 * and intensity/radius/opacity interpolated by zoom (`[zoomA, valueA, zoomB, valueB…]` stops), so
 * the heat layers differ only in what they say, not in how they are drawn.
 */
export const heatmapPaint = (
  ramp: readonly [string, string, string, string, string],
  zoom: { intensity: Stops; radius: readonly number[]; opacity: Stops },
): HeatmapLayerSpecification['paint'] => ({
  'heatmap-weight': ['get', 'w'],
  'heatmap-intensity': ['interpolate', ['linear'], ['zoom'], ...zoom.intensity],
  'heatmap-radius': ['interpolate', ['linear'], ['zoom'], ...zoom.radius],
  'heatmap-color': ['interpolate', ['linear'], ['heatmap-density'], 0, 'rgba(0,0,0,0)', 0.1, ramp[0], 0.3, ramp[1], 0.55, ramp[2], 0.8, ramp[3], 1, ramp[4]],
  'heatmap-opacity': ['interpolate', ['linear'], ['zoom'], ...zoom.opacity],
});
