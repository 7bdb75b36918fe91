// The only module that imports maplibre-gl at runtime; everything else in the app uses its types.
import 'maplibre-gl/dist/maplibre-gl.css';
import { MapLibreMap, addProtocol, setWorkerUrl } from 'maplibre-gl';
import { Protocol as PmtilesProtocol } from 'pmtiles';
// MapLibre 6 looks for its worker beside its own module, which a bundle moves; hand it the emitted file.
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import { BASEMAP_PROTOCOL, basemapProtocol } from './basemapProtocol';
import { IDEOGRAPH_FONT_FAMILY } from '../style/labelFonts';
import { offlineStyle } from '../style/offlineStyle';
import { rememberMapScale, screenScaleOf, type ScreenScale } from '../style/screenScale';

/**
 * Largest canvas we allow, in device pixels. MapLibre's default (4096²) would silently lower the
 * resolution of a 7680×2160 wall; 8192 still fits the smallest WebGL MAX_TEXTURE_SIZE we run on
 * (SwiftShader's).
 */
const MAX_CANVAS_PX: [number, number] = [8192, 8192];

/** The screen's scale from its root font size: the wall's one size unit. */
const rootScale = (): ScreenScale => screenScaleOf(Number.parseFloat(getComputedStyle(document.documentElement).fontSize));

let protocolsAdded = false;

/**
 * The basemap's tile protocols (engine/installBasemap.ts), added once per page: `pmtiles://` reads an
 * archive on our origin by range requests; `jinlin-basemap://` moves WGS-84 tiles onto the GCJ-02 display.
 */
const addBasemapProtocols = (): void => {
  if (protocolsAdded) return;
  protocolsAdded = true;
  addProtocol('pmtiles', new PmtilesProtocol().tile);
  addProtocol(BASEMAP_PROTOCOL, basemapProtocol);
};

/** A north-up command map with the offline style; data is pushed into its sources afterwards. */
export const createMap = (container: HTMLElement): MapLibreMap => {
  setWorkerUrl(workerUrl);
  addBasemapProtocols();
  const scale = rootScale();
  const map = new MapLibreMap({
    container,
    style: offlineStyle(scale),
    // Native resolution: one canvas pixel per device pixel, never a CSS-scaled bitmap.
    pixelRatio: window.devicePixelRatio,
    maxCanvasSize: MAX_CANVAS_PX,
    localIdeographFontFamily: IDEOGRAPH_FONT_FAMILY,
    attributionControl: false,
    renderWorldCopies: false,
    dragRotate: false,
    pitchWithRotate: false,
    touchPitch: false,
    maxPitch: 0,
    // Labels appear at once instead of fading in over 300 ms. Every live update re-places them, and
    // a fade is a run of full redraws: on a weak renderer that is most of what an update costs.
    fadeDuration: 0,
  });
  // A wall has nobody at its console, but its logs are collected: say what went wrong, and go on.
  map.on('error', (event) => console.error('map error', event.error));
  rememberMapScale(map, scale);
  return map;
};
