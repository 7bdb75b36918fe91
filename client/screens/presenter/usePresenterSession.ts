import { computed, watchEffect } from 'vue';
import { useI18n } from 'vue-i18n';
import type { ScenarioId, TourCommand } from '../../../shared/contract/demo';
import { textOf } from '../../demo/captionOf';
import { tourProgress } from '../../demo/tourProgress';
import type { WallLocale } from '../../i18n/wallLocales';
import { useLiveSession } from '../../realtime/useLiveSession';
import { useNow } from '../../time/useNow';
import { useDemoCommands } from './useDemoCommands';

/**
 * The remote's wiring, the only place it is done: one live session with the presenter's token (the
 * county's live figures, so the presenter sees a scenario land, and the demo state), and the three
 * commands it sends, each with its answer.
 */
export const usePresenterSession = (token: string | null, locale: WallLocale) => {
  const { t } = useI18n();
  const { live, demo, connection } = useLiveSession({ token });
  const { acks, inFlight, send } = useDemoCommands(connection);
  const now = useNow();

  const tour = computed(() => demo.state?.tour ?? null);
  const progress = computed(() => tourProgress(tour.value, demo.serverNow(now.value)));
  const current = computed(() => (tour.value && tour.value.mode !== 'free' ? tour.value.index : null));
  const title = computed(() => (tour.value ? textOf(tour.value.title, locale) : t('presenter.title')));
  const offline = computed(() => live.connection === 'offline' || live.connection === 'connecting');

  watchEffect(() => {
    document.title = t('presenter.title');
  });

  const tourCommand = (command: TourCommand) => send('tour', { event: 'tour:command', payload: command });
  const startScenario = (id: ScenarioId) => send('scenario', { event: 'scenario:start', payload: { id } });
  const reset = () => send('reset', { event: 'demo:reset', payload: {} });

  return { live, demo, acks, inFlight, tour, progress, current, title, offline, tourCommand, startScenario, reset };
};
