import { isAlarmAck } from '../../api/alarmAck';
import { chineseT, type Translate } from '../../i18n/Translate';
import type { PendingAction } from '../../outbox/Outbox';
import { TABLET_ACTIONS, type TabletAction } from './transitionBodyOf';

const SECOND_MS = 1000;

/** Refusals with a meaning to a leader (tablet.pending.refusals), before the server's own (English) words. */
const EXPLAINED = new Set([401, 403, 404, 409, 422]);

const actionName = (action: PendingAction, t: Translate): string => {
  if (isAlarmAck(action.body)) return t('tablet.ackAlarm');
  const name = action.body.action;
  return (TABLET_ACTIONS as readonly string[]).includes(name) ? t(`tablet.actions.${name as TabletAction}`) : name;
};

/**
 * The line the sheet shows for an action of this tablet that has no definite answer yet, or was
 * refused: never nothing, so a tap can never seem to have vanished.
 */
export const pendingText = (action: PendingAction, now: number, t: Translate = chineseT): string => {
  const name = actionName(action, t);
  if (action.state === 'failed') {
    const problem = action.problem;
    const meaning =
      problem && EXPLAINED.has(problem.status) ? t(`tablet.pending.refusals.status${problem.status}`) : t('tablet.pending.refused');
    return t('tablet.pending.failed', { name, meaning, status: problem?.status ?? '', message: problem?.message ?? '' });
  }
  if (action.state === 'sending') {
    return action.attempts > 1 ? t('tablet.pending.sendingAgain', { name, attempt: action.attempts }) : t('tablet.pending.sending', { name });
  }
  const waitS = Math.max(0, Math.ceil((action.retryAt - now) / SECOND_MS));
  const why = action.problem && action.problem.status > 0 ? t('tablet.pending.serverBusy', { status: action.problem.status }) : t('tablet.pending.noNetwork');
  const retry = waitS > 0 ? t('tablet.pending.retryIn', { seconds: waitS }) : t('tablet.pending.retrying');
  return t('tablet.pending.waiting', { name, why, retry });
};
