export type Screen = 'tablet' | 'wall' | 'presenter';

const SCREENS: readonly string[] = ['tablet', 'wall', 'presenter'] satisfies Screen[];
const isScreen = (value: string | null): value is Screen => value !== null && SCREENS.includes(value);

/**
 * The role a token claims, read without verifying it: only to pick a layout before any request.
 * The server verifies the token on every request and socket, so a forged role gains nothing.
 */
export const unverifiedRoleOf = (token: string): string | null => {
  const payload = token.split('.')[1];
  if (!payload) return null;
  try {
    const base64 = payload.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(payload.length / 4) * 4, '=');
    const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
    const claims: unknown = JSON.parse(new TextDecoder().decode(bytes));
    const role = typeof claims === 'object' && claims !== null ? (claims as Record<string, unknown>).role : undefined;
    return typeof role === 'string' ? role : null;
  } catch {
    return null;
  }
};

/** The screen a role opens when the link does not name one. */
const SCREEN_OF_ROLE: ReadonlyMap<string, Screen> = new Map<string, Screen>([
  ['street', 'tablet'],
  ['presenter', 'presenter'],
]);

/**
 * Which screen to mount: `?screen=tablet|wall|presenter` when the link says so (ready URLs of
 * street leaders carry `&screen=tablet`), otherwise the tablet for a street leader's token, the
 * presenter's remote for a presenter's, and the wall for the rest.
 */
export const chooseScreen = (search: string, token: string | null): Screen => {
  const asked = new URLSearchParams(search).get('screen');
  if (isScreen(asked)) return asked;
  const role = token === null ? null : unverifiedRoleOf(token);
  return (role !== null ? SCREEN_OF_ROLE.get(role) : undefined) ?? 'wall';
};
