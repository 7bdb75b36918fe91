/**
 * Font stacks for map labels. The style has no `glyphs` URL, so MapLibre draws every label glyph in
 * the browser from locally installed fonts (see offlineStyle.ts). It turns a `text-font` stack into a
 * CSS font-family list and takes the weight from a word in the FIRST name only, so each stack starts
 * with a name carrying the weight and continues with real family names: Noto Sans CJK SC (Debian's
 * fonts-noto-cjk, the kiosk's font), then the equivalents found on other desktops.
 */
const CJK_FAMILIES = ['Noto Sans CJK SC', 'Source Han Sans SC', 'Microsoft YaHei', 'PingFang SC'];

export const LABEL_FONT_REGULAR = ['Noto Sans CJK SC Regular', ...CJK_FAMILIES];
export const LABEL_FONT_BOLD = ['Noto Sans CJK SC Bold', ...CJK_FAMILIES];

/** CSS font-family for CJK text in any layer that keeps MapLibre's default `text-font`. */
export const IDEOGRAPH_FONT_FAMILY = [...CJK_FAMILIES.map((family) => `"${family}"`), 'sans-serif'].join(', ');
