import { alarmKey, type Alarm } from '../../shared/logic/alarms/alarmOf';

/** However fast alarms come, the camera stays this long on each one it flies to. */
export const ALARM_DWELL_MS = 12_000;

export interface AlarmWatchInput<A extends Alarm = Alarm> {
  /** The active alarms now, newest first. */
  alarms: readonly A[];
  /**
   * The screen's picture was just replaced (first snapshot, another scope, a reset to morning): the
   * alarms it brings are already there, not news, so they neither fly the camera nor speak.
   */
  baseline: boolean;
  /** Something else owns the camera (a tour stop is on screen): flights wait until it is free. */
  holdCamera: boolean;
  /** The wall's own clock (ms), for the dwell between flights. */
  wallNowMs: number;
}

export interface AlarmWatchStep<A extends Alarm = Alarm> {
  /** Alarms that began since the last step, newest first: each is announced once. */
  fresh: A[];
  /** Fly the camera to this alarm now. */
  flyTo: A | null;
  /** The alarm the camera went to is over and none waits: back to the screen's own region. */
  returnToScope: boolean;
}


/**
 * Decides, step by step, what the wall does about its alarms beyond showing them: which are news,
 * where the camera goes and when it comes back. Only the newest waiting alarm is flown to (a
 * surge must not queue minutes of flights), never sooner than a dwell after the last flight, and
 * not while something else holds the camera.
 */
export class AlarmWatch<A extends Alarm = Alarm> {
  #seen = new Set<string>();
  #pending: A | null = null;
  #shown: A | null = null;
  #lastFlightMs = Number.NEGATIVE_INFINITY;
  #started = false;

  step({ alarms, baseline, holdCamera, wallNowMs }: AlarmWatchInput<A>): AlarmWatchStep<A> {
    const active = new Set(alarms.map(alarmKey));
    if (baseline || !this.#started) {
      this.#started = true;
      this.#seen = active;
      this.#pending = null;
      return { fresh: [], flyTo: null, returnToScope: false };
    }
    const fresh = alarms.filter((alarm) => !this.#seen.has(alarmKey(alarm)));
    // Everything active is now known; what is no longer active is forgotten, so the set stays small.
    this.#seen = active;
    if (fresh[0]) this.#pending = fresh[0];
    if (this.#pending && !active.has(alarmKey(this.#pending))) this.#pending = null;
    return { fresh, ...this.#camera(active, holdCamera, wallNowMs) };
  }

  #camera(active: ReadonlySet<string>, holdCamera: boolean, wallNowMs: number): Pick<AlarmWatchStep<A>, 'flyTo' | 'returnToScope'> {
    if (holdCamera) {
      // The tour has the camera: when it lets go, the wall shows what the tour shows, not an old alarm.
      this.#shown = null;
      return { flyTo: null, returnToScope: false };
    }
    const shownOver = this.#shown !== null && !active.has(alarmKey(this.#shown));
    if (this.#pending && wallNowMs - this.#lastFlightMs >= ALARM_DWELL_MS) {
      const flyTo = this.#pending;
      this.#pending = null;
      this.#shown = flyTo;
      this.#lastFlightMs = wallNowMs;
      return { flyTo, returnToScope: false };
    }
    if (shownOver && !this.#pending) {
      this.#shown = null;
      return { flyTo: null, returnToScope: true };
    }
    return { flyTo: null, returnToScope: false };
  }
}
