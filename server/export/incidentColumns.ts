import type { Incident } from '../../shared/domain/incident';
import type { Audience } from '../../shared/logic/shapeForAudience';
import { publicIncident } from '../../shared/logic/shapeForAudience';
import { closedAt, isOpen } from '../../shared/logic/sla';

/** A cell: text, a number, a yes/no, a time (epoch ms, written as local time) or empty. */
export type Cell = string | number | boolean | { timeMs: number } | null;

export interface ExportColumn {
  key: string;
  /** Header as a command centre reads it (zh-CN), the key after it for scripts. */
  header: string;
  /** Personal: only in the full (operator, admin) export; public exports do not have the column at all. */
  personal?: boolean;
  width: number;
  value: (incident: Incident, context: RowContext) => Cell;
}

export interface RowContext {
  now: number;
  regionName: (code: string | undefined) => string;
}

const time = (ms: number | undefined): Cell => (ms === undefined ? null : { timeMs: ms });

/**
 * Overdue: open past its deadline now, or closed after it (late). Either way the SLA was missed,
 * which is what a monthly report counts.
 */
export const missedSla = (incident: Incident, now: number): boolean =>
  isOpen(incident) ? now > incident.dueAt : closedAt(incident) > incident.dueAt;

const COLUMNS: ExportColumn[] = [
  { key: 'id', header: '事件编号 id', width: 40, value: (i) => i.id },
  { key: 'category', header: '类别 category', width: 16, value: (i) => i.category },
  { key: 'source', header: '来源 source', width: 10, value: (i) => i.source },
  { key: 'priority', header: '优先级 priority', width: 10, value: (i) => i.priority },
  { key: 'status', header: '状态 status', width: 12, value: (i) => i.status },
  { key: 'level', header: '办理层级 level', width: 10, value: (i) => i.level },
  { key: 'street', header: '街道 street', width: 14, value: (i, c) => c.regionName(i.regionPath[1]) },
  { key: 'community', header: '社区 community', width: 14, value: (i, c) => c.regionName(i.regionPath[2]) },
  { key: 'grid_code', header: '网格 grid_code', width: 20, value: (i) => i.gridCode },
  { key: 'description', header: '描述 description', width: 40, value: (i) => i.description },
  { key: 'reporter_name', header: '报告人 reporter_name', personal: true, width: 10, value: (i) => i.reporter?.name ?? null },
  { key: 'reporter_phone', header: '报告人电话 reporter_phone', personal: true, width: 14, value: (i) => i.reporter?.phone ?? null },
  { key: 'assignee', header: '承办单位 assignee', width: 16, value: (i) => i.assignee ?? null },
  { key: 'reported_at', header: '上报 reported_at', width: 20, value: (i) => time(i.reportedAt) },
  { key: 'accepted_at', header: '受理 accepted_at', width: 20, value: (i) => time(i.acceptedAt) },
  { key: 'dispatched_at', header: '派单 dispatched_at', width: 20, value: (i) => time(i.dispatchedAt) },
  { key: 'started_at', header: '处置 started_at', width: 20, value: (i) => time(i.startedAt) },
  { key: 'resolved_at', header: '办结 resolved_at', width: 20, value: (i) => time(i.resolvedAt) },
  { key: 'rated_at', header: '评价 rated_at', width: 20, value: (i) => time(i.ratedAt) },
  { key: 'sla_minutes', header: '时限(分钟) sla_minutes', width: 10, value: (i) => i.slaMinutes },
  { key: 'due_at', header: 'SLA截止 due_at', width: 20, value: (i) => time(i.dueAt) },
  { key: 'overdue', header: '超期 overdue', width: 8, value: (i, c) => missedSla(i, c.now) },
  { key: 'satisfaction', header: '满意度 satisfaction', width: 8, value: (i) => i.satisfaction ?? null },
  { key: 'resolution', header: '办结说明 resolution', width: 30, value: (i) => i.resolution ?? null },
  { key: 'lng', header: '经度 lng (GCJ-02)', width: 12, value: (i) => i.location.lng },
  { key: 'lat', header: '纬度 lat (GCJ-02)', width: 12, value: (i) => i.location.lat },
];

/** The columns an audience gets: the public export has no personal column at all, not an empty one. */
export const columnsFor = (audience: Audience): ExportColumn[] =>
  audience === 'full' ? COLUMNS : COLUMNS.filter((column) => !column.personal);

/**
 * One incident's cells. A public export goes through publicIncident, the same masking every
 * public screen gets (no reporter, free text scrubbed, chosen ids pseudonymised).
 */
export const rowOf = (incident: Incident, audience: Audience, columns: ExportColumn[], context: RowContext): Cell[] => {
  const shaped = audience === 'full' ? incident : publicIncident(incident);
  return columns.map((column) => column.value(shaped, context));
};
