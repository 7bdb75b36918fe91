import { partitionPolygon, type PartitionCell } from '../../shared/logic/geo/partitionPolygon';
import type { Rng } from '../../shared/logic/rng';
import type { CompoundNamer } from './compoundNames';
import type { CountyPlan } from './countyPlan';
import { nameStem } from './divisionNames';
import { gridFigures } from './figures';
import { childDraft, type RegionDraft } from './regionDraft';

/** 一小区一支部: about nine compounds in ten have their own party branch (Minhou: 88 of 104). */
const COMPOUND_BRANCH_SHARE = 0.9;
/** Grid party branches are rarer: Minhou's 625 grid branches over ~1,500 grids. */
const GRID_BRANCH_SHARE = 0.4;

/** North to south, then west to east: codes and 第N网格 numbers then read like a map. */
const readingOrder = (cells: PartitionCell[]): PartitionCell[] =>
  [...cells].sort((a, b) => b.site[1]! - a.site[1]! || a.site[0]! - b.site[0]!);

export interface CompoundLayout {
  compounds: RegionDraft[];
  grids: RegionDraft[];
}

/** The compounds (小区) partitioning one community and the grids (网格) partitioning each compound. */
export const layoutCompounds = (community: RegionDraft, plan: CountyPlan, namer: CompoundNamer, rng: Rng): CompoundLayout => {
  const cells = readingOrder(partitionPolygon(community.geometry, plan.compoundCount(rng), rng.fork('compounds')));
  const stem = nameStem(community.name);
  const compounds: RegionDraft[] = [];
  const grids: RegionDraft[] = [];
  cells.forEach((cell, i) => {
    const compound = childDraft(community, {
      code: `${community.code}${String(i + 1).padStart(3, '0')}`,
      level: 'compound',
      name: namer.next(rng, stem),
      geometry: cell.geometry,
      hasBranch: rng.chance(COMPOUND_BRANCH_SHARE),
      sample: true,
    });
    compounds.push(compound);
    const gridRng = rng.fork(compound.code);
    const gridCells = readingOrder(partitionPolygon(compound.geometry, plan.gridCount(gridRng), gridRng));
    gridCells.forEach((gridCell, j) => {
      const grid = childDraft(compound, {
        code: `${compound.code}${String(j + 1).padStart(2, '0')}`,
        level: 'grid',
        // Grid numbers run through the community (社区第N网格), as grid workers' rosters count them.
        name: `第${grids.length + 1}网格`,
        geometry: gridCell.geometry,
        hasBranch: gridRng.chance(GRID_BRANCH_SHARE),
        sample: true,
      });
      grids.push(Object.assign(grid, gridFigures(gridRng)));
    });
  });
  return { compounds, grids };
};
