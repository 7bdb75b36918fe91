import type { JinlinTestHook } from '../../jinlinTestHook';
import type { LiveMap } from './LiveMap';
import { mapDataFromSnapshot } from '../binding/mapInput';

/**
 * Exposes the wall map to the end-to-end tests as `window.__jinlin`. The tests wait on it (never
 * sleep) and push a snapshot through it exactly as the composer pushes store data through the props.
 */
export const installTestHook = (liveMap: LiveMap, drills: readonly string[]): void => {
  const hook: JinlinTestHook = {
    get map() {
      return liveMap.map;
    },
    ready: liveMap.ready,
    idle: () => liveMap.whenIdle(),
    setMapData: (snapshot) => liveMap.setData(mapDataFromSnapshot(snapshot)),
    setMapOptions: (options) => liveMap.setOptions(options),
    flyToRegion: (code) => liveMap.flyToRegion(code),
    get scope() {
      return liveMap.scope;
    },
    drills,
    clickAt: (x, y) => liveMap.session?.clickAt({ x, y }) ?? null,
    get rebuilds() {
      return liveMap.rebuilds;
    },
    get stats() {
      return liveMap.session?.stats ?? null;
    },
    get renderCost() {
      return liveMap.session?.renderCost ?? null;
    },
  };
  window.__jinlin = hook;
};
