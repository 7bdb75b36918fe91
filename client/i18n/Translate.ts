import { useI18n } from 'vue-i18n';
import { createWallI18n } from './createWallI18n';

/**
 * A message lookup for code outside components (pure text builders such as pendingText.ts): the
 * screen passes its own `t`, so the words follow `?lang=`.
 */
export type Translate = (key: string, named?: Record<string, unknown>) => string;

const chinese = createWallI18n('zh-CN').global;

/** The default when no screen's `t` is given: the source language, Chinese. */
export const chineseT: Translate = (key, named) => (chinese.t as unknown as Translate)(key, named ?? {});

/** The calling component's `t` as a plain Translate, to hand to text builders. */
export const useTranslate = (): Translate => {
  const { t } = useI18n();
  return (key, named) => (t as unknown as Translate)(key, named ?? {});
};
