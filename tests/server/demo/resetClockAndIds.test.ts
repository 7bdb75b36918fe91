import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../server/config';
import { ConfigError } from '../../../server/ConfigError';
import { demoMorningAt } from '../../../server/demo/demoMorning';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp } from '../../../server/app';
import { testCounty } from '../helpers/testServer';
import { seededIds } from '../../../server/demo/seededIds';
import { createRng } from '../../../shared/logic/rng';

describe('demoMorningAt (the clock a reset goes to)', () => {
  it('is the given time in Shanghai on the Shanghai date of the wall clock', () => {
    // 2025-06-11 23:00 in Shanghai is still the 11th there, though UTC says 15:00.
    expect(demoMorningAt(Date.UTC(2025, 5, 11, 15, 0), '08:30')).toBe(Date.UTC(2025, 5, 11, 0, 30));
    // 2025-06-11 20:00 UTC is already 04:00 on the 12th in Shanghai: that morning, still ahead.
    expect(demoMorningAt(Date.UTC(2025, 5, 11, 20, 0), '08:30')).toBe(Date.UTC(2025, 5, 12, 0, 30));
    expect(demoMorningAt(Date.UTC(2025, 5, 11, 20, 0), '07:05')).toBe(Date.UTC(2025, 5, 11, 23, 5));
  });

  it('comes from DEMO_MORNING, 08:30 by default, and a malformed time refuses the start naming the variable', () => {
    expect(loadConfig({}).demoMorning).toBe('08:30');
    expect(loadConfig({ DEMO_MORNING: '07:45' }).demoMorning).toBe('07:45');
    expect(() => loadConfig({ DEMO_MORNING: '8:30' })).toThrow(ConfigError);
    expect(() => loadConfig({ DEMO_MORNING: '24:00' })).toThrow('DEMO_MORNING must be a time of day as HH:MM, got "24:00"');
  });
});

describe('CLOCK_START (a server clock pinned to a time of day)', () => {
  it('is off by default, and a malformed time refuses the start naming the variable', () => {
    expect(loadConfig({}).clockStart).toBeNull();
    expect(loadConfig({ CLOCK_START: '21:00' }).clockStart).toBe('21:00');
    expect(() => loadConfig({ CLOCK_START: '9pm' })).toThrow('CLOCK_START must be a time of day as HH:MM, got "9pm"');
  });

  it('starts a real server at that local time of today', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'jinlin-clock-start-'));
    const config = loadConfig({ DATA_DIR: dataDir, SIMULATOR: 'off', CLIENT_DIR: '', LOG_LEVEL: 'warn', AUTH_SECRET: 'x', TOUR_FILE: '', CLOCK_START: '21:00' });
    const { app, services } = await buildApp(config, { county: await testCounty() });
    try {
      const expected = demoMorningAt(Date.now(), '21:00');
      expect(Math.abs(services.clock.now() - expected)).toBeLessThan(5_000);
    } finally {
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

describe('seededIds (the id source of a replayed morning)', () => {
  it('draws UUID-shaped ids after the prefix, the same sequence from the same seed and none twice', () => {
    const draw = (seed: number) => {
      const next = seededIds(createRng(seed));
      return Array.from({ length: 2000 }, (_, i) => next(i % 2 === 0 ? 'EV' : 'INC'));
    };
    const ids = draw(350121);
    expect(ids[0]).toMatch(/^EV-[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(ids[1]).toMatch(/^INC-[0-9a-f]{8}-/);
    expect(new Set(ids).size).toBe(ids.length);
    expect(draw(350121)).toEqual(ids);
    expect(draw(350122)[0]).not.toBe(ids[0]);
  });
});
