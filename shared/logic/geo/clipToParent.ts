import { feature, featureCollection, intersect } from '@turf/turf';
import type { Polygonal } from './polygonal';

/** The part of `shape` inside `parent`, or null when they do not overlap. */
export const clipToParent = (shape: Polygonal, parent: Polygonal): Polygonal | null =>
  intersect(featureCollection([feature(shape), feature(parent)]))?.geometry ?? null;
