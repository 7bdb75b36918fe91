import { describe, expect, it } from 'vitest';
import { chooseWallLayout } from '../../../client/layout/wallLayouts';

describe('chooseWallLayout', () => {
  it('lays out 16:9 walls (1920×1080, 3840×2160) as 16x9', () => {
    expect(chooseWallLayout(1920, 1080, null)).toBe('16x9');
    expect(chooseWallLayout(3840, 2160, null)).toBe('16x9');
  });

  it('lays out 32:9 walls (3840×1080, 7680×2160) as 32x9', () => {
    expect(chooseWallLayout(3840, 1080, null)).toBe('32x9');
    expect(chooseWallLayout(7680, 2160, null)).toBe('32x9');
  });

  it('keeps a 21:9 monitor on the compact layout', () => {
    expect(chooseWallLayout(2560, 1080, null)).toBe('16x9');
  });

  it('obeys a layout forced by the URL', () => {
    expect(chooseWallLayout(1920, 1080, '32x9')).toBe('32x9');
    expect(chooseWallLayout(7680, 2160, '16x9')).toBe('16x9');
  });

  it('falls back to 16x9 before the viewport has a size', () => {
    expect(chooseWallLayout(0, 0, null)).toBe('16x9');
  });
});
