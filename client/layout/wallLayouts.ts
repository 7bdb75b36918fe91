/** The two wall shapes: 2×2 tiles (16:9) and 4×1 or 4×2 tiles (32:9). */
export const WALL_LAYOUTS = ['16x9', '32x9'] as const;
export type WallLayout = (typeof WALL_LAYOUTS)[number];

/**
 * Between 16:9 (1.78) and 32:9 (3.56): a viewport wider than this is laid out as a 32:9 wall.
 * Near the geometric mean, so a 21:9 monitor (2.33) still gets the compact layout it fits.
 */
export const WIDE_ASPECT_THRESHOLD = 2.5;

export const isWallLayout = (value: string | null | undefined): value is WallLayout =>
  (WALL_LAYOUTS as readonly string[]).includes(value ?? '');

/** The layout a `?layout=` asks for, else the one the viewport's aspect suits. */
export const chooseWallLayout = (widthPx: number, heightPx: number, requested: WallLayout | null): WallLayout => {
  if (requested) return requested;
  if (widthPx <= 0 || heightPx <= 0) return '16x9';
  return widthPx / heightPx >= WIDE_ASPECT_THRESHOLD ? '32x9' : '16x9';
};
