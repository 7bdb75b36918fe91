import { ref, type Ref } from 'vue';
import { SHANGHAI_OFFSET_MS } from '../../shared/logic/shanghaiTime';
import { captureWallPng, wallPngName } from './captureWallPng';
import { saveBlob } from './saveBlob';

/** What the capture needs of the wall's map view (MapView's exposed methods and element). */
export interface CapturableMap {
  captureFrame(): Promise<string | null>;
  $el?: unknown;
}

const two = (n: number): string => String(n).padStart(2, '0');

/** 2026-12-04-2100 in Asia/Shanghai, from the wall's (server) clock. */
export const captureStamp = (at: number): string => {
  const local = new Date(at + SHANGHAI_OFFSET_MS);
  return `${local.getUTCFullYear()}-${two(local.getUTCMonth() + 1)}-${two(local.getUTCDate())}-${two(local.getUTCHours())}${two(local.getUTCMinutes())}`;
};

/**
 * The wall's one-click picture for reports: the whole screen as it stands, saved as a PNG named
 * after the wall's title and its (server) time. One capture at a time; a failure is logged and
 * said on the button, never thrown at the wall.
 */
export const useWallCapture = (mapView: () => CapturableMap | null, title: Ref<string>, now: Ref<number>) => {
  const busy = ref(false);
  const failed = ref(false);
  /** The last picture, for tests and for a caller that wants it without a download. */
  const last = ref<Blob | null>(null);

  const run = async (): Promise<void> => {
    if (busy.value) return;
    busy.value = true;
    failed.value = false;
    try {
      const map = mapView();
      const mapElement = map?.$el instanceof HTMLElement ? map.$el : null;
      const root = (mapElement?.closest('#app') as HTMLElement | null) ?? document.body;
      const blob = await captureWallPng({
        root,
        mapCanvas: mapElement?.querySelector('canvas') ?? null,
        captureMapFrame: () => map?.captureFrame() ?? Promise.resolve(null),
      });
      last.value = blob;
      saveBlob(blob, wallPngName(title.value, captureStamp(now.value)));
    } catch (error) {
      failed.value = true;
      console.error('the wall picture could not be made', error);
    } finally {
      busy.value = false;
    }
  };

  return { busy, failed, last, run };
};
