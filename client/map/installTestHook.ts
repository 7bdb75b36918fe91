import type { JinlinTestHook } from '../jinlinTestHook';
import type { WallMap } from './WallMap';
import { mapDataFromSnapshot } from './mapInput';

/**
 * Exposes the wall map to the end-to-end tests as `window.__jinlin`. The tests wait on it (never
 * sleep) and push a snapshot through it exactly as the composer pushes store data through the props.
 */
export const installTestHook = (wallMap: WallMap, drills: readonly string[]): void => {
  const hook: JinlinTestHook = {
    get map() {
      return wallMap.map;
    },
    ready: wallMap.ready,
    idle: () => wallMap.whenIdle(),
    setMapData: (snapshot) => wallMap.setData(mapDataFromSnapshot(snapshot)),
    setMapOptions: (options) => wallMap.setOptions(options),
    flyToRegion: (code) => wallMap.flyToRegion(code),
    get scope() {
      return wallMap.scope;
    },
    drills,
    get rebuilds() {
      return wallMap.rebuilds;
    },
    get stats() {
      return wallMap.session?.stats ?? null;
    },
    get renderCost() {
      return wallMap.session?.renderCost ?? null;
    },
  };
  window.__jinlin = hook;
};
