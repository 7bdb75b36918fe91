import type { LiveConnection } from '../realtime/LiveConnection';
import type { AlarmFeedStore } from './useAlarmFeedStore';

/** Feeds the alarm store from the connection's `alarms` frames; returns the function that stops it. */
export const bindAlarmFeed = (connection: Pick<LiveConnection, 'onAlarms'>, feed: Pick<AlarmFeedStore, 'accept'>): (() => void) =>
  connection.onAlarms((frame) => feed.accept(frame));
