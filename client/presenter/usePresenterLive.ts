import { onBeforeUnmount, onMounted } from 'vue';
import { bindDemo } from '../demo/bindDemo';
import { useDemoStore } from '../demo/useDemoStore';
import { bindStores } from '../realtime/bindStores';
import { LiveConnection } from '../realtime/LiveConnection';
import { useEventFeedStore } from '../stores/useEventFeedStore';
import { useLiveStore } from '../stores/useLiveStore';

/**
 * The remote's link for a component's lifetime: the county's live figures (so the presenter sees a
 * scenario land) and the demo state, over one connection made with the presenter's token.
 */
export const usePresenterLive = (token: string | null) => {
  const live = useLiveStore();
  const demo = useDemoStore();
  const connection = new LiveConnection(token ? { token } : {});
  let unbind: () => void = () => undefined;

  onMounted(() => {
    const unbindStores = bindStores(connection, { live, feed: useEventFeedStore() });
    const unbindDemo = bindDemo(connection, demo);
    unbind = () => {
      unbindStores();
      unbindDemo();
    };
    connection.onError((error) => console.warn('live connection', error.message));
    connection.start().catch((error: unknown) => console.error('the first snapshot could not be loaded', error));
  });

  onBeforeUnmount(() => {
    unbind();
    connection.close();
  });

  return { live, demo, connection };
};
