import { createHash } from 'node:crypto';
import type { Region, RegionLevel } from '../../shared/domain/region';
import type { Station } from '../../shared/domain/station';

export type MapLevel = RegionLevel | 'context';

export interface RegionFeature {
  type: 'Feature';
  id?: string | number;
  properties: {
    code: string;
    level: string;
    name: string;
    parentCode: string | null;
    sample: boolean;
    /** The county's own code, kept by `npm run import -- --recode` when it renumbered the division. */
    sourceCode?: string;
  };
  geometry: { type: 'Polygon' | 'MultiPolygon'; coordinates: unknown };
}

export interface RegionFeatureCollection {
  type: 'FeatureCollection';
  features: RegionFeature[];
}

export interface CountyData {
  regions: Region[];
  features: Record<MapLevel, RegionFeatureCollection>;
  stations: Station[];
  /** True for a county brought in by `npm run import` (DATA_DIR/county.json), absent for the sample. */
  imported?: boolean;
}

/** Finds the grid containing a point (display datum), or null outside every grid. */
export type GridLocator = (lng: number, lat: number) => string | null;

/**
 * The reference hierarchy, read-only after boot: lookups by code, children, the grid locator,
 * and the GeoJSON served to maps (pre-serialised with an ETag, since it never changes at runtime).
 */
export class CountyIndex {
  readonly county: Region;
  private readonly byCode = new Map<string, Region>();
  private readonly children = new Map<string, Region[]>();
  private readonly geojsonCache = new Map<string, { body: string; etag: string }>();

  constructor(
    readonly data: CountyData,
    readonly locateGrid: GridLocator,
  ) {
    for (const region of data.regions) {
      this.byCode.set(region.code, region);
      if (region.parentCode) {
        const siblings = this.children.get(region.parentCode) ?? [];
        siblings.push(region);
        this.children.set(region.parentCode, siblings);
      }
    }
    const county = data.regions.find((r) => r.level === 'county');
    if (!county) throw new Error('county data has no county region');
    this.county = county;
  }

  get(code: string): Region | undefined {
    return this.byCode.get(code);
  }

  childrenOf(code: string): Region[] {
    return this.children.get(code) ?? [];
  }

  regions(): readonly Region[] {
    return this.data.regions;
  }

  /** Serialised GeoJSON of one level, optionally only inside `within`, with figures joined in. */
  geojson(level: MapLevel, within?: string): { body: string; etag: string } {
    const cacheKey = `${level}:${within ?? ''}`;
    const cached = this.geojsonCache.get(cacheKey);
    if (cached) return cached;
    const features = this.data.features[level].features
      .filter((f) => !within || level === 'context' || f.properties.code.startsWith(within))
      .map((f) => this.withFigures(f));
    const body = JSON.stringify({ type: 'FeatureCollection', features });
    const etag = `"${createHash('sha1').update(body).digest('base64url')}"`;
    const entry = { body, etag };
    this.geojsonCache.set(cacheKey, entry);
    return entry;
  }

  private withFigures(feature: RegionFeature): RegionFeature {
    const region = this.byCode.get(feature.properties.code);
    const figures = region
      ? {
          households: region.households,
          residents: region.residents,
          partyMembers: region.partyMembers,
          hasBranch: region.hasBranch,
        }
      : {};
    return { ...feature, id: feature.properties.code, properties: { ...feature.properties, ...figures } };
  }
}
