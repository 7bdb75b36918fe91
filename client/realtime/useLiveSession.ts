import { onBeforeUnmount, onMounted } from 'vue';
import { useAlarmFeedStore } from '../stores/useAlarmFeedStore';
import { useDemoStore } from '../stores/useDemoStore';
import { useEventFeedStore } from '../stores/useEventFeedStore';
import { useLiveStore } from '../stores/useLiveStore';
import { useViewStore } from '../stores/useViewStore';
import { bindStores } from './bindStores';
import { LiveConnection } from './LiveConnection';
import { LiveHold } from './LiveHold';

export interface LiveSessionOptions {
  token: string | null;
  /** The region to open on; absent, the server picks the token's own. */
  scope?: string;
  /** Whether the screen shows the server's alarm feed (the wall). */
  alarms?: boolean;
}

/**
 * A screen's live link for a component's lifetime: one connection with the tab's token, every store
 * bound to it (bindStores.ts), started on mount and closed on unmount. Every screen goes through here.
 */
export const useLiveSession = ({ token, scope, alarms = false }: LiveSessionOptions) => {
  const live = useLiveStore();
  const feed = useEventFeedStore();
  const demo = useDemoStore();
  const view = useViewStore();
  const alarmFeed = alarms ? useAlarmFeedStore() : null;
  const connection = new LiveConnection({ ...(scope ? { scope } : {}), ...(token ? { token } : {}) });
  /** A replay holds live frames off the stores; releasing reloads the live snapshot. */
  const hold = new LiveHold(() => connection.reload());
  let unbind: () => void = () => undefined;

  onMounted(() => {
    unbind = bindStores(connection, { live, feed, demo, view, ...(alarmFeed ? { alarms: alarmFeed } : {}) }, { hold });
    connection.onError((error) => console.warn('live connection', error.message));
    connection.start().catch((error: unknown) => console.error('the first snapshot could not be loaded', error));
  });

  onBeforeUnmount(() => {
    unbind();
    connection.close();
  });

  return { connection, hold, live, feed, demo, view, alarmFeed };
};
