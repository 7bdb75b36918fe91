import { describe, expect, it } from 'vitest';
import type { RegionKpis } from '../../../shared/domain/kpi';
import { KpiOrder } from '../../../client/realtime/KpiOrder';

const kpis = (seq: number, at: number) => ({ code: '350121001', seq, at }) as RegionKpis;

describe('the order of KPI frames', () => {
  it('accepts figures of a later log position, or of the same one computed later', () => {
    const order = new KpiOrder();
    order.reset(kpis(10, 1_000));
    expect(order.accept(kpis(11, 900))).toBe(true);
    expect(order.accept(kpis(11, 1_500))).toBe(true);
  });

  it('refuses figures older than those it already passed on (a frame that crossed the snapshot)', () => {
    const order = new KpiOrder();
    order.reset(kpis(10, 1_000));
    expect(order.accept(kpis(9, 2_000))).toBe(false);
    expect(order.accept(kpis(10, 999))).toBe(false);
  });
});
