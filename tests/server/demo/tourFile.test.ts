import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TourFile } from '../../../shared/contract/demo';
import { loadConfig } from '../../../server/config';
import { ConfigError } from '../../../server/ConfigError';
import type { CountyIndex } from '../../../server/county/CountyIndex';
import { loadTour } from '../../../server/demo/loadTour';
import { startTestServer, testCounty } from '../helpers/testServer';

const DEFAULT_TOUR = 'data/tours/default.json';
const SHORT_TOUR = join(import.meta.dirname, 'fixtures', 'shortTour.json');
const shortTour = (): TourFile => JSON.parse(readFileSync(SHORT_TOUR, 'utf8')) as TourFile;

let county: CountyIndex;
let dir: string;
beforeAll(async () => {
  county = await testCounty();
  dir = mkdtempSync(join(tmpdir(), 'jinlin-tour-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Writes a variant of the short tour (or raw text) and returns the message loading it is refused with. */
const refusal = async (content: string | ((tour: TourFile) => void)): Promise<string> => {
  let text = content as string;
  if (typeof content === 'function') {
    const tour = shortTour();
    content(tour);
    text = JSON.stringify(tour, null, 2);
  }
  const file = join(dir, `tour-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(file, text);
  const error = await loadTour(file, county).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ConfigError);
  return (error as ConfigError).message.replace(file, 'FILE');
};

describe('the default tour', () => {
  it('validates against the schema and the sample county', async () => {
    const tour = await loadTour(loadConfig({}).tourFile, county);
    expect(tour.stops.length).toBeGreaterThanOrEqual(6);
    expect(tour.stops.length).toBeLessThanOrEqual(8);
  });

  it('tells the seeds’ own stories, in Chinese and English, 15 to 30 seconds a stop', async () => {
    const tour = await loadTour(loadConfig({}).tourFile, county);
    const sanfu = tour.stops.find((s) => s.region === '350121001002');
    expect(county.get('350121001002')?.name).toBe('三福社区');
    expect(sanfu?.caption.title.zh).toContain('小社区大家园');
    expect(sanfu?.caption.text.zh).toMatch(/11家驻区单位.*30余项荣誉/);
    expect(tour.stops.some((s) => s.highlight.layers.includes('serviceCircles') && s.highlight.panels.includes('stations'))).toBe(true);
    expect(tour.stops.some((s) => s.caption.title.zh.includes('户—队—片—区'))).toBe(true);
    expect(tour.stops.some((s) => s.highlight.layers.includes('volunteerHeat') && s.highlight.panels.includes('volunteers'))).toBe(true);
    expect(tour.stops.some((s) => s.highlight.panels.includes('wishes'))).toBe(true);
    for (const stop of tour.stops) {
      expect(stop.durationSec).toBeGreaterThanOrEqual(15);
      expect(stop.durationSec).toBeLessThanOrEqual(30);
      expect(stop.caption.title.en && stop.caption.text.en).toBeTruthy();
    }
  });

  it('is the file TOUR_FILE names by default, relative to the working directory', () => {
    expect(relative(process.cwd(), loadConfig({}).tourFile)).toBe(DEFAULT_TOUR);
    expect(loadConfig({ TOUR_FILE: '' }).tourFile).toBe('');
  });

  it('autoplays when the simulator runs, and not otherwise, unless TOUR_AUTOPLAY says so', () => {
    expect(loadConfig({}).tourAutoplay).toBe(true);
    expect(loadConfig({ SIMULATOR: 'off' }).tourAutoplay).toBe(false);
    expect(loadConfig({ SIMULATOR: 'off', TOUR_AUTOPLAY: 'on' }).tourAutoplay).toBe(true);
    expect(() => loadConfig({ TOUR_AUTOPLAY: 'maybe' })).toThrow('TOUR_AUTOPLAY must be on or off, got "maybe"');
  });
});

describe('a broken tour file is refused with the bad stop named', () => {
  it('refuses a stop whose region is not in the county', async () => {
    expect(await refusal((t) => void ((t.stops[1] as TourFile['stops'][number]).region = '350121001999'))).toBe(
      'tour file FILE: stop 2 "ganzhe": region 350121001999 is not in the county',
    );
  });

  it('refuses a stop shorter than 5 seconds', async () => {
    expect(await refusal((t) => void ((t.stops[2] as TourFile['stops'][number]).durationSec = 3))).toBe(
      'tour file FILE: stop 3 "sanfu": durationSec must be >= 5',
    );
  });

  it('refuses a stop id used twice, naming both stops', async () => {
    expect(await refusal((t) => void ((t.stops[2] as TourFile['stops'][number]).id = 'county'))).toBe(
      'tour file FILE: stop 3 "county": id "county" is already used by stop 1',
    );
  });

  it('refuses a layer the wall does not have, listing the ones it has', async () => {
    const message = await refusal((t) => void ((t.stops[0] as { highlight: { layers: string[] } }).highlight.layers = ['traffic']));
    expect(message).toMatch(/^tour file FILE: stop 1 "county": highlight\.layers\[0\] must be one of "incidentHeat", "volunteerHeat", .*"serviceCircles"$/);
  });

  it('refuses an unknown field, naming it', async () => {
    expect(await refusal((t) => void ((t.stops[1] as { camera: object }).camera = { zoom: 12, roll: 5 }))).toBe(
      "tour file FILE: stop 2 \"ganzhe\": camera has an unknown field 'roll'",
    );
  });

  it('refuses a stop without a caption', async () => {
    expect(await refusal((t) => void delete (t.stops[0] as Partial<TourFile['stops'][number]>).caption)).toBe(
      'tour file FILE: stop 1 "county": caption is required',
    );
  });

  it('refuses a caption title too long to read from 5 m', async () => {
    expect(await refusal((t) => void ((t.stops[1] as TourFile['stops'][number]).caption.title.zh = '长'.repeat(41)))).toBe(
      'tour file FILE: stop 2 "ganzhe": caption.title.zh must NOT have more than 40 characters',
    );
  });

  it('refuses a problem outside the stops, naming the field', async () => {
    expect(await refusal((t) => void (t.idleResumeSec = 2))).toBe('tour file FILE: idleResumeSec must be >= 10');
    expect(await refusal((t) => void ((t as { version: number }).version = 2))).toBe('tour file FILE: version must be 1');
    expect(await refusal((t) => void (t.stops = []))).toBe('tour file FILE: stops must NOT have fewer than 1 items');
  });

  it('refuses invalid JSON, naming the line and column', async () => {
    expect(await refusal('{\n  "version": 1,\n  "title": }\n')).toBe('tour file FILE is not valid JSON: unexpected "}" at line 3, column 12');
    expect(await refusal('{\n  "version": 1,\n')).toBe('tour file FILE is not valid JSON: unexpected the end of the file at line 3, column 1');
  });

  it('refuses a file that is not there', async () => {
    const missing = join(dir, 'missing.json');
    await expect(loadTour(missing, county)).rejects.toThrow(`tour file ${missing} cannot be read (ENOENT)`);
  });
});

describe('starting the server', () => {
  it('is refused with a configuration error naming the bad stop', async () => {
    const tour = shortTour();
    (tour.stops[1] as TourFile['stops'][number]).region = '350121001999';
    const file = join(dir, 'bad-region.json');
    writeFileSync(file, JSON.stringify(tour));
    const started = startTestServer({ env: { TOUR_FILE: file }, dataDir: join(dir, 'refused') });
    await expect(started).rejects.toBeInstanceOf(ConfigError);
    await expect(started).rejects.toThrow(`tour file ${file}: stop 2 "ganzhe": region 350121001999 is not in the county`);
  });

  it('runs without a tour when TOUR_FILE is empty', async () => {
    const server = await startTestServer({ env: { TOUR_FILE: '' }, listen: false });
    try {
      expect(server.services.tour).toBeNull();
      const demo = await server.app.inject({ method: 'GET', url: '/api/v1/demo', headers: server.admin });
      expect(demo.json()).toMatchObject({ sample: true, tour: null, scenario: null, resetting: false });
    } finally {
      await server.close();
    }
  });
});
