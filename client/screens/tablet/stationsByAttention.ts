import type { Station, StationStatus } from '../../../shared/domain/station';

/** A fault needs someone; then what is serving residents now; closed ones last. */
const ATTENTION: Readonly<Record<StationStatus, number>> = { fault: 0, extended: 1, open: 2, closed: 3 };

/** The scope's service stations, those needing attention first, then by name (stable for the eye). */
export const stationsByAttention = (stations: Iterable<Station>): Station[] =>
  [...stations].sort((a, b) => ATTENTION[a.status] - ATTENTION[b.status] || a.name.localeCompare(b.name, 'zh-CN') || a.id.localeCompare(b.id));
