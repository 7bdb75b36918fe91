/** The intranet service gets this long to answer for one tile before the wall is told 504. */
const UPSTREAM_TIMEOUT_MS = 10_000;

/** The template filled for one web (XYZ) tile; {-y} is the TMS row some services number by. */
export const upstreamUrl = (template: string, z: number, x: number, y: number): string =>
  template
    .replaceAll('{z}', String(z))
    .replaceAll('{x}', String(x))
    .replaceAll('{-y}', String(2 ** z - 1 - y))
    .replaceAll('{y}', String(y));

export type UpstreamAnswer = { ok: true; data: Buffer; contentType: string } | { ok: false; status: number };

/**
 * One tile from the county's intranet service, fetched by the server so that the walls only ever
 * talk to their own origin (the page's Content-Security-Policy allows nothing else) and the service
 * key (Tianditu's `tk`) never reaches a browser.
 */
export const fetchUpstreamTile = async (url: string): Promise<UpstreamAnswer> => {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(UPSTREAM_TIMEOUT_MS) });
    if (response.status === 404 || response.status === 204) return { ok: false, status: 204 };
    if (!response.ok) return { ok: false, status: 502 };
    return {
      ok: true,
      data: Buffer.from(await response.arrayBuffer()),
      // fetch has already decoded any content-encoding: the body is sent on plain.
      contentType: response.headers.get('content-type') ?? 'application/octet-stream',
    };
  } catch (error) {
    return { ok: false, status: (error as Error).name === 'TimeoutError' ? 504 : 502 };
  }
};
