import { area } from '@turf/turf';
import type { Polygonal } from './polygonal';

/** Geodesic area in square metres (turf's spherical approximation; exact enough for tolerances and figures). */
export const areaM2 = (geometry: Polygonal): number => area(geometry);
