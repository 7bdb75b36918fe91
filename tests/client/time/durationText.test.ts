import { describe, expect, it } from 'vitest';
import { deadlineText, durationText } from '../../../client/time/durationText';

const MINUTE_MS = 60_000;

describe('durationText and deadlineText', () => {
  it('says minutes under an hour, never "0 minutes"', () => {
    expect(durationText(0)).toBe('1分钟');
    expect(durationText(25 * MINUTE_MS + 59_000)).toBe('25分钟');
  });

  it('says hours and minutes under a day, days and hours beyond', () => {
    expect(durationText(60 * MINUTE_MS)).toBe('1小时');
    expect(durationText(125 * MINUTE_MS)).toBe('2小时5分');
    expect(durationText(24 * 60 * MINUTE_MS)).toBe('1天');
    expect(durationText((3 * 24 + 4) * 60 * MINUTE_MS + 30 * MINUTE_MS)).toBe('3天4小时');
  });

  it('tells a missed deadline from one still ahead', () => {
    expect(deadlineText(-125 * MINUTE_MS)).toBe('超期2小时5分');
    expect(deadlineText(25 * MINUTE_MS)).toBe('剩余25分钟');
  });
});
