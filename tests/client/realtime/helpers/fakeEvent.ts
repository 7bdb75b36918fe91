import type { EventFrame } from '../../../../shared/contract/socket';
import type { JinlinEvent } from '../../../../shared/domain/event';

/** A minimal well-formed event at `seq` (a wish fulfilled in a Ganzhe grid), for pure unit tests. */
export const fakeEvent = (seq: number): JinlinEvent => ({
  seq,
  id: `EV-${seq}`,
  type: 'wish:fulfilled',
  at: 1_747_700_000_000 + seq,
  regionPath: ['350121', '350121001'],
  payload: { wishId: `WISH-${seq}` },
});

export const frameOf = (seq: number, prevSeq: number): EventFrame => ({ event: fakeEvent(seq), prevSeq });
