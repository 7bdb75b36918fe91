import { parseString } from '@fast-csv/parse';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClock } from '../../../server/clock';
import { incidentsInPeriod } from '../../../server/export/incidentsInPeriod';
import { GANZHE_STREET, SHANGJIE_TOWN, gridIn, incidentAt } from '../helpers/fixtures';
import { startTestServer, testCounty, type TestServer } from '../helpers/testServer';

const NAMES = ['张三丰', '李秀英', '覃翊翾'];
const PHONES = ['13812345678', '13987654321', '15011112222'];
const IN_GANZHE = 23;
const IN_SHANGJIE = 9;
/** 2026-11-20 10:00 Shanghai. */
const START = Date.UTC(2026, 10, 20, 2, 0);

const parseCsv = (text: string): Promise<string[][]> =>
  new Promise((resolve, reject) => {
    const rows: string[][] = [];
    parseString(text, { headers: false })
      .on('error', reject)
      .on('data', (row: string[]) => rows.push(row))
      .on('end', () => resolve(rows));
  });

const readXlsx = async (body: Buffer): Promise<unknown[][]> => {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(body as unknown as ArrayBuffer);
  const sheet = workbook.getWorksheet('incidents');
  if (!sheet) throw new Error('no incidents sheet');
  const rows: unknown[][] = [];
  sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
};

describe('incident exports', () => {
  let server: TestServer;
  const clock = createClock({ startAt: START });
  const bearer = (role: Parameters<TestServer['token']>[0], scope = '350121') => ({ authorization: `Bearer ${server.token(role, scope)}` });
  const exportOf = (format: 'csv' | 'xlsx', headers: Record<string, string>, query = 'from=2026-11-20&to=2026-11-20') =>
    server.app.inject({ method: 'GET', url: `/api/v1/exports/incidents.${format}?${query}`, headers });

  beforeAll(async () => {
    server = await startTestServer({ clock, listen: false });
    const county = await testCounty();
    const post = async (scope: string, n: number) => {
      const body = incidentAt(gridIn(county, scope, n), {
        description: `=HYPERLINK("x") ${NAMES[n % 3]}反映路灯不亮，电话${PHONES[n % 3]}`,
        reporter: { name: NAMES[n % 3]!, phone: PHONES[n % 3]! },
      });
      const response = await server.app.inject({ method: 'POST', url: '/api/v1/incidents', payload: body, headers: server.admin });
      expect(response.statusCode, response.body).toBe(201);
      return (response.json() as { id: string }).id;
    };
    for (let n = 0; n < IN_GANZHE; n++) {
      const id = await post(GANZHE_STREET, n);
      if (n % 4 === 0) {
        await server.app.inject({ method: 'POST', url: `/api/v1/incidents/${id}/transitions`, payload: { action: 'accept' }, headers: server.admin });
      }
    }
    for (let n = 0; n < IN_SHANGJIE; n++) await post(SHANGJIE_TOWN, n);
  });
  afterAll(() => server.close());

  it('gives an operator a CSV with a BOM, one row per incident of the period and the reporters in full', async () => {
    const response = await exportOf('csv', bearer('operator'));
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/csv');
    expect(response.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const [header, ...rows] = await parseCsv(response.body.replace(/^\uFEFF/, ''));
    expect(rows).toHaveLength(IN_GANZHE + IN_SHANGJIE);
    expect(header).toContain('报告人 reporter_name');
    const names = rows.map((row) => row[header!.indexOf('报告人 reporter_name')]);
    expect(new Set(names)).toEqual(new Set(NAMES));
    const accepted = rows.filter((row) => row[header!.indexOf('受理 accepted_at')] !== '');
    expect(accepted).toHaveLength(Math.ceil(IN_GANZHE / 4));
    expect(rows[0]![header!.indexOf('上报 reported_at')]).toMatch(/^2026-11-20 10:0\d:\d\d$/);
    // A resident's text that looks like a formula is not run by the spreadsheet.
    expect(rows[0]![header!.indexOf('描述 description')]!.startsWith("'=HYPERLINK")).toBe(true);
  });

  it('gives a display token a CSV without reporter columns, names or phones', async () => {
    const response = await exportOf('csv', bearer('display'));
    expect(response.statusCode).toBe(200);
    const [header, ...rows] = await parseCsv(response.body.replace(/^\uFEFF/, ''));
    expect(rows).toHaveLength(IN_GANZHE + IN_SHANGJIE);
    expect(header!.some((h) => h.includes('reporter'))).toBe(false);
    for (const secret of [...NAMES, ...PHONES]) expect(response.body).not.toContain(secret);
  });

  it('reads back as XLSX in exceljs: full for an operator, masked for a display', async () => {
    const full = await exportOf('xlsx', bearer('operator'));
    expect(full.statusCode).toBe(200);
    const fullRows = await readXlsx(full.rawPayload);
    expect(fullRows).toHaveLength(1 + IN_GANZHE + IN_SHANGJIE);
    const header = fullRows[0] as string[];
    const reporterColumn = header.indexOf('报告人 reporter_name');
    expect(new Set(fullRows.slice(1).map((row) => row[reporterColumn]))).toEqual(new Set(NAMES));
    expect(fullRows[1]![header.indexOf('上报 reported_at')]).toBeInstanceOf(Date);

    const masked = await readXlsx((await exportOf('xlsx', bearer('presenter'))).rawPayload);
    expect(masked).toHaveLength(1 + IN_GANZHE + IN_SHANGJIE);
    expect((masked[0] as string[]).some((h) => h.includes('reporter'))).toBe(false);
    const cells = JSON.stringify(masked);
    for (const secret of [...NAMES, ...PHONES]) expect(cells).not.toContain(secret);
  });

  it('confines a street token to its street and answers another street as not found', async () => {
    const own = await parseCsv((await exportOf('csv', bearer('street', GANZHE_STREET))).body.replace(/^\uFEFF/, ''));
    expect(own).toHaveLength(1 + IN_GANZHE);
    const other = await exportOf('xlsx', bearer('street', GANZHE_STREET), `scope=${SHANGJIE_TOWN}&from=2026-11-20&to=2026-11-20`);
    expect(other.statusCode).toBe(404);
    expect(other.json()).toMatchObject({ error: 'region_not_found' });
  });

  it('leaves out incidents reported outside the period', async () => {
    const rows = await parseCsv((await exportOf('csv', bearer('admin'), 'from=2026-11-21&to=2026-11-30')).body.replace(/^\uFEFF/, ''));
    expect(rows).toHaveLength(1);
  });

  it.each([
    ['to=2026-11-20', 'querystring/from'],
    ['from=yesterday&to=2026-11-20', 'querystring/from'],
    ['from=2026-02-30&to=2026-03-02', 'querystring/from'],
    ['from=2026-11-21&to=2026-11-20T08:00', 'querystring/to'],
    ['from=2026-11-20&to=2026-11-20&scope=abc', 'querystring/scope'],
  ])('refuses %s with 400 naming %s', async (query, field) => {
    const response = await exportOf('csv', bearer('operator'), query);
    expect(response.statusCode).toBe(400);
    expect(response.json().message).toContain(field);
  });

  it('refuses an ingest token, which may not read', async () => {
    expect((await exportOf('csv', bearer('ingest'))).statusCode).toBe(403);
  });

  it('walks the store in pages, every incident of the scope exactly once', async () => {
    const seen: string[] = [];
    for await (const page of incidentsInPeriod(server.services.store, { scope: GANZHE_STREET, fromMs: 0, toMs: Number.MAX_SAFE_INTEGER, pageSize: 4 })) {
      expect(page.length).toBeLessThanOrEqual(4);
      seen.push(...page.map((incident) => incident.id));
    }
    expect(seen).toHaveLength(IN_GANZHE);
    expect(new Set(seen).size).toBe(IN_GANZHE);
  });
});
