import { describe, expect, it } from 'vitest';
import { wishFunnelOption, wishStages } from '../../../client/charts/options/wishFunnelOption';

const NAMES = ['居民点单', '党员接单', '心愿实现'] as const;

describe('wishStages', () => {
  it('turns counts by current status into cumulative funnel stages', () => {
    // 99 wishes still waiting, 28 being worked on, 5 done: 132 were posted, 33 claimed, 5 fulfilled.
    expect(wishStages(NAMES, { posted: 99, claimed: 28, fulfilled: 5 })).toEqual([
      { name: '居民点单', value: 132 },
      { name: '党员接单', value: 33 },
      { name: '心愿实现', value: 5 },
    ]);
  });

  it('never narrows upwards, whatever the counts', () => {
    const [posted, claimed, fulfilled] = wishStages(NAMES, { posted: 0, claimed: 0, fulfilled: 7 });
    expect(posted?.value).toBeGreaterThanOrEqual(claimed?.value ?? 0);
    expect(claimed?.value).toBeGreaterThanOrEqual(fulfilled?.value ?? 0);
  });
});

describe('wishFunnelOption', () => {
  type Funnel = { sort: string; max: number; data: { name: string; value: number }[] };

  it('keeps the stages in order and scales widths to the first stage', () => {
    const [funnel] = wishFunnelOption({ names: NAMES, counts: { posted: 10, claimed: 5, fulfilled: 5 }, remPx: 16 })
      .series as Funnel[];
    expect(funnel?.sort).toBe('none');
    expect(funnel?.max).toBe(20);
    expect(funnel?.data.map((stage) => stage.value)).toEqual([20, 10, 5]);
  });

  it('still has a scale when there are no wishes at all', () => {
    const [funnel] = wishFunnelOption({ names: NAMES, counts: { posted: 0, claimed: 0, fulfilled: 0 }, remPx: 16 })
      .series as Funnel[];
    expect(funnel?.max).toBe(1);
  });
});
