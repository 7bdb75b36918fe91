import { createPinia } from 'pinia';
import { createApp } from 'vue';
import App from './App.vue';
import { createWallI18n } from './i18n/createWallI18n';
import { wallConfigOf } from './layout/wallConfigOf';
import { chooseScreen } from './session/chooseScreen';
import { claimSessionToken } from './session/claimSessionToken';
import TabletApp from './tablet/TabletApp.vue';

// The URL is the wall's configuration: kiosk shortcuts carry ?title=&layout=&lang=&scope=.
// The token is read from it once, then taken off the address bar and kept for this tab.
const search = window.location.search;
const token = claimSessionToken();
const config = wallConfigOf(search, import.meta.env.VITE_WALL_TITLE);
document.documentElement.lang = config.locale;

const app = chooseScreen(search, token) === 'tablet' ? createApp(TabletApp, { token }) : createApp(App, { config, token });
app.use(createPinia()).use(createWallI18n(config.locale)).mount('#app');
