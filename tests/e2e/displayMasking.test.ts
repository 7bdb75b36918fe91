import type { Browser, BrowserContext, Page, Response } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReportIncidentBody } from '../../shared/contract/http';
import type { Snapshot } from '../../shared/contract/snapshot';
import type { Incident } from '../../shared/domain/incident';
import { maskName } from '../../shared/logic/masking';
import { signToken } from '../../server/auth/tokens';
import type {} from '../../client/jinlinTestHook';
import { ensureClientBuilt } from './harness/ensureClientBuilt';
import { launchBrowser } from './harness/launchBrowser';
import { screenshotPath } from './harness/screenshotPath';
import { startServer, type RunningServer } from './harness/startServer';

const SECRET = 'jinlin-e2e-masking-secret';
const STREET = '350121001';
/**
 * A phone or id number stands apart from letters and dashes as well as digits: inside an id
 * (`EV-…-a13294962481`, a UUID's last group of hex) a run of eleven digits is no one's phone.
 */
const PHONE = /(?<![\dA-Za-z-])1[3-9]\d{9}(?![\dA-Za-z])/;
const ID_NUMBER = /(?<![\dA-Za-z-])\d{17}[\dXx](?![\dA-Za-z])/;
/**
 * The same, for what is not JSON (the page, its scripts and styles): there a run of digits after a
 * decimal point is a fraction — MapLibre ships 0.008856451679035631, CIE Lab's ε — not a number of
 * anyone's. JSON is scanned value by value, with the patterns above.
 */
const PHONE_IN_CODE = /(?<![\d.])1[3-9]\d{9}(?!\d)/;
const ID_NUMBER_IN_CODE = /(?<![\d.])\d{17}[\dXx](?!\d)/;

/** Names no generator would pick, each with a phone and an id number, also repeated in the text. */
const RESIDENTS = [
  { name: '甯骁翀', phone: '13712340581', idNumber: '350121198003152417' },
  { name: '亓官霁澜', phone: '15905910376', idNumber: '35012119760921083X' },
  { name: '覃翊翾', phone: '18650012749', idNumber: '350121199512300026' },
  { name: '郗骞骋', phone: '17720958163', idNumber: '350121200102141395' },
  { name: '闫蓁蓁', phone: '13395017724', idNumber: '350121196807070548' },
] as const;

interface Hit {
  source: string;
  kind: 'phone' | 'id number' | 'name';
  match: string;
}

/** Socket.IO frames are an engine.io type digit, a socket.io type digit and JSON (`42["events",{…}]`). */
const parseFrame = (text: string): unknown => {
  for (const candidate of [text, text.replace(/^\d+/, '')]) {
    try {
      return JSON.parse(candidate);
    } catch {
      // not JSON this way; try the next, else the text is scanned as it is
    }
  }
  return undefined;
};

/**
 * Every string (keys included) and integer of a JSON value. Fractional numbers are left out: they
 * are coordinates, whose digits after the point can look like anything; phones and id numbers are
 * strings in the contract, and an integer phone would still be caught.
 */
const textsOf = (value: unknown, out: string[] = []): string[] => {
  if (typeof value === 'string') out.push(value);
  else if (typeof value === 'number' && Number.isInteger(value)) out.push(String(value));
  else if (Array.isArray(value)) for (const item of value) textsOf(item, out);
  else if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) {
      out.push(key);
      textsOf(item, out);
    }
  }
  return out;
};

const scanText = (source: string, text: string): Hit[] => {
  const parsed = parseFrame(text);
  const texts = parsed === undefined ? [text] : textsOf(parsed);
  const [phonePattern, idPattern] = parsed === undefined ? [PHONE_IN_CODE, ID_NUMBER_IN_CODE] : [PHONE, ID_NUMBER];
  const hits: Hit[] = [];
  for (const piece of texts) {
    const phone = phonePattern.exec(piece);
    if (phone) hits.push({ source, kind: 'phone', match: phone[0] });
    const id = idPattern.exec(piece);
    if (id) hits.push({ source, kind: 'id number', match: id[0] });
    for (const { name } of RESIDENTS) if (piece.includes(name)) hits.push({ source, kind: 'name', match: name });
  }
  return hits;
};

describe('a public wall never receives a resident’s unmasked name, phone or id number', () => {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  let context: BrowserContext;
  let page: Page;
  const hits: Hit[] = [];
  const frames: unknown[] = [];
  const reads: Promise<void>[] = [];
  const unreadable: string[] = [];
  const scanned = { responses: 0, bytes: 0, frames: 0, cutOff: 0 };
  const posted: Incident[] = [];
  const startedMs = performance.now();
  const elapsed = () => `${((performance.now() - startedMs) / 1000).toFixed(1)} s`;

  const scanResponse = async (response: Response): Promise<void> => {
    const status = response.status();
    // 304 (ETag revalidation) and redirects carry no body of their own; what they point at was scanned.
    if (status === 304 || status === 204 || (status >= 300 && status < 400)) return;
    // A load the reload cut off never reached the page whole; it is counted, not scanned.
    if ((await response.finished()) !== null) {
      scanned.cutOff += 1;
      return;
    }
    try {
      const body = await response.body();
      scanned.responses += 1;
      scanned.bytes += body.length;
      hits.push(...scanText(`${status} ${response.url()}`, body.toString('utf8')));
    } catch (error) {
      unreadable.push(`${status} ${response.url()}: ${(error as Error).message}`);
    }
  };

  const watchPage = (watched: Page): void => {
    watched.on('websocket', (socket) =>
      socket.on('framereceived', ({ payload }) => {
        const text = typeof payload === 'string' ? payload : payload.toString('utf8');
        scanned.frames += 1;
        frames.push(parseFrame(text));
        hits.push(...scanText(`ws ${socket.url()}`, text));
      }),
    );
  };

  /** Incidents of ours the page has been sent over its socket, as it received them. */
  const receivedIncidents = (): Incident[] =>
    frames.flatMap((frame) => {
      if (!Array.isArray(frame) || frame[0] !== 'events') return [];
      const batch = frame[1] as { events?: { type: string; payload: { incident?: Incident } }[] };
      return (batch.events ?? []).flatMap((e) =>
        e.type === 'incident:reported' && e.payload.incident?.id.startsWith('E2E-MASK-') ? [e.payload.incident] : [],
      );
    });

  const report = async (index: number, site: Incident): Promise<Incident> => {
    const resident = RESIDENTS[index]!;
    const body: ReportIncidentBody = {
      id: `E2E-MASK-${index}`,
      category: 'dispute',
      source: 'hotline',
      description: `${resident.name}反映邻居噪音扰民，联系电话${resident.phone}，身份证${resident.idNumber}`,
      lng: site.location.lng,
      lat: site.location.lat,
      gridCode: site.gridCode,
      reporter: { name: resident.name, phone: resident.phone, idNumber: resident.idNumber, address: '3号楼2单元502室' },
    };
    const ingest = signToken({ role: 'ingest', scope: '350121', ttlSeconds: 600, now: Date.now() }, SECRET).token;
    const response = await fetch(`${server!.origin}/api/v1/incidents`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${ingest}` },
      body: JSON.stringify(body),
    });
    if (response.status !== 201) throw new Error(`report ${index}: ${response.status} ${await response.text()}`);
    return (await response.json()) as Incident;
  };

  beforeAll(async () => {
    ensureClientBuilt();
    [server, browser] = await Promise.all([
      startServer({ env: { SIMULATOR: 'on', SIM_WARMUP_HOURS: '2', AUTH_SECRET: SECRET } }),
      launchBrowser(),
    ]);
    context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    context.on('response', (response) => reads.push(scanResponse(response)));
    page = await context.newPage();
    watchPage(page);
    await page.goto(`${server.origin}/`);
    await page.waitForFunction(() => window.__jinlin !== undefined);
    await page.evaluate(() => window.__jinlin?.ready);
    console.log(`${elapsed()}: anonymous wall drawn`);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('receives, live, the incidents residents just reported — masked', async () => {
    const snapshot = (await (await fetch(`${server!.origin}/api/v1/snapshot?scope=${STREET}`)).json()) as Snapshot;
    const sites = snapshot.incidents.slice(0, RESIDENTS.length);
    expect(sites).toHaveLength(RESIDENTS.length);
    for (const [index, site] of sites.entries()) posted.push(await report(index, site));
    expect(posted.every((incident) => incident.reporter?.phone !== undefined)).toBe(true);
    await expect.poll(() => receivedIncidents().length, { timeout: 30_000 }).toBe(RESIDENTS.length);
    console.log(`${elapsed()}: the wall received all ${RESIDENTS.length} over its socket`);
    for (const incident of receivedIncidents()) {
      const resident = RESIDENTS[Number(incident.id.slice('E2E-MASK-'.length))]!;
      expect(incident.reporter).toBeUndefined();
      expect(incident.description).toContain(`${maskName(resident.name)}反映`);
    }
  });

  it('gets them masked over HTTP too, when it loads its picture afresh', async () => {
    const snapshotRead = page.waitForResponse((response) => response.url().includes('/api/v1/snapshot'));
    await page.reload();
    const snapshot = (await (await snapshotRead).json()) as Snapshot;
    await page.waitForFunction(() => window.__jinlin !== undefined);
    await page.evaluate(() => window.__jinlin?.ready);
    const ours = snapshot.incidents.filter((incident) => incident.id.startsWith('E2E-MASK-'));
    expect(ours).toHaveLength(RESIDENTS.length);
    expect(ours.every((incident) => incident.reporter === undefined)).toBe(true);
    await page.screenshot({ path: screenshotPath('display-masking-wall-1280x720.png') });
  });

  it('finds no unmasked phone, id number or reporter name in any response body or socket frame', async () => {
    await Promise.all(reads);
    console.log(
      `${elapsed()}: scanned ${scanned.responses} responses (${(scanned.bytes / 1e6).toFixed(1)} MB, ${scanned.cutOff} cut off by the reload) ` +
        `and ${scanned.frames} socket frames`,
    );
    // The scan itself finds what it looks for: the full record the ingest token got back has all three.
    const own = scanText('self-check', JSON.stringify(posted));
    expect(new Set(own.map((hit) => hit.kind))).toEqual(new Set(['phone', 'id number', 'name']));
    expect(unreadable).toEqual([]);
    expect(scanned.responses).toBeGreaterThan(5);
    expect(scanned.frames).toBeGreaterThan(RESIDENTS.length);
    expect(hits).toEqual([]);
  });
});
