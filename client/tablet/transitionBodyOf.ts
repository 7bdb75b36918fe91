import type { TransitionBody } from '../../shared/contract/http';
import type { Incident } from '../../shared/domain/incident';
import { ALLOWED_ACTIONS } from '../../shared/logic/incidentMachine';
import { err, ok, type Result } from '../../shared/logic/result';

/** What a street leader can do from the tablet; rating is the resident's answer to the call-back (回访). */
export const TABLET_ACTIONS = ['accept', 'dispatch', 'start', 'resolve', 'escalate'] as const;
export type TabletAction = (typeof TABLET_ACTIONS)[number];

const isTabletAction = (action: string): action is TabletAction => (TABLET_ACTIONS as readonly string[]).includes(action);

/** The buttons for an incident in its current status and level, in lifecycle order (one table: ALLOWED_ACTIONS). */
export const tabletActionsFor = (incident: Pick<Incident, 'status' | 'level'>): TabletAction[] =>
  ALLOWED_ACTIONS(incident.status, incident.level).filter(isTabletAction);

/** Actions that carry words, and the most the API accepts (TransitionBody's maxLength). */
export const ACTION_TEXT: Readonly<Partial<Record<TabletAction, { maxChars: number; missing: string }>>> = {
  dispatch: { maxChars: 64, missing: '请填写处置单位' },
  resolve: { maxChars: 500, missing: '请填写办结情况' },
  escalate: { maxChars: 500, missing: '请填写提级原因' },
};

export const needsText = (action: TabletAction): boolean => ACTION_TEXT[action] !== undefined;

/**
 * The request body for a tap (and, where the action needs them, the words typed), or what is
 * missing. Checked here so a leader hears about an empty field at once, not after a round trip.
 */
export const transitionBodyOf = (action: TabletAction, text = ''): Result<TransitionBody, string> => {
  const rule = ACTION_TEXT[action];
  const words = text.trim();
  if (rule && words === '') return err(rule.missing);
  if (rule && Array.from(words).length > rule.maxChars) return err(`最多 ${rule.maxChars} 字`);
  switch (action) {
    case 'accept':
    case 'start':
      return ok({ action });
    case 'dispatch':
      return ok({ action, assignee: words });
    case 'resolve':
      return ok({ action, resolution: words });
    case 'escalate':
      return ok({ action, reason: words });
  }
};
