import type { Page } from 'playwright-core';

export interface WallHealth {
  /** Page size beyond the viewport (a wall must never scroll). */
  overflowPx: { x: number; y: number };
  /** Panel cells with no text at all. */
  emptyCells: number;
  /** Elements inside panels whose content is wider than their box and not meant to be cut (no ellipsis). */
  clipped: string[];
  domNodes: number;
  echartsInstances: number;
}

/** Cheap DOM checks of a wall's layout, logged next to each screenshot. */
export const wallHealth = (page: Page): Promise<WallHealth> =>
  page.evaluate(() => {
    const root = document.documentElement;
    const cells = [...document.querySelectorAll<HTMLElement>('.wall__cell')];
    const clipped = [...document.querySelectorAll<HTMLElement>('.wall__cell *')]
      .filter((el) => el.children.length === 0 && el.scrollWidth > el.clientWidth + 1 && el.clientWidth > 0)
      .filter((el) => getComputedStyle(el).textOverflow !== 'ellipsis')
      .slice(0, 10)
      .map((el) => `${el.className || el.tagName}: “${(el.textContent ?? '').trim().slice(0, 30)}”`);
    return {
      overflowPx: { x: root.scrollWidth - window.innerWidth, y: root.scrollHeight - window.innerHeight },
      emptyCells: cells.filter((cell) => (cell.textContent ?? '').trim() === '').length,
      clipped,
      domNodes: document.getElementsByTagName('*').length,
      echartsInstances: document.querySelectorAll('[_echarts_instance_]').length,
    };
  });
