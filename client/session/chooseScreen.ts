export type Screen = 'tablet' | 'wall';

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

/**
 * Which screen to mount: `?screen=tablet|wall` when the link says so (ready URLs of street leaders
 * carry `&screen=tablet`), otherwise the tablet for a street leader's token and the wall for the rest.
 */
export const chooseScreen = (search: string, token: string | null): Screen => {
  const asked = new URLSearchParams(search).get('screen');
  if (asked === 'tablet' || asked === 'wall') return asked;
  return token !== null && unverifiedRoleOf(token) === 'street' ? 'tablet' : 'wall';
};
