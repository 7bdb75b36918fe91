import { INCIDENT_STATUS_LABELS } from '../../shared/logic/incidentMachine';
import { INCIDENT_STATUSES } from '../../shared/domain/incident';
import { STATION_STATUSES, STATION_TYPES, type StationStatus, type StationType } from '../../shared/domain/station';
import { INCIDENT_STATUS_COLOURS, NEW_PULSE_COLOUR, OVERDUE_COLOUR, STATION_STATUS_COLOURS } from './palette';
import { STATION_SHAPES } from './stationIcons';

// What a legend beside the map needs, in the words the command centre uses, taken from the same
// constants the layers draw with so the two can never disagree.

export interface LegendSwatch {
  key: string;
  label: string;
  colour: string;
}

const STATION_STATUS_LABELS: Readonly<Record<StationStatus, string>> = {
  open: '开放',
  extended: '延时服务',
  closed: '关闭',
  fault: '故障',
};

const STATION_TYPE_LABELS: Readonly<Record<StationType, string>> = {
  party_service_center: '党群服务中心',
  compound_room: '党群活动室',
  red_station: '红色驿站',
  neighbourhood_center: '邻里中心',
  civility_station: '新时代文明实践站',
  elderly_care: '颐康服务站',
  canteen: '长者饭堂',
  legal_aid: '公共法律服务站',
};

export const MAP_LEGEND = {
  incidentStatuses: INCIDENT_STATUSES.map((status): LegendSwatch => ({
    key: status,
    label: INCIDENT_STATUS_LABELS[status],
    colour: INCIDENT_STATUS_COLOURS[status],
  })),
  incidentAlerts: [
    { key: 'overdue', label: '超期（红色脉冲）', colour: OVERDUE_COLOUR },
    { key: 'new', label: '新上报（白色脉冲）', colour: NEW_PULSE_COLOUR },
  ] satisfies LegendSwatch[],
  stationStatuses: STATION_STATUSES.map((status): LegendSwatch => ({
    key: status,
    label: STATION_STATUS_LABELS[status],
    colour: STATION_STATUS_COLOURS[status],
  })),
  /** Station types by shape; `shape` names the outline drawn by stationIcons.ts. */
  stationTypes: STATION_TYPES.map((type) => ({ key: type, label: STATION_TYPE_LABELS[type], shape: STATION_SHAPES[type].name })),
} as const;
