import type { HandlingLevel, Incident } from '../../../shared/domain/incident';
import { shanghaiTimeText } from '../../time/shanghaiTimeText';
import { chineseT, type Translate } from '../../i18n/Translate';

export interface TimelineRow {
  /** 上报 / 受理 / 派单 / 处置 / 办结 / 提级 / 评价 */
  label: string;
  time: string;
  /** The level that handled the step, named by the caller's words for levels. */
  level: HandlingLevel;
  /** The note as recorded: the assignee for 派单, the resolution for 办结, the reason for 提级. */
  detail: string | null;
  /** The step that brought the incident where it is now. */
  current: boolean;
}

/**
 * The incident's own timeline as the sheet lists it, oldest first. Dispatch records its unit in
 * the incident's `assignee` rather than in the step's note, so the last dispatch borrows it.
 */
export const timelineRows = (incident: Incident, now: number, t: Translate = chineseT): TimelineRow[] => {
  const lastDispatch = incident.timeline.map((step) => step.action).lastIndexOf('dispatch');
  return incident.timeline.map((step, index) => {
    const assignee = index === lastDispatch ? (incident.assignee ?? null) : null;
    return {
      label: t(`tablet.steps.${step.action}`),
      time: shanghaiTimeText(step.at, now, t),
      level: step.level,
      detail: step.note ?? assignee,
      current: index === incident.timeline.length - 1,
    };
  });
};
