import { ROUTES } from '../../shared/contract/http';
import { apiErrorOf } from './apiErrorOf';
import { apiFetch } from './apiFetch';
import { HttpError } from './HttpError';

export type ExportFormat = 'csv' | 'xlsx';

export interface ExportRequest {
  format: ExportFormat;
  /** Region code; null: the token's own scope. */
  scope: string | null;
  /** ISO dates (YYYY-MM-DD, Asia/Shanghai); `to` includes its whole day. */
  from: string;
  to: string;
}

/** A big county's month takes a while to stream. */
const EXPORT_TIMEOUT_MS = 300_000;

/**
 * GET /api/v1/exports/incidents.csv|.xlsx with the tab's token (a header, so not a plain link: a
 * token in a URL ends up in logs). Resolves to the file and the name the server gave it.
 */
export const downloadIncidentExport = async (request: ExportRequest, baseUrl = ''): Promise<{ blob: Blob; fileName: string }> => {
  const route = request.format === 'csv' ? ROUTES.exportIncidentsCsv : ROUTES.exportIncidentsXlsx;
  const query = new URLSearchParams({ from: request.from, to: request.to, ...(request.scope ? { scope: request.scope } : {}) });
  const response = await apiFetch(`${baseUrl}${route}?${query}`, { headers: { accept: '*/*' }, timeoutMs: EXPORT_TIMEOUT_MS });
  if (!response.ok) {
    const error = await apiErrorOf(response);
    throw new HttpError(response.status, error.code, error.message);
  }
  const named = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '');
  return { blob: await response.blob(), fileName: named?.[1] ?? `incidents.${request.format}` };
};
