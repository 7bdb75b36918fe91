/**
 * The wall's palette, the one source for CSS (as custom properties) and for chart options.
 * Navy ground like the map; cyan and green for ordinary figures; red is kept for what is urgent
 * or overdue, so that on a wall read from 5 m anything red means "act now".
 */
export const WALL_COLOURS = {
  ground: '#050d1a',
  panel: 'rgb(8 24 46 / 82%)',
  panelEdge: '#1c4a74',
  panelGlow: '#2aa7e0',
  title: '#d6efff',
  text: '#eaf6ff',
  textDim: '#9dbdd6',
  textFaint: '#6584a1',
  rule: '#16324f',
  primary: '#38c6f4',
  secondary: '#3ddc97',
  tertiary: '#8aa2ff',
  neutral: '#5d7893',
  warning: '#f5c451',
  urgent: '#ff4d4f',
} as const;

export type WallColour = keyof typeof WALL_COLOURS;

/** `--wall-ground: #050d1a; …` for the frame's root element. */
export const wallColourVariables = (): Record<string, string> =>
  Object.fromEntries(
    Object.entries(WALL_COLOURS).map(([name, value]) => [
      `--wall-${name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`,
      value,
    ]),
  );

/** The same colour at a given opacity, for gradients (hex colours only). */
export const withAlpha = (hex: string, alpha: number): string => {
  const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!match) throw new Error(`withAlpha: not a #rrggbb colour: ${hex}`);
  const [r, g, b] = match.slice(1).map((part) => Number.parseInt(part, 16));
  return `rgba(${r}, ${g}, ${b}, ${alpha})`;
};
