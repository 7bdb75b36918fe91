import type { Page } from 'playwright-core';
import type {} from '../../../client/jinlinTestHook';

export interface RegionCandidate {
  code: string;
  /** A point well inside the region (labelPointsOf). */
  lngLat: [number, number];
}

/** Where, in page pixels (for `page.mouse`), a click lands on the region `code`. */
export interface ClickPoint {
  code: string;
  x: number;
  y: number;
}

/**
 * The first candidate with a point, at or a little around its label point, that is on the map's
 * canvas, at least `marginPx` from its edge, hits that region alone among the drillable fills (no finer
 * region drawn over it), picks no marker (a marker click opens its card instead of drilling; a
 * community's service centre sits at its heart) and is not covered by a panel, a banner or a card: a
 * click there drills into it. Null when none is.
 */
export const clickableRegionPoint = (page: Page, candidates: readonly RegionCandidate[], marginPx = 0): Promise<ClickPoint | null> =>
  page.evaluate(
    ({ points, margin }) => {
      const map = window.__jinlin!.map;
      // The map may sit in a panel of the wall: its pixels are relative to its canvas.
      const canvas = map.getCanvas().getBoundingClientRect();
      const offsets: Array<[number, number]> = [[0, 0]];
      for (const radius of [16, 28]) for (let turn = 0; turn < 8; turn += 1) offsets.push([radius * Math.cos((turn * Math.PI) / 4), radius * Math.sin((turn * Math.PI) / 4)]);
      for (const { code, lngLat } of points) {
        const centre = map.project(lngLat);
        for (const [dx, dy] of offsets) {
          const point = { x: centre.x + dx, y: centre.y + dy };
          if (point.x < margin || point.y < margin || point.x > canvas.width - margin || point.y > canvas.height - margin) continue;
          const hits = map.queryRenderedFeatures([point.x, point.y], { layers: ['community-fill', 'compound-fill', 'grid-fill'] });
          if (hits.length !== 1 || hits[0]!.properties.code !== code) continue;
          if (window.__jinlin!.clickAt(point.x, point.y)?.marker) continue;
          const x = canvas.left + point.x;
          const y = canvas.top + point.y;
          if (document.elementFromPoint(x, y) === map.getCanvas()) return { code, x, y };
        }
      }
      return null;
    },
    { points: candidates, margin: marginPx },
  );
