import { Value } from '@sinclair/typebox/value';
import { describe, expect, it } from 'vitest';
import type { WishBody } from '../../../shared/contract/http';
import { EventPayloadSchemas, type NewEvent } from '../../../shared/domain/event';
import { WISH_ACTIONS, WISH_STATUSES, Wish, type WishAction, type WishStatus } from '../../../shared/domain/wish';
import {
  ALLOWED_WISH_ACTIONS,
  decideWishTransition,
  newWish,
  type WishCommand,
} from '../../../shared/logic/wishMachine';
import { COMMUNITY, PATH, T0, makeWish } from './logicFixtures';

/** Written by hand from 居民点单 → 党员接单 → 完成; missing = illegal. */
const EXPECTED: Record<WishStatus, Partial<Record<WishAction, string>>> = {
  posted: { claim: 'wish:claimed' },
  claimed: { fulfil: 'wish:fulfilled' },
  fulfilled: {},
};
const COMMAND: Record<WishAction, WishCommand> = {
  claim: { action: 'claim', claimerName: '陈建国' },
  fulfil: { action: 'fulfil', note: '已送到家' },
};
const matrix = WISH_STATUSES.flatMap((status) => WISH_ACTIONS.map((action) => ({ status, action })));

describe('the wish transition matrix (every status × action)', () => {
  const legal = matrix.filter((c) => EXPECTED[c.status][c.action]);
  const illegal = matrix.filter((c) => !EXPECTED[c.status][c.action]);

  it('has 6 cells, of which exactly 2 are legal', () => {
    expect([matrix.length, legal.length]).toEqual([6, 2]);
  });

  it.each(legal)('allows $action on a $status wish', ({ status, action }) => {
    const result = decideWishTransition(makeWish({ status }), COMMAND[action], T0);
    expect(result).toMatchObject({ ok: true, value: { type: EXPECTED[status][action], at: T0 } });
    if (result.ok) expect(Value.Check(EventPayloadSchemas[result.value.type], result.value.payload)).toBe(true);
  });

  it.each(illegal)('refuses $action on a $status wish', ({ status, action }) => {
    const result = decideWishTransition(makeWish({ status }), COMMAND[action], T0);
    expect(result).toMatchObject({ ok: false, error: { code: 'illegal_transition', action, currentStatus: status } });
  });

  it.each(WISH_STATUSES)('offers exactly the legal actions for a %s wish', (status) => {
    expect(ALLOWED_WISH_ACTIONS(status)).toEqual(WISH_ACTIONS.filter((a) => EXPECTED[status][a]));
  });
});

describe('decideWishTransition, read as rules', () => {
  it('records who claimed the wish', () => {
    const result = decideWishTransition(makeWish(), COMMAND.claim, T0);
    expect(result.ok && result.value.payload).toEqual({ wishId: 'W-1', claimerName: '陈建国' });
  });

  it('refuses to fulfil a wish nobody has claimed yet', () => {
    const result = decideWishTransition(makeWish(), COMMAND.fulfil, T0);
    expect(result).toMatchObject({ ok: false, error: { code: 'illegal_transition', currentStatus: 'posted' } });
    if (!result.ok) expect(result.error.message).toContain('fulfil needs claimed');
  });

  it('refuses to claim a wish twice', () => {
    const result = decideWishTransition(makeWish({ status: 'claimed', claimerName: '甲' }), COMMAND.claim, T0);
    expect(result).toMatchObject({ ok: false, error: { code: 'illegal_transition' } });
  });

  it('refuses a blank claimer name as an invalid command', () => {
    const result = decideWishTransition(makeWish(), { action: 'claim', claimerName: '  ' }, T0);
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_command' } });
  });

  it('produces a decision the server can envelope as a NewEvent', () => {
    const result = decideWishTransition(makeWish({ status: 'claimed' }), COMMAND.fulfil, T0);
    if (!result.ok) throw new Error('expected a decision');
    const envelope: NewEvent = { id: 'EV-1', regionPath: PATH, ...result.value };
    expect(envelope.type).toBe('wish:fulfilled');
  });
});

describe('newWish', () => {
  const body: WishBody = { title: '修理轮椅', description: '轮椅刹车坏了', regionCode: COMMUNITY, residentName: '王秀英' };

  it('builds a posted, schema-valid wish without a phone key when none was given', () => {
    const wish = newWish({ id: 'W-9', body, regionPath: PATH.slice(0, 3), now: T0 });
    expect(wish).toMatchObject({ id: 'W-9', status: 'posted', postedAt: T0, residentName: '王秀英' });
    expect('residentPhone' in wish).toBe(false);
    expect(Value.Check(Wish, wish)).toBe(true);
  });
});
