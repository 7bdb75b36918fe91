import type { PanelId } from '../panels/panelIds';
import type { WallLayout } from './wallLayouts';

/** One slot of a column: a panel, or panels side by side when they are narrow. */
export interface PanelSlot {
  ids: readonly PanelId[];
  /** Share of the column's spare height; 0 = as tall as its content (figures, not charts). */
  grow: number;
  /** Relative widths of side-by-side panels, one per id; equal when absent. */
  widths?: readonly number[];
}

export interface WallColumn {
  /** The CSS grid area the column fills (see WallFrame's templates). */
  area: 'left' | 'left2' | 'right';
  slots: readonly PanelSlot[];
}

export interface WallPreset {
  columns: readonly WallColumn[];
}

const fixed = (...ids: PanelId[]): PanelSlot => ({ ids, grow: 0 });
const flex = (grow: number, ...ids: PanelId[]): PanelSlot => ({ ids, grow });

/**
 * Which panel goes where. 16:9 has a column each side of the map and the event board under it.
 * 32:9 lines everything up with the wall's tiles (7680 px = four 1920 px tiles) so no panel is
 * cut by a bezel: two columns on the first tile, the map across the middle two, and on the last
 * the event board, wide enough for whole place names, over a row of station and volunteer
 * figures. The map and board are placed by the frame itself, so a layout switch never
 * re-creates the map.
 */
export const WALL_PRESETS: Readonly<Record<WallLayout, WallPreset>> = {
  '16x9': {
    columns: [
      { area: 'left', slots: [fixed('organisation'), fixed('incidents'), fixed('rates'), flex(1, 'trend')] },
      {
        area: 'right',
        slots: [
          flex(1.1, 'category'),
          flex(1, 'ranking'),
          fixed('stations'),
          { ...fixed('volunteers', 'wishes'), widths: [1.25, 1] },
        ],
      },
    ],
  },
  '32x9': {
    columns: [
      { area: 'left', slots: [fixed('organisation'), fixed('incidents'), fixed('rates'), flex(1, 'trend')] },
      { area: 'left2', slots: [flex(1, 'category'), flex(1, 'ranking')] },
      { area: 'right', slots: [{ ...fixed('stations', 'volunteers', 'wishes'), widths: [1.6, 1.2, 0.9] }] },
    ],
  },
};
