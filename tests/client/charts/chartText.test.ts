import { describe, expect, it } from 'vitest';
import { CHART_FONT_FAMILY, baseTextStyle, fontPx } from '../../../client/charts/options/chartText';

describe('fontPx', () => {
  it('turns wall rem into canvas pixels, to a tenth of a pixel', () => {
    expect(fontPx(16, 0.85)).toBe(13.6);
    expect(fontPx(32, 0.85)).toBe(27.2);
    expect(fontPx(21.33, 1)).toBe(21.3);
  });
});

describe('baseTextStyle', () => {
  it('uses the kiosk CJK font and no web font', () => {
    expect(baseTextStyle(16).fontFamily).toBe(CHART_FONT_FAMILY);
    expect(CHART_FONT_FAMILY.startsWith('"Noto Sans CJK SC"')).toBe(true);
    expect(CHART_FONT_FAMILY).not.toMatch(/url\(|https?:/);
  });
});
