import { computed, onBeforeUnmount, shallowRef, watch, type Ref } from 'vue';
import { useI18n } from 'vue-i18n';
import type { AlarmNotice } from '../../shared/contract/alarms';
import type { AlarmPolicy } from '../../shared/logic/alarms/alarmPolicy';
import { mayVoiceAlarm } from '../../shared/logic/alarms/quietHours';
import type { WallLocale } from '../i18n/wallLocales';
import { alarmCardsOf, MAX_ALARM_CARDS, placeOfNotice } from './alarmCards';
import { spokenPlace } from './alarmVoice';
import { AlarmSpeaker } from './AlarmSpeaker';
import { AlarmWatch } from './AlarmWatch';
import type { AlarmFeedStore } from '../stores/useAlarmFeedStore';

export interface WallAlarmsOptions {
  /** The server's alarm feed for this wall's token (client/alarms/bindAlarmFeed). */
  feed: AlarmFeedStore;
  /** The region the wall shows, which the camera returns to once the alarm it flew to is over. */
  scope: Readonly<Ref<string | null>>;
  /** The server's clock (quiet hours are judged by it). */
  now: Readonly<Ref<number>>;
  /** For the voice only: which alarms exist is the server's call, made with the same policy. */
  policy: Readonly<Ref<AlarmPolicy | null>>;
  locale: WallLocale;
  /** A tour stop is on screen: camera flights wait until it ends. */
  holdCamera: Readonly<Ref<boolean>>;
  /** Flies the wall's camera to a region (MapView's flyToRegion). */
  flyTo: (code: string) => void;
  /** The wall shows the past (a replay): no card, no flight, no voice until it is live again. */
  muted?: Readonly<Ref<boolean>>;
}

/**
 * The wall's alarms: the server's feed for the wall's token — the whole county for a wall, whatever
 * region a tour stop or a drill-down shows — so an alarm in another street still reaches it, and
 * an acknowledgement or a resolution ends it on every wall with the next frame. New ones fly the
 * camera to their grid (unless a tour stop holds it) and are announced aloud when allowed.
 */
export const useWallAlarms = ({ feed, scope, now, policy, locale, holdCamera, flyTo, muted }: WallAlarmsOptions) => {
  const { t } = useI18n();
  const voiceState = shallowRef(0);
  const speaker = new AlarmSpeaker(locale, () => voiceState.value++);
  const watcher = new AlarmWatch<AlarmNotice>();

  const alarms = computed<readonly AlarmNotice[]>(() => (muted?.value ? [] : feed.alarms));
  const cards = computed(() => alarmCardsOf(alarms.value, MAX_ALARM_CARDS, feed.total));
  /** The one-tap unlock is offered only where it would make the wall speak. */
  const offerVoice = computed(() => {
    void voiceState.value;
    return policy.value?.voice === true && speaker.available && !speaker.unlocked && !muted?.value;
  });

  const lineFor = (alarm: AlarmNotice, others: number): string => {
    const place = spokenPlace(placeOfNotice(alarm));
    const line = t(`alarms.voice.${alarm.reason}`, { place, category: t(`categories.${alarm.category}`) });
    return others > 0 ? `${line}${t('alarms.voice.more', { count: others })}` : line;
  };

  const announce = (fresh: readonly AlarmNotice[]): void => {
    const newest = fresh[0];
    if (!newest || !policy.value || !mayVoiceAlarm(now.value, policy.value)) return;
    speaker.say(lineFor(newest, fresh.length - 1));
  };

  // The first list, and the first after a reset to morning (a new epoch), is the picture the wall
  // starts from: its alarms are already there, not news. A reconnect is not: what began while the
  // wall was away is announced when it is back.
  let lastEpoch: string | null = null;
  // While muted nothing is stepped: once live again, what began during the replay is announced
  // as after a reconnect.
  watch([() => feed.frames, holdCamera, () => muted?.value], () => {
    if (feed.epoch === null || muted?.value) return;
    const baseline = feed.epoch !== lastEpoch;
    lastEpoch = feed.epoch;
    const step = watcher.step({ alarms: alarms.value, baseline, holdCamera: holdCamera.value, wallNowMs: Date.now() });
    if (step.fresh.length > 0) announce(step.fresh);
    if (step.flyTo) flyTo(step.flyTo.gridCode);
    else if (step.returnToScope && scope.value) flyTo(scope.value);
  });

  onBeforeUnmount(() => speaker.close());

  return {
    alarms,
    cards,
    offerVoice,
    unlockVoice: () => speaker.unlock(t('alarms.voiceEnabled')),
  };
};
