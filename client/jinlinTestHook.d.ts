import type { MapLibreMap } from 'maplibre-gl';
import type { Snapshot } from '../shared/contract/snapshot';
import type { RegionKpis } from '../shared/domain/kpi';
import type { BindingStats } from './map/binding/MapLayerTarget';
import type { MapOptionsPatch } from './map/binding/mapInput';
import type { MapClick, RenderCost } from './map/engine/MapSession';
import type { ConnectionState } from './realtime/ConnectionStatus';
import type { ReplayState } from './replay/ReplayState';

/** What the page exposes to the end-to-end tests, and nothing more. */
export interface JinlinTestHook {
  // Set by the map view (client/map/installTestHook.ts) when it mounts:
  /** The current map; a new instance after a rebuild. */
  readonly map: MapLibreMap;
  /** Settles once the county is drawn and the map is idle; rejects if it cannot be drawn. */
  readonly ready: Promise<void>;
  /** Settles when the map has drawn everything it was given. */
  idle(): Promise<void>;
  /** Pushes a snapshot's entities into the map, as the composer does through the props. */
  setMapData(snapshot: Snapshot): void;
  setMapOptions(options: MapOptionsPatch): void;
  flyToRegion(code: string): boolean;
  /** The region the map highlights as the scope. */
  readonly scope: string | null;
  /** Every region code a click drilled into, oldest first. */
  readonly drills: readonly string[];
  /** What a click at this canvas point (CSS px) would pick (a marker's card) or drill into; null before the map is up. */
  clickAt(x: number, y: number): MapClick | null;
  /** How many times the map was rebuilt after losing its WebGL context. */
  readonly rebuilds: number;
  readonly stats: Readonly<BindingStats> | null;
  /** What the map's drawing costs the page, and whether its pulses move (see map/renderBudget.ts). */
  readonly renderCost: Readonly<RenderCost> | null;

  // Added by App once mounted (children mount first, so the map's fields are already there):
  /** The KPI figures the panels show now; null before the first snapshot. */
  readonly kpis?: () => RegionKpis | null;
  /** The live connection's state, as the header's badge shows it. */
  readonly connection?: () => ConnectionState;
  /** The time machine's state (client/replay), the stores' lastSeq and the gaps seen since the last return to live. */
  readonly replay?: () => ReplayState & { lastSeq: number; liveFromSeq: number | null; liveGaps: number };
}

declare global {
  interface Window {
    __jinlin?: JinlinTestHook;
  }
}
