import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it } from 'vitest';
import { useDemoStore } from '../../../client/stores/useDemoStore';
import { demoStateOf, tourOf } from './demoFixtures';

describe('the demo store', () => {
  beforeEach(() => setActivePinia(createPinia()));

  it('shows the tour’s stop while playing or paused, and none while free-roaming', () => {
    const demo = useDemoStore();
    demo.accept(demoStateOf({ tour: tourOf({ index: 1 }) }));
    expect(demo.currentStop?.id).toBe('county');
    expect(demo.showingStop).toBe(true);
    demo.accept(demoStateOf({ tour: tourOf({ mode: 'paused', endsAt: null }) }));
    expect(demo.currentStop?.id).toBe('sanfu');
    demo.accept(demoStateOf({ tour: tourOf({ mode: 'free', endsAt: null }) }));
    expect(demo.currentStop).toBeNull();
    expect(demo.showingStop).toBe(false);
  });

  it('shows no stop on a wall that does not follow the tour (?tour=off)', () => {
    const demo = useDemoStore();
    demo.setFollowsTour(false);
    demo.accept(demoStateOf());
    expect(demo.currentStop).toBeNull();
    expect(demo.showingStop).toBe(false);
  });

  it('marks sample data for the sample county, and for a scenario on any county', () => {
    const demo = useDemoStore();
    expect(demo.sampleShown).toBe(false);
    demo.accept(demoStateOf({ sample: true }));
    expect(demo.sampleShown).toBe(true);
    const scenario = { id: 'typhoon' as const, title: { zh: '台风应急演练' }, startedAt: 0, endsAt: 1, issued: 1, planned: 9, running: true };
    demo.accept(demoStateOf({ sample: false, scenario }));
    expect(demo.sampleShown).toBe(true);
    demo.accept(demoStateOf({ sample: false, scenario: { ...scenario, running: false } }));
    expect(demo.sampleShown).toBe(false);
  });

  it('reads the tour’s times on the server’s clock when the frame says what it is', () => {
    const demo = useDemoStore();
    demo.accept(demoStateOf({ sentAt: 5_000_000 }), 4_990_000);
    expect(demo.serverNow(4_995_000)).toBe(5_005_000);
    demo.accept(demoStateOf(), 7_000_000);
    expect(demo.serverNow(4_995_000)).toBe(5_005_000);
  });
});
