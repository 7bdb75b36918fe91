import { describe, expect, it } from 'vitest';
import { WALL_COLOURS, wallColourVariables, withAlpha } from '../../../client/layout/wallColours';

describe('wallColourVariables', () => {
  it('exposes every colour as a kebab-case CSS custom property', () => {
    const variables = wallColourVariables();
    expect(variables['--wall-panel-edge']).toBe(WALL_COLOURS.panelEdge);
    expect(variables['--wall-urgent']).toBe(WALL_COLOURS.urgent);
    expect(Object.keys(variables)).toHaveLength(Object.keys(WALL_COLOURS).length);
  });
});

describe('withAlpha', () => {
  it('turns a hex colour into rgba', () => {
    expect(withAlpha('#38c6f4', 0.35)).toBe('rgba(56, 198, 244, 0.35)');
  });

  it('refuses anything but #rrggbb', () => {
    expect(() => withAlpha('rgb(1 2 3)', 0.5)).toThrow(/not a #rrggbb/);
  });
});
