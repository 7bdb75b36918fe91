import type { ConnectionState } from '../../realtime/ConnectionStatus';
import { chineseT, type Translate } from '../../i18n/Translate';

export interface LinkStatus {
  /** The live connection's state, or no_network when the browser itself is offline. */
  state: ConnectionState | 'no_network';
  label: string;
  /** Nothing can reach the server now: lists may be behind, actions wait to be sent. */
  offline: boolean;
}

/**
 * One honest status for the header. The browser knows at once when there is no network; the live
 * connection knows when the server is unreachable or silent (which the browser cannot tell).
 */
export const linkStatusOf = (state: ConnectionState, online: boolean, t: Translate = chineseT): LinkStatus => {
  if (!online) return { state: 'no_network', label: t('tablet.connection.no_network'), offline: true };
  return { state, label: t(`tablet.connection.${state}`), offline: state === 'offline' };
};
