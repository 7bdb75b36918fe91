import { onBeforeUnmount, readonly, ref, type Ref } from 'vue';
import { chooseWallLayout, type WallLayout } from './wallLayouts';

/** The wall's layout, following the viewport unless the URL forced one. */
export const useWallLayout = (requested: WallLayout | null): Readonly<Ref<WallLayout>> => {
  const choose = () => chooseWallLayout(window.innerWidth, window.innerHeight, requested);
  const layout = ref<WallLayout>(choose());
  const update = (): void => {
    layout.value = choose();
  };
  window.addEventListener('resize', update);
  onBeforeUnmount(() => window.removeEventListener('resize', update));
  return readonly(layout);
};
