import { domToBlob } from 'modern-screenshot';

/** What the capture needs of the wall: its root element and the map's current frame. */
export interface WallCaptureTarget {
  root: HTMLElement;
  /** The map's canvas element, left out of the DOM picture and replaced by its frame. */
  mapCanvas: HTMLCanvasElement | null;
  captureMapFrame(): Promise<string | null>;
}

const loaded = (image: HTMLImageElement): Promise<void> =>
  image.complete && image.naturalWidth > 0 ? Promise.resolve() : image.decode();

/**
 * The whole wall as a PNG blob at the screen's own resolution. The map's frame is put over its
 * canvas as an image for the length of the capture (the same picture, so nobody watching sees a
 * change), the canvas itself is skipped, and the image is taken away again whatever happens.
 */
export const captureWallPng = async (target: WallCaptureTarget): Promise<Blob> => {
  const { root, mapCanvas } = target;
  const frame = mapCanvas ? await target.captureMapFrame() : null;
  let stand: HTMLImageElement | null = null;
  if (mapCanvas && frame && mapCanvas.parentElement) {
    stand = document.createElement('img');
    stand.src = frame;
    stand.alt = '';
    stand.dataset.captureStandIn = 'map';
    Object.assign(stand.style, { position: 'absolute', left: '0', top: '0', width: `${mapCanvas.clientWidth}px`, height: `${mapCanvas.clientHeight}px`, pointerEvents: 'none' });
    mapCanvas.parentElement.insertBefore(stand, mapCanvas.nextSibling);
    await loaded(stand);
  }
  try {
    const blob = await domToBlob(root, {
      type: 'image/png',
      scale: window.devicePixelRatio || 1,
      backgroundColor: getComputedStyle(document.body).backgroundColor,
      // The map's canvas is drawn by its stand-in; the capture button is not part of the report.
      filter: (node) => node !== mapCanvas && !(node instanceof HTMLElement && node.dataset.captureSkip !== undefined),
      font: false,
      timeout: 10_000,
    });
    if (!blob) throw new Error('the wall picture came out empty');
    return blob;
  } finally {
    stand?.remove();
  }
};

/** `闽侯县城市基层治理指挥中心-2026-12-04-2100.png`: the title and the wall's own (server) time. */
export const wallPngName = (title: string, at: string): string => `${title.replace(/[\\/:*?"<>|\s]+/g, '')}-${at}.png`;
