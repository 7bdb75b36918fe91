import { describe, expect, it } from 'vitest';
import { ALARM_DWELL_MS, AlarmWatch } from '../../../client/alarms/AlarmWatch';
import type { Alarm } from '../../../shared/logic/alarms/alarmOf';

const T = 1_000_000;
const urgent = (incidentId: string, since = T): Alarm => ({ incidentId, reason: 'urgent', since });

/** A watch that has seen `alarms` as the screen's first picture. */
const watching = (alarms: Alarm[] = []) => {
  const watch = new AlarmWatch();
  watch.step({ alarms, baseline: true, holdCamera: false, wallNowMs: 0 });
  return watch;
};

describe('the wall’s alarm watch', () => {
  it('takes the alarms of a new picture as known: no announcement, no flight', () => {
    const watch = new AlarmWatch();
    expect(watch.step({ alarms: [urgent('A')], baseline: false, holdCamera: false, wallNowMs: 0 })).toEqual({ fresh: [], flyTo: null, returnToScope: false });
    expect(watch.step({ alarms: [urgent('A')], baseline: false, holdCamera: false, wallNowMs: 1000 }).fresh).toEqual([]);
    expect(watch.step({ alarms: [urgent('B'), urgent('A')], baseline: true, holdCamera: false, wallNowMs: 2000 }).flyTo).toBeNull();
  });

  it('announces a new alarm once and flies to it', () => {
    const watch = watching([urgent('A')]);
    const step = watch.step({ alarms: [urgent('B'), urgent('A')], baseline: false, holdCamera: false, wallNowMs: 1000 });
    expect(step).toEqual({ fresh: [urgent('B')], flyTo: urgent('B'), returnToScope: false });
    expect(watch.step({ alarms: [urgent('B'), urgent('A')], baseline: false, holdCamera: false, wallNowMs: 2000 })).toEqual({ fresh: [], flyTo: null, returnToScope: false });
  });

  it('treats the same incident alarming again, now overdue, as news', () => {
    const watch = watching([urgent('A')]);
    const overdue: Alarm = { incidentId: 'A', reason: 'overdue', since: T + 3600_000 };
    expect(watch.step({ alarms: [overdue], baseline: false, holdCamera: false, wallNowMs: 1000 }).fresh).toEqual([overdue]);
  });

  it('holds the flight while a tour stop has the camera, and flies when it lets go', () => {
    const watch = watching();
    const held = watch.step({ alarms: [urgent('A')], baseline: false, holdCamera: true, wallNowMs: 1000 });
    expect(held).toEqual({ fresh: [urgent('A')], flyTo: null, returnToScope: false });
    expect(watch.step({ alarms: [urgent('A')], baseline: false, holdCamera: true, wallNowMs: 2000 }).flyTo).toBeNull();
    expect(watch.step({ alarms: [urgent('A')], baseline: false, holdCamera: false, wallNowMs: 3000 }).flyTo).toEqual(urgent('A'));
  });

  it('drops a waiting flight whose alarm ended meanwhile', () => {
    const watch = watching();
    watch.step({ alarms: [urgent('A')], baseline: false, holdCamera: true, wallNowMs: 1000 });
    expect(watch.step({ alarms: [], baseline: false, holdCamera: false, wallNowMs: 2000 })).toEqual({ fresh: [], flyTo: null, returnToScope: false });
  });

  it('stays on each alarm for the dwell, then goes to the newest that waits — not to every one of a surge', () => {
    const watch = watching();
    expect(watch.step({ alarms: [urgent('A')], baseline: false, holdCamera: false, wallNowMs: 1000 }).flyTo).toEqual(urgent('A'));
    const surge = [urgent('D', T + 3), urgent('C', T + 2), urgent('B', T + 1), urgent('A')];
    expect(watch.step({ alarms: surge, baseline: false, holdCamera: false, wallNowMs: 2000 })).toMatchObject({ fresh: surge.slice(0, 3), flyTo: null });
    expect(watch.step({ alarms: surge, baseline: false, holdCamera: false, wallNowMs: 1000 + ALARM_DWELL_MS - 1 }).flyTo).toBeNull();
    expect(watch.step({ alarms: surge, baseline: false, holdCamera: false, wallNowMs: 1000 + ALARM_DWELL_MS }).flyTo).toEqual(urgent('D', T + 3));
    expect(watch.step({ alarms: surge, baseline: false, holdCamera: false, wallNowMs: 1000 + 3 * ALARM_DWELL_MS }).flyTo).toBeNull();
  });

  it('goes back to the screen’s region once the alarm it showed is acknowledged or resolved', () => {
    const watch = watching();
    watch.step({ alarms: [urgent('A')], baseline: false, holdCamera: false, wallNowMs: 1000 });
    expect(watch.step({ alarms: [], baseline: false, holdCamera: false, wallNowMs: 2000 })).toEqual({ fresh: [], flyTo: null, returnToScope: true });
    expect(watch.step({ alarms: [], baseline: false, holdCamera: false, wallNowMs: 3000 }).returnToScope).toBe(false);
  });

  it('does not go back when the tour took the camera in between', () => {
    const watch = watching();
    watch.step({ alarms: [urgent('A')], baseline: false, holdCamera: false, wallNowMs: 1000 });
    watch.step({ alarms: [urgent('A')], baseline: false, holdCamera: true, wallNowMs: 2000 });
    expect(watch.step({ alarms: [], baseline: false, holdCamera: false, wallNowMs: 3000 }).returnToScope).toBe(false);
  });
});
