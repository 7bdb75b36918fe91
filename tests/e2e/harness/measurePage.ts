import type { Page } from 'playwright-core';

export interface PageFigures {
  /** JS heap in use after a forced full GC, bytes. */
  heapUsedBytes: number;
  domNodes: number;
  echartsInstances: number;
  /** Digit cells of the flip counters: they grow with the figures' magnitude, not with time. */
  flipDigitCells: number;
  /** Every element inside the flip counters (a cell and its strip per digit, plus separators). */
  flipNodes: number;
  /** What the counters' digits and separators account for: equal to flipNodes unless something else piles up in them. */
  flipNodesExplained: number;
  /** Elements by their first class name, the most numerous first: where DOM growth would show. */
  domByClass: Record<string, number>;
}

/** Forces a full garbage collection through CDP, then reads what is left; the page must be Chromium's. */
export const measurePage = async (page: Page): Promise<PageFigures> => {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('HeapProfiler.enable');
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.collectGarbage');
    const heap = await cdp.send('Runtime.getHeapUsage');
    const dom = await page.evaluate(() => {
      const all = Array.from(document.getElementsByTagName('*'));
      const byClass = new Map<string, number>();
      for (const element of all) {
        const name = element.classList[0] ?? element.tagName.toLowerCase();
        byClass.set(name, (byClass.get(name) ?? 0) + 1);
      }
      return {
        domNodes: all.length,
        echartsInstances: document.querySelectorAll('[_echarts_instance_]').length,
        flipDigitCells: document.querySelectorAll('.flip__cell').length,
        flipNodes: document.querySelectorAll('.flip *').length,
        flipNodesExplained:
          2 * document.querySelectorAll('.flip__cell').length +
          document.querySelectorAll('.flip__separator').length +
          document.querySelectorAll('.flip__none').length,
        domByClass: Object.fromEntries([...byClass].sort((a, b) => b[1] - a[1]).slice(0, 25)),
      };
    });
    return { heapUsedBytes: heap.usedSize, ...dom };
  } finally {
    await cdp.detach();
  }
};
