import type { TOUR_CHOROPLETHS, TourLayer } from '../../../shared/contract/demo';
import type { Snapshot } from '../../../shared/contract/snapshot';
import type { Incident } from '../../../shared/domain/incident';
import type { AlarmNotice } from '../../../shared/contract/alarms';
import type { Station } from '../../../shared/domain/station';
import type { CheckIn } from '../../../shared/domain/volunteer';
import type { HeatPoint } from '../../stores/closedIncidentHeat';
import type { MotionPreference } from '../engine/motionPreference';
import type { HeatTuple, HeatWindow } from '../../../shared/contract/heat';

/**
 * The entities the map draws. The store's EntityState satisfies it as is: the map only reads, and
 * relies on `version` (bumped per applied batch) to know that the Maps changed in place.
 */
export interface MapEntities {
  readonly incidents: ReadonlyMap<string, Incident>;
  readonly stations: ReadonlyMap<string, Station>;
  readonly checkins: ReadonlyMap<string, CheckIn>;
  /** Incidents closed a while ago, kept only as heat points (see client/stores/closedIncidentHeat.ts). */
  readonly closedIncidentHeat?: ReadonlyMap<string, HeatPoint>;
}

/** The heat windows are the contract's (24 h, 7 d, 30 d): the wall's control and the heat route share them. */
export { HEAT_WINDOWS, HEAT_WINDOW_MS, type HeatWindow } from '../../../shared/contract/heat';

/** The choropleth metrics and the live layers a screen can switch: the tour's lists are the source. */
export type ChoroplethMetric = (typeof TOUR_CHOROPLETHS)[number];
export type ToggleableLayer = TourLayer;
/** Each toggle on or off; the defaults come from the layer registry (layers/index.ts DEFAULT_VISIBILITY). */
export type LayerVisibility = Readonly<Record<ToggleableLayer, boolean>>;

/** How the screen wants the live layers drawn; every field has a default. */
export interface MapOptions {
  heatWindow: HeatWindow;
  choropleth: ChoroplethMetric;
  visibility: LayerVisibility;
  /** The active alarms to flash (the server's alarm feed); null on a screen without alarms. */
  alarms: readonly AlarmNotice[] | null;
  /**
   * Incident heat read from the server for a window longer than the screen holds (30 d, ROUTES.heat);
   * absent or null, the heat is drawn from the entities over `heatWindow`.
   */
  heatPoints?: readonly HeatTuple[] | null;
}

/** A change to some of the options; visibility is merged layer by layer. */
export type MapOptionsPatch = Partial<Omit<MapOptions, 'visibility'>> & {
  visibility?: Partial<LayerVisibility>;
  /** How long a lost WebGL context may take to come back before the map is rebuilt. */
  restoreTimeoutMs?: number;
  /** Whether pulses, blinks and flights move (motionPreference.ts). */
  motion?: MotionPreference;
};

/** The data half of what the map draws: entities, the batch counter, and server time. */
export interface MapData {
  entities: MapEntities;
  version: number;
  /** Server time (epoch ms); the map extrapolates it between updates for animation. */
  now?: number;
}

export const EMPTY_ENTITIES: MapEntities = { incidents: new Map(), stations: new Map(), checkins: new Map() };

const byId = <T extends { id: string }>(items: readonly T[]): Map<string, T> => new Map(items.map((item) => [item.id, item]));

/** A snapshot as map data: for tests, demos and any screen that holds a snapshot rather than a store. */
export const mapDataFromSnapshot = (snapshot: Pick<Snapshot, 'incidents' | 'stations' | 'checkins' | 'seq' | 'at'>): MapData => ({
  entities: { incidents: byId(snapshot.incidents), stations: byId(snapshot.stations), checkins: byId(snapshot.checkins) },
  version: snapshot.seq,
  now: snapshot.at,
});
