import { describe, expect, it } from 'vitest';
import { LiveHold } from '../../../client/realtime/LiveHold';

describe('the live hold a replay puts on a screen', () => {
  it('lets everything through until held', () => {
    const hold = new LiveHold(() => undefined);
    expect(hold.held).toBe(false);
    expect(hold.takesSnapshot()).toBe(true);
  });

  it('keeps live snapshots and frames off the stores while held', () => {
    const hold = new LiveHold(() => undefined);
    hold.hold();
    expect(hold.held).toBe(true);
    expect(hold.takesSnapshot()).toBe(false);
  });

  it('on release asks for a fresh live snapshot and lets frames through only once it is applied', async () => {
    let reloads = 0;
    const hold = new LiveHold(() => reloads++);
    hold.hold();
    let resumed = false;
    const release = hold.release().then(() => (resumed = true));
    expect(reloads).toBe(1);
    // The snapshot asked for may come in; frames still wait for it.
    expect(hold.takesSnapshot()).toBe(true);
    expect(hold.held).toBe(true);
    await Promise.resolve();
    expect(resumed).toBe(false);
    hold.snapshotApplied();
    await release;
    expect(resumed).toBe(true);
    expect(hold.held).toBe(false);
  });

  it('releases at once when nothing was held', async () => {
    let reloads = 0;
    const hold = new LiveHold(() => reloads++);
    await hold.release();
    expect(reloads).toBe(0);
  });
});
