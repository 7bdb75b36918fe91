import gcoord from 'gcoord';
import type { Position } from 'geojson';
import type { SourceCrs } from './ImportSource';

const FROM = { gcj02: gcoord.GCJ02, bd09: gcoord.BD09 } as const;

/**
 * A position in the source datum to WGS-84, the datum the imported county is stored in. GCJ-02 and
 * BD-09 go through gcoord (its GCJ-02 inverse iterates to 1e-6°, ~0.1 m); WGS-84 and CGCS2000 pass
 * unchanged (CGCS2000 and WGS-84 agree to well under a metre, below every tolerance here). Stored
 * to 7 decimals.
 */
export const positionToWgs84 = (crs: SourceCrs): ((position: Position) => Position) => {
  if (crs === 'wgs84' || crs === 'cgcs2000') return (position) => [round7(position[0]!), round7(position[1]!)];
  const from = FROM[crs];
  return (position) => {
    const [lng, lat] = gcoord.transform([position[0]!, position[1]!] as [number, number], from, gcoord.WGS84) as [number, number];
    return [round7(lng), round7(lat)];
  };
};

/** 1e-7° is about a centimetre: more digits only make the stored county bigger. */
const round7 = (value: number): number => Math.round(value * 1e7) / 1e7;
