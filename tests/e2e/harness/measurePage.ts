import type { Page } from 'playwright-core';

export interface PageFigures {
  /** JS heap in use after a forced full GC, bytes. */
  heapUsedBytes: number;
  domNodes: number;
  echartsInstances: number;
}

/** Forces a full garbage collection through CDP, then reads what is left; the page must be Chromium's. */
export const measurePage = async (page: Page): Promise<PageFigures> => {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('HeapProfiler.enable');
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.collectGarbage');
    const heap = await cdp.send('Runtime.getHeapUsage');
    const dom = await page.evaluate(() => ({
      domNodes: document.getElementsByTagName('*').length,
      echartsInstances: document.querySelectorAll('[_echarts_instance_]').length,
    }));
    return { heapUsedBytes: heap.usedSize, ...dom };
  } finally {
    await cdp.detach();
  }
};
