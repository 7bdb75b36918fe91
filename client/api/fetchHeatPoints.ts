import type { HeatTuple, HeatWindow } from '../../shared/contract/heat';
import { ROUTES } from '../../shared/contract/http';
import { apiFetch } from './apiFetch';

const isTuple = (value: unknown): value is HeatTuple => Array.isArray(value) && value.length === 3 && value.every((n) => typeof n === 'number' && Number.isFinite(n));

/** GET /api/v1/heat?window=&scope= with this screen's token: the incident heat points of a long window in the scope. */
export const fetchHeatPoints = async (window: HeatWindow, scope: string, token: string | null, signal: AbortSignal): Promise<readonly HeatTuple[]> => {
  const url = `${ROUTES.heat}?window=${window}&scope=${encodeURIComponent(scope)}`;
  const response = await apiFetch(url, { signal }, token);
  if (!response.ok) throw new Error(`GET ${url} answered ${response.status}`);
  const body = (await response.json()) as { points?: unknown };
  if (!Array.isArray(body.points) || !body.points.every(isTuple)) throw new Error(`GET ${url} did not answer heat points`);
  return body.points;
};
