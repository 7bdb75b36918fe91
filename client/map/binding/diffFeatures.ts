import type { Feature, Geometry } from 'geojson';
import type { GeoJSONSourceDiff } from 'maplibre-gl';

/** A live-layer feature: its `id` property is the source's promoted id, so `updateData` can address it. */
export type LiveFeature = Feature<Geometry, { id: string } & Record<string, string | number | boolean | null>>;

export interface FeatureDiff {
  /** What to send to `GeoJSONSource.updateData`, or null when nothing changed. */
  diff: GeoJSONSourceDiff | null;
  /** The features now in the source, by id: the `previous` of the next diff. */
  current: Map<string, LiveFeature>;
}

const samePoint = (a: Geometry, b: Geometry): boolean =>
  a.type === 'Point' && b.type === 'Point' && a.coordinates[0] === b.coordinates[0] && a.coordinates[1] === b.coordinates[1];

/** Points compare by value; other shapes are built once per input and compare by reference (or, failing that, content). */
const sameGeometry = (a: Geometry, b: Geometry): boolean =>
  a === b || samePoint(a, b) || (a.type !== 'Point' && JSON.stringify(a) === JSON.stringify(b));

const changedProperties = (before: LiveFeature['properties'], after: LiveFeature['properties']) => {
  const changes: { key: string; value: unknown }[] = [];
  for (const [key, value] of Object.entries(after)) if (before[key] !== value) changes.push({ key, value });
  const removed = Object.keys(before).filter((key) => !(key in after));
  return { changes, removed };
};

/**
 * The smallest `updateData` diff that turns the `previous` features into `next`: ids that went are
 * removed, new ids added, and the others updated only in the properties (or geometry) that changed.
 * A live layer rebuilds its features from the entities on every tick; this keeps what crosses to the
 * worker, and the tiles it re-cuts, down to what actually moved.
 */
export const diffFeatures = (previous: ReadonlyMap<string, LiveFeature>, next: readonly LiveFeature[]): FeatureDiff => {
  const current = new Map<string, LiveFeature>();
  const add: LiveFeature[] = [];
  const update: NonNullable<GeoJSONSourceDiff['update']> = [];
  for (const feature of next) {
    const id = feature.properties.id;
    current.set(id, feature);
    const before = previous.get(id);
    if (!before) {
      add.push(feature);
      continue;
    }
    const { changes, removed } = changedProperties(before.properties, feature.properties);
    const moved = !sameGeometry(before.geometry, feature.geometry);
    if (changes.length === 0 && removed.length === 0 && !moved) continue;
    update.push({
      id,
      ...(moved ? { newGeometry: feature.geometry } : {}),
      ...(removed.length > 0 ? { removeProperties: removed } : {}),
      ...(changes.length > 0 ? { addOrUpdateProperties: changes } : {}),
    });
  }
  const remove = [...previous.keys()].filter((id) => !current.has(id));
  const empty = add.length === 0 && update.length === 0 && remove.length === 0;
  const diff: GeoJSONSourceDiff = {
    ...(remove.length > 0 ? { remove } : {}),
    ...(add.length > 0 ? { add } : {}),
    ...(update.length > 0 ? { update } : {}),
  };
  return { diff: empty ? null : diff, current };
};
