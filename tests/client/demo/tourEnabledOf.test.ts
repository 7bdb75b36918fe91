import { describe, expect, it } from 'vitest';
import { tourEnabledOf } from '../../../client/demo/tourEnabledOf';

describe('tourEnabledOf', () => {
  it('follows the tour unless the wall’s URL says ?tour=off', () => {
    expect(tourEnabledOf('')).toBe(true);
    expect(tourEnabledOf('?layout=16x9&lang=en')).toBe(true);
    expect(tourEnabledOf('?tour=on')).toBe(true);
    expect(tourEnabledOf('?tour=off')).toBe(false);
    expect(tourEnabledOf('?layout=32x9&tour=OFF')).toBe(false);
  });
});
