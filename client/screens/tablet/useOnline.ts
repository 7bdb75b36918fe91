import { onBeforeUnmount, onMounted, readonly, ref, type Ref } from 'vue';

/**
 * The browser's own idea of being on a network (navigator.onLine and its events). It cannot
 * know that the server is reachable — the live connection says that — but it knows at once
 * when the tablet has no network at all, long before a socket times out.
 */
export const useOnline = (): Readonly<Ref<boolean>> => {
  const online = ref(navigator.onLine);
  const update = () => {
    online.value = navigator.onLine;
  };
  onMounted(() => {
    window.addEventListener('online', update);
    window.addEventListener('offline', update);
    update();
  });
  onBeforeUnmount(() => {
    window.removeEventListener('online', update);
    window.removeEventListener('offline', update);
  });
  return readonly(online);
};
