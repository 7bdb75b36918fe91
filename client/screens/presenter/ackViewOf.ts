import type { DemoAck } from '../../../shared/contract/demo';
import { DemoCommandError } from '../../demo/demoRequest';

/** How a command's outcome reads on the remote: done, refused by the server, or never answered. */
export type AckTone = 'sending' | 'done' | 'refused' | 'failed';

export interface AckView {
  tone: AckTone;
  /** A presenter.* message key, and its parameters. */
  key: 'presenter.sending' | 'presenter.done' | 'presenter.refused' | 'presenter.offline' | 'presenter.timeout';
  params: Record<string, string>;
}

export const SENDING: AckView = { tone: 'sending', key: 'presenter.sending', params: {} };

/**
 * The line shown under a control once its command is answered. The server's message names what
 * was wrong ("a scenario is already running"); a lost answer says so rather than pretend.
 */
export const ackViewOf = (outcome: DemoAck | unknown): AckView => {
  if (isAck(outcome)) {
    return outcome.ok
      ? { tone: 'done', key: 'presenter.done', params: {} }
      : { tone: 'refused', key: 'presenter.refused', params: { message: outcome.message || outcome.error } };
  }
  if (outcome instanceof DemoCommandError) return { tone: 'failed', key: outcome.code === 'offline' ? 'presenter.offline' : 'presenter.timeout', params: {} };
  const message = outcome instanceof Error ? outcome.message : String(outcome);
  return { tone: 'failed', key: 'presenter.refused', params: { message } };
};

const isAck = (value: unknown): value is DemoAck => typeof value === 'object' && value !== null && 'ok' in value && typeof value.ok === 'boolean';
