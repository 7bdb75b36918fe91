import { onBeforeUnmount, onMounted, ref, shallowRef } from 'vue';
import { canWrite } from '../../shared/logic/access';
import { bindDemo } from '../demo/bindDemo';
import { useDemoStore } from '../demo/useDemoStore';
import { loadRegionDirectory } from '../layout/loadRegionDirectory';
import { EMPTY_DIRECTORY, type RegionDirectory } from '../layout/regionDirectory';
import { bindStores } from '../realtime/bindStores';
import { HttpError } from '../realtime/HttpError';
import { LiveConnection } from '../realtime/LiveConnection';
import { fetchMe, type Me } from '../session/fetchMe';
import { useEventFeedStore } from '../stores/useEventFeedStore';
import { useLiveStore } from '../stores/useLiveStore';

/**
 * The tablet's link to the server for a component's lifetime: the live store bound to a live
 * connection made with the tab's token (the server picks the token's own street when no scope is
 * asked for), who the server takes the token for, and the names of the regions.
 */
export const useTabletLive = (token: string | null) => {
  const live = useLiveStore();
  const feed = useEventFeedStore();
  const connection = new LiveConnection(token ? { token } : {});
  const me = shallowRef<Me | null>(null);
  /** Why this tablet may not act or not see: a refused token, or a role without write access. */
  const refusal = ref<string | null>(null);
  const directory = shallowRef<RegionDirectory>(EMPTY_DIRECTORY);
  const stop = new AbortController();
  let unbind: () => void = () => undefined;

  const loadMe = async (): Promise<void> => {
    try {
      me.value = await fetchMe(stop.signal);
      refusal.value = canWrite({ role: me.value.role, scope: me.value.scope }) ? null : '只读：此链接无权办理事件';
    } catch (error) {
      if (error instanceof HttpError && error.status === 401) refusal.value = '登录凭证无效或已过期，请向管理员索取新的链接';
      else if (!stop.signal.aborted) console.warn('who am I: no answer yet', error);
    }
  };

  onMounted(() => {
    const unbindStores = bindStores(connection, { live, feed });
    // Demo mode reaches the tablet too: it carries the sample-data mark when the county is generated.
    const unbindDemo = bindDemo(connection, useDemoStore());
    unbind = () => {
      unbindStores();
      unbindDemo();
    };
    connection.onError((error) => console.warn('live connection', error.message));
    connection.start().catch((error: unknown) => console.error('the first snapshot could not be loaded', error));
    void loadMe();
    loadRegionDirectory(token, stop.signal).then(
      (loaded) => (directory.value = loaded),
      (error: unknown) => stop.signal.aborted || console.error('region directory', error),
    );
  });

  onBeforeUnmount(() => {
    stop.abort(new Error('the tablet was closed'));
    unbind();
    connection.close();
  });

  return {
    live,
    me,
    refusal,
    directory,
    loadMe,
    /** Shows another region (a drill-down inside the token's scope; the server refuses anything else). */
    setScope: (code: string) => connection.setScope(code),
  };
};
