import { describe, expect, it } from 'vitest';
import { RenderBudget, type RenderBudgetOptions } from '../../../../client/map/engine/renderBudget';

const OPTIONS: RenderBudgetOptions = { share: 0.25, burstMs: 400, maxAnimatedFrameMs: 25, smoothing: 0.5 };

describe('the map render budget', () => {
  it('never holds back a map whose frames cost nothing, as on a wall with a real GPU', () => {
    const budget = new RenderBudget(0, OPTIONS);
    for (let t = 0; t < 10_000; t += 33) budget.spend(0, t);
    expect(budget.waitMs(10_000)).toBe(0);
    expect(budget.mayAnimate).toBe(true);
  });

  it('lets one expensive update through at once after a calm spell, then spaces the next to keep to its share', () => {
    const budget = new RenderBudget(0, OPTIONS);
    expect(budget.waitMs(0)).toBe(0);
    budget.spend(200, 0);
    budget.spend(200, 0);
    budget.spend(200, 0);
    // 600 ms drawn from a 400 ms reserve: 200 ms in debt, repaid at a quarter of the clock.
    expect(budget.waitMs(0)).toBe(800);
    expect(budget.waitMs(500)).toBe(300);
    expect(budget.waitMs(800)).toBe(0);
  });

  it('keeps drawing at or under its share of the time however often updates are asked for', () => {
    const budget = new RenderBudget(0, OPTIONS);
    let drawnMs = 0;
    // Updates asked for every 50 ms for a minute, each costing two 150 ms frames when let through.
    for (let t = 0; t < 60_000; t += 50) {
      if (budget.waitMs(t) > 0) continue;
      budget.spend(150, t);
      budget.spend(150, t);
      drawnMs += 300;
    }
    expect(drawnMs / 60_000).toBeLessThanOrEqual(0.25 + OPTIONS.burstMs / 60_000 + 300 / 60_000);
    expect(drawnMs / 60_000).toBeGreaterThan(0.2);
  });

  it('stops animating once frames cost more than a watchable pace allows, and resumes when they are cheap again', () => {
    const budget = new RenderBudget(0, OPTIONS);
    budget.spend(10, 0);
    expect(budget.mayAnimate).toBe(true);
    budget.spend(150, 100);
    budget.spend(150, 200);
    expect(budget.frameCostMs).toBeGreaterThan(25);
    expect(budget.mayAnimate).toBe(false);
    for (let t = 300; t < 1000; t += 100) budget.spend(2, t);
    expect(budget.mayAnimate).toBe(true);
  });

  it('counts what it measured, negative readings (a frame sooner than a vsync) as nothing', () => {
    const budget = new RenderBudget(0, OPTIONS);
    budget.spend(-5, 0);
    budget.spend(100, 10);
    expect(budget.totals).toEqual({ frames: 2, spentMs: 100 });
  });
});
