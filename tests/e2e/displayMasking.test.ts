import type { Browser, BrowserContext, Page, Response } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReportIncidentBody } from '../../shared/contract/http';
import type { Snapshot } from '../../shared/contract/snapshot';
import type { Incident } from '../../shared/domain/incident';
import { maskName } from '../../shared/logic/masking';
import { signToken } from '../../server/auth/tokens';
import type {} from '../../client/jinlinTestHook';
import { findPersonalDataInJson, tally, type PersonalHit } from '../shared/logic/privacy/findPersonalData';
import { ensureClientBuilt } from './harness/ensureClientBuilt';
import { launchBrowser } from './harness/launchBrowser';
import { parseFrame, scanText } from './harness/scanPersonalData';
import { screenshotPath } from './harness/screenshotPath';
import { startServer, type RunningServer } from './harness/startServer';

const SECRET = 'jinlin-e2e-masking-secret';
const STREET = '350121001';

/** Names no generator would pick, each with a phone and an id number, also repeated in the text. */
const RESIDENTS = [
  { name: '甯骁翀', phone: '13712340581', idNumber: '350121198003152417' },
  { name: '亓官霁澜', phone: '15905910376', idNumber: '35012119760921083X' },
  { name: '覃翊翾', phone: '18650012749', idNumber: '350121199512300026' },
  { name: '郗骞骋', phone: '17720958163', idNumber: '350121200102141395' },
  { name: '闫蓁蓁', phone: '13395017724', idNumber: '350121196807070548' },
] as const;
/** The other people a record names: wish residents and claimers, members checking in, staff on duty. */
const WISHERS = [{ name: '禤翊澜', phone: '13605910427' }, { name: '訾骁骋', phone: '15859104312' }] as const;
const CLAIMERS = ['羿蓁英', '靳霁丰'] as const;
const MEMBERS = [{ name: '冼翀娜', phone: '13905918826' }, { name: '亓骞蓁', phone: '18959107734' }] as const;
const ON_DUTY = [{ name: '郗翾英', phone: '13799051263' }, { name: '覃骋澜', phone: '15080591147' }] as const;
const NAMES = [...RESIDENTS.map((r) => r.name), ...WISHERS.map((w) => w.name), ...CLAIMERS, ...MEMBERS.map((m) => m.name), ...ON_DUTY.map((d) => d.name)];

/** The digit forms of the report: full-width, dotted, spaced, dashed with +86. */
const fullWidth = (text: string) => text.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 48 + 0xff10));
const dotted = (phone: string) => `${phone.slice(0, 3)}.${phone.slice(3, 7)}.${phone.slice(7)}`;
const spaced = (phone: string) => Array.from(phone).join(' ');
const plus86 = (phone: string) => `+86 ${phone.slice(0, 3)}-${phone.slice(3, 7)}-${phone.slice(7)}`;
const spacedId = (id: string) => `${id.slice(0, 6)} ${id.slice(6, 14)} ${id.slice(14)}`;

const operator = () => signToken({ role: 'operator', scope: '350121', ttlSeconds: 600, now: Date.now() }, SECRET).token;

describe('a display wall never receives a phone in any digit form, an id number, a house number or a known full name', () => {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  let context: BrowserContext;
  let page: Page;
  const hits: PersonalHit[] = [];
  const frames: unknown[] = [];
  const reads: Promise<void>[] = [];
  const unreadable: string[] = [];
  const scanned = { responses: 0, bytes: 0, frames: 0, cutOff: 0 };
  /** What the operator got back for every write: full records, the scanner's self-check. */
  const written: unknown[] = [];
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
      hits.push(...scanText(`${status} ${response.url()}`, body.toString('utf8'), NAMES));
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
        hits.push(...scanText(`ws ${socket.url()}`, text, NAMES));
      }),
    );
  };

  type SentEvent = { seq: number; type: string; payload: { incident?: Incident } };
  const receivedEvents = (): SentEvent[] =>
    frames.flatMap((frame) => (Array.isArray(frame) && frame[0] === 'events' ? ((frame[1] as { events?: SentEvent[] }).events ?? []) : []));
  /** Incidents of ours the page has been sent over its socket, as it received them. */
  const receivedIncidents = (): Incident[] =>
    receivedEvents().flatMap((e) => (e.type === 'incident:reported' && e.payload.incident?.id.startsWith('E2E-MASK-') ? [e.payload.incident] : []));

  const write = async (method: 'POST' | 'PUT', path: string, body: object): Promise<{ id: string }> => {
    const response = await fetch(`${server!.origin}${path}`, {
      method,
      headers: { 'content-type': 'application/json', authorization: `Bearer ${operator()}` },
      body: JSON.stringify(body),
    });
    if (response.status >= 300) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
    const record = (await response.json()) as { id: string };
    written.push(record);
    return record;
  };

  const report = async (index: number, site: Incident): Promise<Incident> => {
    const { name, phone, idNumber } = RESIDENTS[index]!;
    const body: ReportIncidentBody = {
      id: `E2E-MASK-${index}`,
      category: 'dispute',
      source: 'hotline',
      description: `${name}反映邻居噪音扰民，联系电话${phone}，或${fullWidth(phone)}、${dotted(phone)}、${spaced(phone)}，身份证${idNumber}，住阳光小区5栋301室`,
      lng: site.location.lng,
      lat: site.location.lat,
      gridCode: site.gridCode,
      reporter: { name, phone, idNumber, address: '3号楼2单元502室' },
    };
    const incident = (await write('POST', '/api/v1/incidents', body)) as Incident;
    const transition = (payload: object) => write('POST', `/api/v1/incidents/${incident.id}/transitions`, payload);
    await transition({ action: 'accept', note: `到榕桥花园3号楼2单元502室找${name}` });
    await transition({ action: 'dispatch', assignee: `物业 ${name} ${phone}`, note: `${name} 电话 ${plus86(phone)}` });
    await transition({ action: 'start', note: `联系${fullWidth(dotted(phone))}，${name}在家` });
    await transition({ action: 'resolve', resolution: `已回访${name}，身份证${spacedId(idNumber)}，座机0591-12345678，住12号` });
    return incident;
  };

  /** Wishes, stations and check-ins, each with the personal data people type into them. */
  const postOthers = async (snapshot: Snapshot): Promise<void> => {
    for (const [i, wisher] of WISHERS.entries()) {
      const wish = await write('POST', '/api/v1/wishes', {
        id: `W-${wisher.phone}`,
        title: `${wisher.name}想要助听器 ${dotted(wisher.phone)}`,
        description: `${wisher.name} 电话${wisher.phone} 身份证${RESIDENTS[i]!.idNumber} 住阳光小区5栋301室`,
        regionCode: snapshot.incidents[0]!.regionPath[2],
        residentName: wisher.name,
        residentPhone: wisher.phone,
      });
      await write('POST', `/api/v1/wishes/${wish.id}/claim`, { claimerName: CLAIMERS[i] });
    }
    for (const [i, duty] of ON_DUTY.entries()) {
      await write('PUT', `/api/v1/stations/${snapshot.stations[i]!.id}/status`, {
        status: 'open',
        onDuty: { name: duty.name, phone: duty.phone },
        onDutyCount: 1,
        visitors: 4,
        activity: `义诊 联系${duty.name}${duty.phone} 5栋301室`,
      });
    }
    for (const [i, member] of MEMBERS.entries()) {
      const site = snapshot.incidents[i]!;
      await write('POST', '/api/v1/checkins', { memberId: member.phone, memberName: member.name, memberPhone: member.phone, kind: 'volunteer', category: 'clinic', gridCode: site.gridCode });
    }
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
    const display = signToken({ role: 'display', scope: '350121', ttlSeconds: 3600, now: Date.now() }, SECRET).token;
    await page.goto(`${server.origin}/?token=${display}`);
    await page.waitForFunction(() => window.__jinlin !== undefined);
    await page.evaluate(() => window.__jinlin?.ready);
    console.log(`${elapsed()}: display wall drawn`);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('receives, live, what residents, staff and members just wrote in every free-text field — scrubbed', async () => {
    const full = { authorization: `Bearer ${operator()}` };
    const snapshot = (await (await fetch(`${server!.origin}/api/v1/snapshot?scope=${STREET}`, { headers: full })).json()) as Snapshot;
    const sites = snapshot.incidents.slice(0, RESIDENTS.length);
    expect(sites).toHaveLength(RESIDENTS.length);
    for (const [index, site] of sites.entries()) await report(index, site);
    await postOthers(snapshot);
    const { headSeq } = (await (await fetch(`${server!.origin}/api/v1/events?after=0&limit=1`, { headers: full })).json()) as { headSeq: number };
    await expect.poll(() => Math.max(0, ...receivedEvents().map((e) => e.seq)), { timeout: 30_000 }).toBeGreaterThanOrEqual(headSeq);
    console.log(`${elapsed()}: the wall received everything up to seq ${headSeq} over its socket`);
    const ours = receivedIncidents();
    expect(ours).toHaveLength(RESIDENTS.length);
    for (const incident of ours) {
      const resident = RESIDENTS[Number(incident.id.slice('E2E-MASK-'.length))]!;
      expect(incident.reporter).toBeUndefined();
      expect(incident.description).toContain(`${maskName(resident.name)}反映`);
    }
  });

  it('gets them scrubbed over HTTP too, when it loads its picture afresh', async () => {
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

  it('finds 0 phones, id numbers, house numbers and known full names in every response body and socket frame', async () => {
    await Promise.all(reads);
    console.log(
      `${elapsed()}: scanned ${scanned.responses} responses (${(scanned.bytes / 1e6).toFixed(1)} MB, ${scanned.cutOff} cut off by the reload) ` +
        `and ${scanned.frames} socket frames`,
    );
    // The scan itself finds what it looks for: the full records the operator got back hold every kind.
    const own = tally(findPersonalDataInJson('self-check', written, NAMES));
    expect(Object.values(own).every((n) => n > 0), JSON.stringify(own)).toBe(true);
    expect(unreadable).toEqual([]);
    expect(scanned.responses).toBeGreaterThan(5);
    expect(scanned.frames).toBeGreaterThan(RESIDENTS.length);
    expect(tally(hits), JSON.stringify(hits.slice(0, 20))).toEqual({ phone: 0, 'id number': 0, name: 0, 'house number': 0 });
  });
});
