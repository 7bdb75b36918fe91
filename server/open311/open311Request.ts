import type { HandlingLevel, Incident, IncidentStatus } from '../../shared/domain/incident';
import { gcj02ToWgs84 } from '../../shared/logic/geo/gcj02';
import { publicIncident, type Audience } from '../../shared/logic/shapeForAudience';
import { isOpen } from '../../shared/logic/sla';
import { shanghaiIso } from '../export/shanghaiIso';
import { serviceNameOf } from './open311Services';

/** Our six lifecycle steps, said in status_notes; Open311 itself knows only open and closed. */
const STATUS_NOTES: Record<IncidentStatus, string> = {
  reported: '已上报 reported: waiting to be accepted',
  accepted: '已受理 accepted',
  dispatched: '已派单 dispatched to the unit that handles it',
  in_progress: '处置中 in progress',
  resolved: '已办结 resolved',
  rated: '已评价 resolved and rated by the resident',
};

const LEVELS: Record<HandlingLevel, string> = { grid: '网格 grid', community: '社区 community', street: '街道 street', county: '县 county' };

/** Six decimals of a degree: about 0.1 m, more than a phone's GPS gives. */
const degrees = (value: number) => Math.round(value * 1e6) / 1e6;

export interface Open311Request {
  service_request_id: string;
  status: 'open' | 'closed';
  status_notes: string;
  service_name: string;
  service_code: string;
  description: string;
  agency_responsible: string;
  service_notice: string | null;
  requested_datetime: string;
  updated_datetime: string;
  expected_datetime: string | null;
  address: string;
  address_id: string;
  zipcode: string | null;
  lat: number;
  long: number;
  media_url: string | null;
}

/**
 * One incident as a GeoReport v2 service request. No audience gets a reporter (the format has no
 * such field); a public one gets publicIncident's masking of the rest (scrubbed text, pseudonymised
 * ids). Positions leave in WGS-84, as Open311 expects, from our GCJ-02 display datum.
 */
export const open311RequestOf = (incident: Incident, audience: Audience, regionName: (code: string) => string): Open311Request => {
  const shown = audience === 'full' ? incident : publicIncident(incident);
  const [lng, lat] = gcj02ToWgs84(shown.location.lng, shown.location.lat);
  const notes = shown.resolution ? `${STATUS_NOTES[shown.status]}: ${shown.resolution}` : STATUS_NOTES[shown.status];
  return {
    service_request_id: shown.id,
    status: isOpen(shown) ? 'open' : 'closed',
    status_notes: notes,
    service_name: serviceNameOf(shown.category),
    service_code: shown.category,
    description: shown.description,
    agency_responsible: shown.assignee ?? LEVELS[shown.level],
    service_notice: null,
    requested_datetime: shanghaiIso(shown.reportedAt),
    updated_datetime: shanghaiIso(shown.updatedAt),
    // The SLA deadline while someone still has to act; a closed request expects nothing more.
    expected_datetime: isOpen(shown) ? shanghaiIso(shown.dueAt) : null,
    address: shown.regionPath.slice(1).map(regionName).join(' '),
    address_id: shown.gridCode,
    zipcode: null,
    lat: degrees(lat),
    long: degrees(lng),
    media_url: null,
  };
};
