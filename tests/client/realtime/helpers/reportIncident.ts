import type { ReportIncidentBody } from '../../../../shared/contract/http';
import { gridIn, incidentAt } from '../../../server/helpers/fixtures';
import { testCounty } from '../../../server/helpers/testServer';
import { postJson } from './postJson';

let counter = 0;

/** Reports an incident in the n-th grid of `scope` through the real HTTP API; returns its id. */
export const reportIncident = async (
  url: string,
  scope: string,
  n = 0,
  overrides: Partial<ReportIncidentBody> = {},
): Promise<string> => {
  const grid = gridIn(await testCounty(), scope, n);
  const id = `LC-${process.pid}-${++counter}`;
  await postJson(`${url}/api/v1/incidents`, { ...incidentAt(grid), id, ...overrides });
  return id;
};

/** Moves an incident along its lifecycle through the real HTTP API. */
export const transitionIncident = async (url: string, id: string, body: Record<string, unknown>): Promise<void> => {
  await postJson(`${url}/api/v1/incidents/${id}/transitions`, body);
};
