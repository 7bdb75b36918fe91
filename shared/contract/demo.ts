import { Type, type Static } from '@sinclair/typebox';
import { literals } from '../domain/literals';

/**
 * Delegation demo mode: the guided tour file, the demo state every wall follows, the presenter's
 * socket commands and the scripted scenarios. Defined once here, used by server and client alike.
 */

/** Text in Chinese, with an English version for foreign delegations (`?lang=en`). */
export const LocalizedText = (maxLength: number) =>
  Type.Object(
    {
      zh: Type.String({ minLength: 1, maxLength }),
      en: Type.Optional(Type.String({ minLength: 1, maxLength })),
    },
    { additionalProperties: false },
  );
export type LocalizedText = Static<ReturnType<typeof LocalizedText>>;

/** Live map layers a stop may switch on (the same names as the wall's layer toggles). */
export const TOUR_LAYERS = ['incidentHeat', 'volunteerHeat', 'incidentMarkers', 'stations', 'checkinRipples', 'serviceCircles'] as const;
export type TourLayer = (typeof TOUR_LAYERS)[number];
/** Wall panels a stop may highlight (the same ids as the wall's panels). */
export const TOUR_PANELS = ['organisation', 'incidents', 'rates', 'trend', 'category', 'ranking', 'stations', 'volunteers', 'wishes'] as const;
export type TourPanel = (typeof TOUR_PANELS)[number];
export const TOUR_CHOROPLETHS = ['none', 'openPerThousandHouseholds', 'overdueRate'] as const;

export const TourCamera = Type.Object(
  {
    /** Omitted: the camera fits the stop's region. */
    zoom: Type.Optional(Type.Number({ minimum: 5, maximum: 19 })),
    pitch: Type.Optional(Type.Number({ minimum: 0, maximum: 70 })),
    bearing: Type.Optional(Type.Number({ minimum: -180, maximum: 180 })),
  },
  { additionalProperties: false },
);
export type TourCamera = Static<typeof TourCamera>;

export const TourStop = Type.Object(
  {
    /** Stable id, named in validation messages and presenter commands. */
    id: Type.String({ pattern: '^[a-z0-9][a-z0-9-]{0,63}$' }),
    /** Region code of the stop (county, street, community, compound or grid); must exist in the county. */
    region: Type.String({ pattern: '^[0-9]{6,24}$' }),
    camera: TourCamera,
    caption: Type.Object({ title: LocalizedText(40), text: LocalizedText(240) }, { additionalProperties: false }),
    highlight: Type.Object(
      {
        layers: Type.Array(literals(TOUR_LAYERS), { maxItems: TOUR_LAYERS.length, uniqueItems: true }),
        panels: Type.Array(literals(TOUR_PANELS), { maxItems: TOUR_PANELS.length, uniqueItems: true }),
        choropleth: Type.Optional(literals(TOUR_CHOROPLETHS)),
      },
      { additionalProperties: false },
    ),
    durationSec: Type.Integer({ minimum: 5, maximum: 600 }),
  },
  { additionalProperties: false },
);
export type TourStop = Static<typeof TourStop>;

export const TourFile = Type.Object(
  {
    version: Type.Literal(1),
    title: LocalizedText(40),
    /** After this long without a presenter command, a paused or free-roaming wall resumes the loop. */
    idleResumeSec: Type.Integer({ minimum: 10, maximum: 3600 }),
    stops: Type.Array(TourStop, { minItems: 1, maxItems: 100 }),
  },
  { additionalProperties: false },
);
export type TourFile = Static<typeof TourFile>;

export type TourMode = 'playing' | 'paused' | 'free';

/** Where the tour is; walls render it, presenters drive it. Times are server epoch ms (real, not virtual). */
export interface TourState {
  title: LocalizedText;
  stops: TourStop[];
  mode: TourMode;
  /** Index of the stop being shown (playing or paused); kept while free-roaming, for "resume". */
  index: number;
  stopStartedAt: number;
  /** When the stop ends and the next begins; null unless playing. */
  endsAt: number | null;
  /** Bumped on every change, so a wall can ignore a stale frame. */
  revision: number;
  /** Paused or free: time left on the stop, which play resumes with (not a fresh duration). */
  remainingMs?: number | null;
  /** Paused or free with autoplay: when the tour resumes playing by itself (idleResumeSec after the last command). */
  resumesAt?: number | null;
}

export const SCENARIO_IDS = ['typhoon', 'homeDay'] as const;
export type ScenarioId = (typeof SCENARIO_IDS)[number];

export interface ScenarioState {
  id: ScenarioId;
  title: LocalizedText;
  /** Virtual (server clock) times. */
  startedAt: number;
  endsAt: number;
  /** Commands issued through ingest so far / planned in all. */
  issued: number;
  planned: number;
  running: boolean;
}

/** What every screen is told about the demo; sent on connect and on every change. */
export interface DemoState {
  /** The county on screen is the generated sample: walls show the "演示数据 / sample data" mark. */
  sample: boolean;
  tour: TourState | null;
  /** The scenario running now, or the last one until the next reset. */
  scenario: ScenarioState | null;
  /** A reset to morning is under way (screens keep their picture and say so). */
  resetting: boolean;
  /**
   * The server's real clock (epoch ms) when this frame was sent: walls measure the tour's `endsAt`
   * against it, since a kiosk PC on an isolated network may keep its own time. Absent = trust the device.
   */
  sentAt?: number;
}

export type TourCommand =
  | { action: 'next' }
  | { action: 'prev' }
  | { action: 'pause' }
  | { action: 'play' }
  | { action: 'free' }
  | { action: 'jump'; index: number };

const strictObject = { additionalProperties: false } as const;
/**
 * The tour commands as one schema (socket payload and HTTP body), checked by their `action`
 * (JSON Schema discriminator) so an error names what that action needs. `jump`'s upper bound
 * depends on the tour loaded, so the tour itself checks it.
 */
export const TourCommandByAction = Type.Unsafe<TourCommand>({
  type: 'object',
  required: ['action'],
  discriminator: { propertyName: 'action' },
  oneOf: [
    ...(['next', 'prev', 'pause', 'play', 'free'] as const).map((action) => Type.Object({ action: Type.Literal(action) }, strictObject)),
    Type.Object({ action: Type.Literal('jump'), index: Type.Integer({ minimum: 0 }) }, strictObject),
  ],
});

export const ScenarioStartRequest = Type.Object({ id: Type.Unsafe<ScenarioId>({ type: 'string', enum: [...SCENARIO_IDS] }) }, strictObject);
export const DemoResetRequest = Type.Object({}, strictObject);

export type DemoAck = { ok: true; state: DemoState } | { ok: false; error: string; message: string };

export interface ResetResult {
  /** The virtual clock after the reset: this morning's demo time. */
  clockAt: number;
  headSeq: number;
  /** The log's new epoch: screens holding another epoch reload. */
  epoch: string;
}
