import type { IncidentSource, IncidentStatus, IncidentStep, Priority } from '../../shared/domain/incident';
import type { MemberKind } from '../../shared/domain/volunteer';
import type { ConnectionState } from '../realtime/ConnectionStatus';
import type { TabletAction } from './transitionBodyOf';

/**
 * The tablet's own words (it is a Chinese-only field tool). Domain names the wall already
 * translates — categories, station types, levels — come from the wall's i18n messages instead.
 */

/** The lifecycle as residents and grid workers say it: 上报 → 受理 → 派单 → 处置 → 办结 → 评价. */
export const STEP_LABELS: Readonly<Record<IncidentStep['action'], string>> = {
  report: '上报',
  accept: '受理',
  dispatch: '派单',
  start: '处置',
  resolve: '办结',
  escalate: '提级',
  rate: '评价',
};

export const STATUS_LABELS: Readonly<Record<IncidentStatus, string>> = {
  reported: '待受理',
  accepted: '已受理',
  dispatched: '已派单',
  in_progress: '处置中',
  resolved: '已办结',
  rated: '已评价',
};

export const PRIORITY_LABELS: Readonly<Record<Priority, string>> = {
  low: '一般',
  normal: '普通',
  high: '较急',
  urgent: '紧急',
};

/** What each button says. */
export const ACTION_LABELS: Readonly<Record<TabletAction, string>> = {
  accept: '受理',
  dispatch: '派单',
  start: '开始处置',
  resolve: '办结',
  escalate: '提级上报',
};

/** The question an action asks before it is sent, for those that need words. */
export const ACTION_PROMPTS: Readonly<Record<'dispatch' | 'resolve' | 'escalate', { label: string; placeholder: string }>> = {
  dispatch: { label: '处置单位', placeholder: '如：城管中队、物业服务中心' },
  resolve: { label: '办结情况', placeholder: '如何处理的，结果如何（将用于回访居民）' },
  escalate: { label: '提级原因', placeholder: '为什么本级无法解决' },
};

export const SOURCE_LABELS: Readonly<Record<IncidentSource, string>> = {
  patrol: '网格员巡查',
  snapshot: '随手拍',
  hotline: '12345热线',
  station: '驿站收集',
  sensor: '感知设备',
  open311: '外部平台',
};

export const MEMBER_KIND_LABELS: Readonly<Record<MemberKind, string>> = {
  party_member: '党员',
  volunteer: '志愿者',
};

/** The connection as the header says it; "offline" also when the browser has no network at all. */
export const CONNECTION_LABELS: Readonly<Record<ConnectionState, string>> = {
  connecting: '连接中',
  live: '实时在线',
  catching_up: '同步中',
  stale: '数据延迟',
  offline: '离线',
};
