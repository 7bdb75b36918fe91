import type { MapPadding } from '../map/engine/LiveMap';

interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/**
 * The camera padding of a map whose overlays sit in rails (MapOverlays.vue): from the map's edge to
 * the far side of the top rail's items, of the alarm list and of the bottom rail's items. An empty
 * rail pads nothing. The alarm list pads the right edge, not the top, since it is narrow and tall.
 */
export const railPaddingOf = (map: Box, rails: { top: readonly Box[]; right: readonly Box[]; bottom: readonly Box[] }): MapPadding => {
  const reach = (boxes: readonly Box[], edge: (box: Box) => number) => Math.max(0, ...boxes.map(edge));
  return {
    top: Math.round(reach(rails.top, (box) => box.bottom - map.top)),
    right: Math.round(reach(rails.right, (box) => map.right - box.left)),
    bottom: Math.round(reach(rails.bottom, (box) => map.bottom - box.top)),
    left: 0,
  };
};
