import { Type, type Static } from '@sinclair/typebox';
import { RegionCode } from '../domain/common';
import type { Priority } from '../domain/incident';
import { literals } from '../domain/literals';

/**
 * The incident heat map's windows, shared by the wall's control, its URL and the heat route. A wall
 * holds a week of closed incidents (server/live/buildSnapshot.ts); a longer window is read from the
 * server (ROUTES.heat) as compact points.
 */
export const HEAT_WINDOWS = ['24h', '7d', '30d'] as const;
export type HeatWindow = (typeof HEAT_WINDOWS)[number];

const HOUR_MS = 3600_000;
export const HEAT_WINDOW_MS: Readonly<Record<HeatWindow, number>> = { '24h': 24 * HOUR_MS, '7d': 7 * 24 * HOUR_MS, '30d': 30 * 24 * HOUR_MS };

/** The windows a wall cannot draw from what it holds, so it asks the server for their points. */
export const SERVER_HEAT_WINDOWS: ReadonlySet<HeatWindow> = new Set<HeatWindow>(['30d']);

export const isHeatWindow = (value: unknown): value is HeatWindow => (HEAT_WINDOWS as readonly unknown[]).includes(value);

/** Heat weight by priority: one urgent incident counts as much as five ordinary ones. */
export const HEAT_WEIGHT_BY_PRIORITY: Readonly<Record<Priority, number>> = { urgent: 1, high: 0.5, normal: 0.2, low: 0.1 };

/** One heat point: longitude, latitude (GCJ-02, as every location), weight. No id, no time, nothing personal. */
export type HeatTuple = readonly [number, number, number];

export const HeatQuery = Type.Object(
  {
    window: literals(HEAT_WINDOWS),
    scope: Type.Optional(RegionCode),
  },
  { additionalProperties: false },
);
export type HeatQuery = Static<typeof HeatQuery>;

export const HeatPoints = Type.Object(
  {
    window: literals(HEAT_WINDOWS),
    scope: Type.String(),
    /** Server time the window ends at (epoch ms). */
    at: Type.Integer(),
    // [lng, lat, weight]: a fixed-length array (OpenAPI 3.0 has no tuples).
    points: Type.Array(Type.Array(Type.Number(), { minItems: 3, maxItems: 3 })),
  },
  { additionalProperties: false },
);
export type HeatPoints = Static<typeof HeatPoints>;
