import { describe, expect, it } from 'vitest';
import { defaultExportPeriod, shanghaiDate } from '../../../../client/screens/tablet/exportPeriod';

describe('the tablet export period', () => {
  it('names dates in Asia/Shanghai: 23:30 UTC is already the next day', () => {
    expect(shanghaiDate(Date.UTC(2026, 11, 3, 23, 30))).toBe('2026-12-04');
    expect(shanghaiDate(Date.UTC(2026, 11, 3, 15, 59))).toBe('2026-12-03');
  });

  it('starts as the last seven days, today included, across a month end', () => {
    expect(defaultExportPeriod(Date.UTC(2026, 11, 3, 2, 0))).toEqual({ from: '2026-11-27', to: '2026-12-03' });
  });
});
