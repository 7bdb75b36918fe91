import type { Snapshot } from '../../shared/contract/snapshot';
import type { Incident } from '../../shared/domain/incident';
import type { AlarmNotice } from '../../shared/contract/alarms';
import type { Station } from '../../shared/domain/station';
import type { CheckIn } from '../../shared/domain/volunteer';
import type { HeatPoint } from '../stores/closedIncidentHeat';
import type { MotionPreference } from './motionPreference';

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

export const HEAT_WINDOWS = ['24h', '7d'] as const;
export type HeatWindow = (typeof HEAT_WINDOWS)[number];
export const HEAT_WINDOW_MS: Readonly<Record<HeatWindow, number>> = { '24h': 24 * 3600_000, '7d': 7 * 24 * 3600_000 };

export const CHOROPLETH_METRICS = ['none', 'openPerThousandHouseholds', 'overdueRate'] as const;
export type ChoroplethMetric = (typeof CHOROPLETH_METRICS)[number];

/** The live layers a screen can switch on and off. */
export const TOGGLEABLE_LAYERS = [
  'incidentHeat',
  'volunteerHeat',
  'incidentMarkers',
  'stations',
  'checkinRipples',
  'serviceCircles',
] as const;
export type ToggleableLayer = (typeof TOGGLEABLE_LAYERS)[number];
export type LayerVisibility = Readonly<Record<ToggleableLayer, boolean>>;

/** On by default: everything but the planning view of the 15-minute service circles. */
export const DEFAULT_VISIBILITY: LayerVisibility = {
  incidentHeat: true,
  volunteerHeat: true,
  incidentMarkers: true,
  stations: true,
  checkinRipples: true,
  serviceCircles: false,
};

/** How the screen wants the live layers drawn; every field has a default. */
export interface MapOptions {
  heatWindow: HeatWindow;
  choropleth: ChoroplethMetric;
  visibility: LayerVisibility;
  /** The active alarms to flash (the server's alarm feed); null on a screen without alarms. */
  alarms: readonly AlarmNotice[] | null;
}

/** A change to some of the options; visibility is merged layer by layer. */
export type MapOptionsPatch = Partial<Omit<MapOptions, 'visibility'>> & {
  visibility?: Partial<LayerVisibility>;
  /** How long a lost WebGL context may take to come back before the map is rebuilt. */
  restoreTimeoutMs?: number;
  /** Whether pulses, blinks and flights move (motionPreference.ts). */
  motion?: MotionPreference;
};

export const DEFAULT_MAP_OPTIONS: MapOptions = {
  heatWindow: '24h',
  choropleth: 'none',
  visibility: DEFAULT_VISIBILITY,
  alarms: null,
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
