import { describe, expect, it } from 'vitest';
import { generateCounty } from '../../../server/sample/generateCounty';
import { generateDefaultCounty, reference } from './sampleCountyFixture';

describe('generateCounty determinism', () => {
  it('produces byte-identical output for the same seed and scale', () => {
    expect(JSON.stringify(generateDefaultCounty())).toBe(JSON.stringify(generateDefaultCounty()));
  });

  it('produces a different county for another seed, under the same real names', () => {
    const one = generateDefaultCounty();
    const other = generateCounty({ seed: 2, scale: 1, reference });
    expect(JSON.stringify(other.features.grid)).not.toBe(JSON.stringify(one.features.grid));
    const names = (county: typeof one) => county.regions.filter((r) => r.level === 'street' || r.level === 'community').map((r) => r.name);
    expect(names(other)).toEqual(names(one));
  });

  it('reports progress through every stage, ending each one complete', () => {
    const reports: [string, number, number][] = [];
    generateCounty({ seed: 1, scale: 0.2, reference, onProgress: (stage, done, total) => reports.push([stage, done, total]) });
    const stages = [...new Set(reports.map(([stage]) => stage))];
    expect(stages).toEqual(['outline', 'streets', 'communities', 'compounds', 'stations']);
    for (const stage of stages) {
      const last = reports.filter(([s]) => s === stage).at(-1)!;
      expect(last[1]).toBe(last[2]);
    }
  });

  it('refuses a scale that is not a positive number', () => {
    expect(() => generateCounty({ seed: 1, scale: 0, reference })).toThrow(RangeError);
    expect(() => generateCounty({ seed: 1, scale: Number.NaN, reference })).toThrow(RangeError);
  });
});
