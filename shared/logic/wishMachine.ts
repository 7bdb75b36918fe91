import type { WishBody, WishClaimBody, WishFulfilBody } from '../contract/http';
import type { EventPayload } from '../domain/event';
import { WISH_ACTIONS, type Wish, type WishAction, type WishStatus } from '../domain/wish';
import { err, ok, type Result } from './result';

/** 居民点单 → 党员接单 → fulfilled: one step each, no way back. */
export const WISH_TRANSITIONS: Readonly<
  Record<WishAction, { from: WishStatus; to: WishStatus; event: 'wish:claimed' | 'wish:fulfilled' }>
> = {
  claim: { from: 'posted', to: 'claimed', event: 'wish:claimed' },
  fulfil: { from: 'claimed', to: 'fulfilled', event: 'wish:fulfilled' },
};

export type WishCommand = ({ action: 'claim' } & WishClaimBody) | ({ action: 'fulfil' } & WishFulfilBody);

export type WishRefusalCode = 'illegal_transition' | 'invalid_command';

export interface IllegalWishTransition {
  code: WishRefusalCode;
  action: WishAction;
  currentStatus: WishStatus;
  message: string;
}

export type WishDecision =
  | { type: 'wish:claimed'; payload: EventPayload<'wish:claimed'>; at: number }
  | { type: 'wish:fulfilled'; payload: EventPayload<'wish:fulfilled'>; at: number };

export const ALLOWED_WISH_ACTIONS = (status: WishStatus): WishAction[] =>
  WISH_ACTIONS.filter((action) => WISH_TRANSITIONS[action].from === status);

const refuse = (wish: Wish, action: WishAction, code: WishRefusalCode, message: string) =>
  err<IllegalWishTransition>({ code, action, currentStatus: wish.status, message });

/** Decides whether the wish may be claimed or fulfilled now, and which event records it. */
export const decideWishTransition = (
  wish: Wish,
  command: WishCommand,
  now: number,
): Result<WishDecision, IllegalWishTransition> => {
  const rule = (WISH_TRANSITIONS as Partial<Record<string, (typeof WISH_TRANSITIONS)[WishAction]>>)[command.action];
  if (!rule) return refuse(wish, command.action, 'invalid_command', `unknown action "${String(command.action)}"`);
  if (wish.status !== rule.from) {
    const message = `cannot ${command.action} a wish that is ${wish.status}; ${command.action} needs ${rule.from}`;
    return refuse(wish, command.action, 'illegal_transition', message);
  }
  if (command.action === 'fulfil') return ok({ type: 'wish:fulfilled', payload: { wishId: wish.id }, at: now });
  const claimerName = command.claimerName.trim();
  if (claimerName === '') return refuse(wish, 'claim', 'invalid_command', 'claim needs the claimer\'s name');
  return ok({ type: 'wish:claimed', payload: { wishId: wish.id, claimerName }, at: now });
};

export interface NewWishInput {
  id: string;
  body: WishBody;
  regionPath: string[];
  now: number;
}

/** The one place a posted wish is built, so every entry path produces the same shape. */
export const newWish = ({ id, body, regionPath, now }: NewWishInput): Wish => ({
  id,
  title: body.title,
  description: body.description,
  status: 'posted',
  regionCode: body.regionCode,
  regionPath: [...regionPath],
  residentName: body.residentName,
  ...(body.residentPhone ? { residentPhone: body.residentPhone } : {}),
  postedAt: now,
});
