import type { Position } from 'geojson';
import { distanceToBoundaryM } from '../../shared/logic/geo/distanceToBoundaryM';
import { pointInPolygon } from '../../shared/logic/geo/pointInPolygon';
import { polygonsOf, type Polygonal } from '../../shared/logic/geo/polygonal';
import { reportPoint, type ImportReport } from './ImportReport';
import type { ImportProgress } from './readSources';
import type { Division } from './readDivisions';

/** How far outside `outer` the farthest vertex of `inner`'s exterior rings lies (0 when all are inside), and where. */
export const farthestOutside = (inner: Polygonal, outer: Polygonal): { metres: number; where: Position | null } => {
  let metres = 0;
  let where: Position | null = null;
  for (const polygon of polygonsOf(inner)) {
    for (const position of polygon[0]!) {
      if (pointInPolygon(position[0]!, position[1]!, outer)) continue;
      const distance = distanceToBoundaryM(position, outer);
      if (distance > metres) {
        metres = distance;
        where = position;
      }
    }
  }
  return { metres, where };
};

/**
 * Every child inside its parent, up to `toleranceM`: boundaries digitised separately never agree
 * exactly, so a vertex a few metres over the line is expected; one beyond it is an error naming
 * the farthest vertex and its distance.
 */
export const checkContainment = (divisions: readonly Division[], toleranceM: number, report: ImportReport, onProgress: ImportProgress = () => undefined): void => {
  const byCode = new Map(divisions.map((division) => [division.code, division]));
  divisions.forEach((division, i) => {
    if (i % 500 === 0) onProgress('checking containment', i, divisions.length);
    const parent = division.parentCode ? byCode.get(division.parentCode) : undefined;
    if (!parent) return;
    const { metres, where } = farthestOutside(division.geometry, parent.geometry);
    if (metres > toleranceM) {
      report.error('containment', division.file, `${division.code}: reaches ${metres < 100 ? metres.toFixed(1) : Math.round(metres)} m outside its ${parent.level} ${parent.code} (tolerance ${toleranceM} m)`, {
        code: division.code,
        ...(where ? { where: reportPoint(where) } : {}),
      });
    }
  });
  onProgress('checking containment', divisions.length, divisions.length);
};
