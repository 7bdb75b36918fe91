import { ALARM_ACK_LABEL, isAlarmAck } from './alarmAck';
import type { PendingAction } from './Outbox';
import { ACTION_LABELS } from './tabletLabels';
import type { TabletAction } from './transitionBodyOf';

const SECOND_MS = 1000;

/** What the refusal means to a leader, before the server's own (English) words. */
const REFUSALS: Readonly<Record<number, string>> = {
  401: '登录凭证已失效，请重新打开链接',
  403: '无权处理该事件',
  404: '事件不存在或不在本辖区',
  409: '事件状态已变化，请查看最新进度',
  422: '内容不符合要求',
};

const actionName = (action: PendingAction): string =>
  isAlarmAck(action.body) ? ALARM_ACK_LABEL : (ACTION_LABELS[action.body.action as TabletAction] ?? action.body.action);

/**
 * The line the sheet shows for an action of this tablet that has no definite answer yet, or was
 * refused: never nothing, so a tap can never seem to have vanished.
 */
export const pendingText = (action: PendingAction, now: number): string => {
  const name = `「${actionName(action)}」`;
  if (action.state === 'failed') {
    const problem = action.problem;
    const meaning = (problem && REFUSALS[problem.status]) ?? '服务器拒绝了该操作';
    return `${name}未成功：${meaning}（${problem?.status ?? ''} ${problem?.message ?? ''}）`;
  }
  if (action.state === 'sending') return action.attempts > 1 ? `正在发送${name}… 第 ${action.attempts} 次尝试` : `正在发送${name}…`;
  const waitS = Math.max(0, Math.ceil((action.retryAt - now) / SECOND_MS));
  const why = action.problem && action.problem.status > 0 ? `服务器暂时无法处理（${action.problem.status}）` : '网络未连通';
  return `${name}等待发送：${why}，${waitS > 0 ? `${waitS} 秒后重试` : '正在重试'}`;
};
