import { difference, feature, featureCollection, intersect, union } from '@turf/turf';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import type { RegionLevel } from '../../shared/domain/region';
import { areaM2 } from '../../shared/logic/geo/areaM2';
import { pointOnSurface } from '../../shared/logic/geo/labelPoint';
import { bboxOf, polygonsOf, type BBox, type Polygonal } from '../../shared/logic/geo/polygonal';
import { reportPoint, type ImportReport } from './ImportReport';
import type { Division } from './readDivisions';
import type { ImportProgress } from './readSources';

/** Levels whose members should cover their parent without holes (全覆盖): compounds need not fill a community. */
const TILING_LEVELS: ReadonlySet<RegionLevel> = new Set(['street', 'community', 'grid']);
const PLURAL: Record<RegionLevel, string> = { county: 'counties', street: 'streets', community: 'communities', compound: 'compounds', grid: 'grids' };
/** Gap pieces listed per parent before the rest are summed up in one line. */
const GAPS_LISTED = 5;

const boxesOverlap = (a: BBox, b: BBox) => a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];

const pieces = (result: Feature<Polygon | MultiPolygon> | null): Polygonal[] =>
  result ? polygonsOf(result.geometry).map((coordinates) => ({ type: 'Polygon' as const, coordinates })) : [];

const checkOverlaps = (siblings: readonly Division[], minAreaM2: number, report: ImportReport): void => {
  const boxes = siblings.map((division) => bboxOf(division.geometry));
  for (let i = 0; i < siblings.length; i++) {
    for (let j = i + 1; j < siblings.length; j++) {
      if (!boxesOverlap(boxes[i]!, boxes[j]!)) continue;
      const a = siblings[i]!;
      const b = siblings[j]!;
      const shared = pieces(intersect(featureCollection([feature(a.geometry), feature(b.geometry)])));
      const areas = shared.map(areaM2);
      const total = areas.reduce((sum, value) => sum + value, 0);
      if (total <= minAreaM2) continue;
      const largest = shared[areas.indexOf(Math.max(...areas))]!;
      report.error('overlap', b.file, `${a.code} and ${b.code} (both in ${a.parentCode}) overlap by ${Math.round(total)} m²`, {
        code: b.code,
        areaM2: Math.round(total),
        where: reportPoint(pointOnSurface(largest)),
      });
    }
  }
};

const checkGaps = (parent: Division, children: readonly Division[], minAreaM2: number, report: ImportReport): void => {
  const covered = children.length === 1 ? feature(children[0]!.geometry) : union(featureCollection(children.map((child) => feature(child.geometry))));
  const left = covered ? pieces(difference(featureCollection([feature(parent.geometry), covered]))) : [feature(parent.geometry).geometry];
  const gaps = left.map((geometry) => ({ geometry, area: areaM2(geometry) })).filter((gap) => gap.area > minAreaM2).sort((a, b) => b.area - a.area);
  for (const gap of gaps.slice(0, GAPS_LISTED)) {
    report.warning('gap', children[0]!.file, `${parent.code}: ${Math.round(gap.area)} m² covered by none of its ${PLURAL[children[0]!.level]}`, {
      code: parent.code,
      areaM2: Math.round(gap.area),
      where: reportPoint(pointOnSurface(gap.geometry)),
    });
  }
  if (gaps.length > GAPS_LISTED) {
    const rest = gaps.slice(GAPS_LISTED).reduce((sum, gap) => sum + gap.area, 0);
    report.warning('gap', children[0]!.file, `${parent.code}: ${gaps.length - GAPS_LISTED} more gaps, ${Math.round(rest)} m² in all`, { code: parent.code, areaM2: Math.round(rest) });
  }
};

/**
 * Siblings (children of one parent) must not overlap (an error: a point would be in two grids), and
 * streets, communities and grids should leave no gap in their parent (a warning: an incident there
 * finds no grid). Pieces up to `minAreaM2` are digitising slivers and are ignored.
 */
export const checkSiblings = (divisions: readonly Division[], minAreaM2: number, report: ImportReport, onProgress: ImportProgress = () => undefined): void => {
  const byCode = new Map(divisions.map((division) => [division.code, division]));
  const families = new Map<string, Division[]>();
  for (const division of divisions) {
    if (!division.parentCode || !byCode.has(division.parentCode)) continue;
    families.set(division.parentCode, [...(families.get(division.parentCode) ?? []), division]);
  }
  let done = 0;
  for (const [parentCode, children] of families) {
    if (done++ % 100 === 0) onProgress('checking overlaps and gaps', done, families.size);
    checkOverlaps(children, minAreaM2, report);
    if (TILING_LEVELS.has(children[0]!.level)) checkGaps(byCode.get(parentCode)!, children, minAreaM2, report);
  }
  onProgress('checking overlaps and gaps', families.size, families.size);
};
