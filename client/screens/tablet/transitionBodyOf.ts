import type { TransitionBody } from '../../../shared/contract/http';
import type { Incident } from '../../../shared/domain/incident';
import { ALLOWED_ACTIONS } from '../../../shared/logic/incidentMachine';
import { err, ok, type Result } from '../../../shared/logic/result';
import { chineseT, type Translate } from '../../i18n/Translate';

/** What a street leader can do from the tablet; rating is the resident's answer to the call-back (回访). */
export const TABLET_ACTIONS = ['accept', 'dispatch', 'start', 'resolve', 'escalate'] as const;
export type TabletAction = (typeof TABLET_ACTIONS)[number];

const isTabletAction = (action: string): action is TabletAction => (TABLET_ACTIONS as readonly string[]).includes(action);

/** The buttons for an incident in its current status and level, in lifecycle order (one table: ALLOWED_ACTIONS). */
export const tabletActionsFor = (incident: Pick<Incident, 'status' | 'level'>): TabletAction[] =>
  ALLOWED_ACTIONS(incident.status, incident.level).filter(isTabletAction);

/** Actions that carry words, and the most the API accepts (TransitionBody's maxLength). */
export const ACTION_TEXT: Readonly<Partial<Record<TabletAction, { maxChars: number }>>> = {
  dispatch: { maxChars: 64 },
  resolve: { maxChars: 500 },
  escalate: { maxChars: 500 },
};

export const needsText = (action: TabletAction): boolean => ACTION_TEXT[action] !== undefined;

/**
 * The request body for a tap (and, where the action needs them, the words typed), or what is
 * missing. Checked here so a leader hears about an empty field at once, not after a round trip.
 */
export const transitionBodyOf = (action: TabletAction, text = '', t: Translate = chineseT): Result<TransitionBody, string> => {
  const rule = ACTION_TEXT[action];
  const words = text.trim();
  if (rule && words === '') return err(t(`tablet.missing.${action as 'dispatch' | 'resolve' | 'escalate'}`));
  if (rule && Array.from(words).length > rule.maxChars) return err(t('tablet.tooLong', { max: rule.maxChars }));
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
