import { createPinia } from 'pinia';
import { createApp } from 'vue';
import WallScreen from './screens/wall/WallScreen.vue';
import { tourEnabledOf } from './demo/tourEnabledOf';
import { useDemoStore } from './stores/useDemoStore';
import { createWallI18n } from './i18n/createWallI18n';
import { wallConfigOf } from './layout/wallConfigOf';
import PresenterScreen from './screens/presenter/PresenterScreen.vue';
import { chooseScreen } from './screens/chooseScreen';
import { claimSessionToken } from './api/claimSessionToken';
import TabletScreen from './screens/tablet/TabletScreen.vue';

// The URL is the wall's configuration: kiosk shortcuts carry ?title=&layout=&lang=&scope=.
// The token is read from it once, then taken off the address bar and kept for this tab.
const search = window.location.search;
const token = claimSessionToken();
const config = wallConfigOf(search, import.meta.env.VITE_WALL_TITLE);
document.documentElement.lang = config.locale;

const screen = chooseScreen(search, token);
const app =
  screen === 'tablet'
    ? createApp(TabletScreen, { token })
    : screen === 'presenter'
      ? createApp(PresenterScreen, { token, locale: config.locale })
      : createApp(WallScreen, { config, token });
const pinia = createPinia();
app.use(pinia).use(createWallI18n(config.locale));
// `?tour=off`: a wall that keeps showing live figures while the others follow the tour.
useDemoStore(pinia).setFollowsTour(tourEnabledOf(search));
app.mount('#app');
