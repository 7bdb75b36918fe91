/** Where a tab keeps its token: per tab, gone when the tab closes, never in the address bar. */
export const SESSION_TOKEN_KEY = 'jinlin.token';

/** A compact JWT is three base64url segments; anything else in `?token=` is dropped, not kept. */
const TOKEN_SHAPE = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;
const MAX_TOKEN_CHARS = 4096;

export const isTokenShaped = (token: string): boolean => token.length <= MAX_TOKEN_CHARS && TOKEN_SHAPE.test(token);

/** What claiming needs from the browser, injectable so it runs (and is tested) without one. */
export interface TokenSources {
  /** The page's full address (location.href). */
  href: string;
  storage: Pick<Storage, 'getItem' | 'setItem'> | null;
  /** Rewrites the visible address without reloading (history.replaceState). */
  replaceUrl(url: string): void;
}

/** sessionStorage can be switched off or throw (private modes); then the token lives only in memory. */
const sessionStorageOrNull = (): Storage | null => {
  try {
    return window.sessionStorage;
  } catch {
    return null;
  }
};

const browserSources = (): TokenSources => ({
  href: window.location.href,
  storage: sessionStorageOrNull(),
  replaceUrl: (url) => window.history.replaceState(window.history.state, '', url),
});

const readStored = (storage: TokenSources['storage']): string | null => {
  try {
    const stored = storage?.getItem(SESSION_TOKEN_KEY) ?? null;
    return stored !== null && isTokenShaped(stored) ? stored : null;
  } catch {
    return null;
  }
};

const store = (storage: TokenSources['storage'], token: string): void => {
  try {
    storage?.setItem(SESSION_TOKEN_KEY, token);
  } catch (error) {
    console.warn('the token could not be kept for a reload of this tab', error);
  }
};

let claimed: string | null = null;

/**
 * Takes `?token=` off the address bar at start — so it never shows on screen, in a screenshot, a
 * bookmark or a photo of the tablet — and keeps it for this tab. Returns the tab's token: the one
 * just taken from the address, else the one kept before a reload, else null (anonymous).
 */
export const claimSessionToken = (sources: TokenSources = browserSources()): string | null => {
  const url = new URL(sources.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl !== null) {
    url.searchParams.delete('token');
    sources.replaceUrl(`${url.pathname}${url.search}${url.hash}`);
  }
  if (fromUrl !== null && isTokenShaped(fromUrl)) {
    store(sources.storage, fromUrl);
    claimed = fromUrl;
  } else {
    claimed = readStored(sources.storage);
  }
  return claimed;
};

/** The token claimed at start (null before that, or when anonymous); read at each request. */
export const sessionToken = (): string | null => claimed;
