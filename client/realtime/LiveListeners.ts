import type { Snapshot } from '../../shared/contract/snapshot';
import type { KpiFrame } from '../../shared/contract/socket';
import type { JinlinEvent } from '../../shared/domain/event';
import type { ConnectionStatus } from './ConnectionStatus';
import { ListenerSet } from './ListenerSet';

const keyOf = (s: ConnectionStatus): string =>
  `${s.state}|${s.scope}|${s.lastSeq}|${s.headSeq}|${s.serverTime}|${s.staleSince}`;

/** The callbacks a live connection offers, one typed set each. */
export class LiveListeners {
  readonly status = new ListenerSet<ConnectionStatus>();
  readonly snapshot = new ListenerSet<Snapshot>();
  readonly events = new ListenerSet<readonly JinlinEvent[]>();
  readonly kpi = new ListenerSet<KpiFrame>();
  readonly error = new ListenerSet<Error>();
  private lastStatusKey = '';

  /**
   * Tells status listeners when anything but the data age changed, so repeated calls cost nothing;
   * `force` (the watchdog's beat) sends it anyway, so the shown data age keeps moving.
   */
  emitStatus(status: ConnectionStatus, force: boolean): void {
    const key = keyOf(status);
    if (!force && key === this.lastStatusKey) return;
    this.lastStatusKey = key;
    this.status.emit(status);
  }
}
