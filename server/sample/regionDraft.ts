import type { Feature } from 'geojson';
import type { Region, RegionLevel } from '../../shared/domain/region';
import { labelPoint } from '../../shared/logic/geo/labelPoint';
import { pointInPolygon } from '../../shared/logic/geo/pointInPolygon';
import type { Polygonal } from '../../shared/logic/geo/polygonal';

/** GeoJSON properties of every region feature the generator writes. */
export interface RegionFeatureProps {
  code: string;
  /** A RegionLevel, or 'context' for the neighbouring divisions drawn around the county. */
  level: string;
  name: string;
  parentCode: string | null;
  sample: boolean;
}

export interface Figures {
  households: number;
  residents: number;
  partyMembers: number;
}

/** A region while the generator builds it: geometry alongside the fields a Region will carry. */
export interface RegionDraft extends Figures {
  code: string;
  level: RegionLevel;
  name: string;
  parentCode: string | null;
  path: string[];
  geometry: Polygonal;
  hasBranch: boolean;
  sample: boolean;
}

export const childDraft = (
  parent: RegionDraft,
  fields: Pick<RegionDraft, 'code' | 'level' | 'name' | 'geometry' | 'hasBranch' | 'sample'>,
): RegionDraft => ({
  ...fields,
  parentCode: parent.code,
  path: [...parent.path, fields.code],
  households: 0,
  residents: 0,
  partyMembers: 0,
});

const round6 = (value: number): number => Math.round(value * 1e6) / 1e6;

/** The label point, rounded to ~0.1 m unless rounding would push it out of a sliver-thin region. */
const centroidOf = (geometry: Polygonal): [number, number] => {
  const [lng, lat] = labelPoint(geometry) as [number, number];
  const rounded: [number, number] = [round6(lng), round6(lat)];
  return pointInPolygon(rounded[0], rounded[1], geometry) ? rounded : [lng, lat];
};

export const toRegion = (draft: RegionDraft): Region => ({
  code: draft.code,
  level: draft.level,
  name: draft.name,
  parentCode: draft.parentCode,
  path: draft.path,
  centroid: centroidOf(draft.geometry),
  households: draft.households,
  residents: draft.residents,
  partyMembers: draft.partyMembers,
  hasBranch: draft.hasBranch,
  sample: draft.sample,
});

export const toFeature = (draft: Pick<RegionDraft, 'code' | 'name' | 'parentCode' | 'geometry' | 'sample'> & { level: string }): Feature<Polygonal, RegionFeatureProps> => ({
  type: 'Feature',
  properties: { code: draft.code, level: draft.level, name: draft.name, parentCode: draft.parentCode, sample: draft.sample },
  geometry: draft.geometry,
});
