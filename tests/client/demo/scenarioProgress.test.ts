import { describe, expect, it } from 'vitest';
import { scenarioShare } from '../../../client/demo/scenarioProgress';

describe('scenarioShare', () => {
  it('is the share of planned commands issued, within 0…1', () => {
    expect(scenarioShare({ issued: 30, planned: 120 })).toBe(0.25);
    expect(scenarioShare({ issued: 130, planned: 120 })).toBe(1);
    expect(scenarioShare({ issued: 0, planned: 0 })).toBe(1);
  });
});
