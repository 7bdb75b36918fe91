import type { Page } from 'playwright-core';

export interface OverlayBox {
  name: string;
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export interface MapOverlayMeasure {
  /** Share (0–1) of sample points over the wall's map where something other than the map is on top. */
  coveredShare: number;
  /** What was on top at the covered points, by overlay name (or tag.class for an unnamed element). */
  coveredBy: Record<string, number>;
  /** Every shown overlay on the map (`[data-overlay]` with a non-empty box). */
  boxes: OverlayBox[];
  map: { left: number; top: number; right: number; bottom: number };
  padding: { top: number; right: number; bottom: number; left: number };
}

/**
 * Samples the wall's map area on a grid with `elementsFromPoint` and says how much of it something
 * other than the map covers. Overlays let clicks through (pointer-events: none) and hit-testing skips
 * such elements, so for the measurement everything over the map is made hit-testable except the
 * rails' own transparent frames: a box drawn over the map counts wherever it is drawn.
 */
export const measureMapOverlays = (page: Page, columns = 64, rows = 36): Promise<MapOverlayMeasure> =>
  page.evaluate(
    ({ columns, rows }) => {
      const style = document.createElement('style');
      style.textContent = '.wall__map * { pointer-events: auto !important; } [data-overlay-rail], [data-rail] { pointer-events: none !important; }';
      document.head.append(style);
      try {
        const area = document.querySelector('.wall__map')!;
        const mapView = area.querySelector('.map-view')!;
        const rect = area.getBoundingClientRect();
        const coveredBy: Record<string, number> = {};
        let covered = 0;
        for (let r = 0; r < rows; r += 1) {
          for (let c = 0; c < columns; c += 1) {
            const x = rect.left + ((c + 0.5) * rect.width) / columns;
            const y = rect.top + ((r + 0.5) * rect.height) / rows;
            const top = document.elementsFromPoint(x, y)[0];
            if (!top || top === area || mapView.contains(top)) continue;
            covered += 1;
            const name = top.closest('[data-overlay]')?.getAttribute('data-overlay') ?? `${top.tagName.toLowerCase()}.${top.className}`;
            coveredBy[name] = (coveredBy[name] ?? 0) + 1;
          }
        }
        const boxes = [...area.querySelectorAll('[data-overlay]')]
          .map((el) => {
            const { left, top, right, bottom } = el.getBoundingClientRect();
            return { name: el.getAttribute('data-overlay') ?? '', left, top, right, bottom };
          })
          .filter((box) => box.right > box.left && box.bottom > box.top);
        const padding = window.__jinlin!.map.getPadding();
        return {
          coveredShare: covered / (columns * rows),
          coveredBy,
          boxes,
          map: { left: rect.left, top: rect.top, right: rect.right, bottom: rect.bottom },
          padding: { top: padding.top ?? 0, right: padding.right ?? 0, bottom: padding.bottom ?? 0, left: padding.left ?? 0 },
        };
      } finally {
        style.remove();
      }
    },
    { columns, rows },
  );

/** Whether two boxes share any area (touching edges do not). */
export const boxesIntersect = (a: OverlayBox, b: OverlayBox): boolean =>
  a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
