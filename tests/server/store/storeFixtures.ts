import type { NewEvent } from '../../../shared/domain/event';
import type { EntityRow } from '../../../server/store/EventStore';

export const gridPath = (grid: string) => [grid.slice(0, 6), grid.slice(0, 9), grid.slice(0, 12), grid.slice(0, 15), grid];

/** 甘蔗街道 and 白沙镇 grids: two scopes that share only the county. */
export const GANZHE_GRID = '35012100100100101';
export const BAISHA_GRID = '35012110700100101';

export const wishPosted = (n: number, grid: string = GANZHE_GRID): NewEvent => ({
  id: `EV-${n}`,
  type: 'wish:posted',
  at: 1_700_000_000_000 + n,
  regionPath: gridPath(grid),
  payload: {
    wish: {
      id: `W-${n}`,
      title: '修轮椅',
      description: '',
      status: 'posted',
      regionCode: grid,
      regionPath: gridPath(grid),
      residentName: '赵六',
      postedAt: 1_700_000_000_000 + n,
    },
  },
});

export const wishRow = (id: string, open: boolean, updatedAt: number, data: unknown = { id }): EntityRow => ({
  kind: 'wish',
  id,
  regionPath: ['350121'],
  open,
  updatedAt,
  data,
});
