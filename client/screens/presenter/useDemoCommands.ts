import { reactive } from 'vue';
import type { DemoAck } from '../../../shared/contract/demo';
import type { DemoRequest } from '../../demo/demoRequest';
import { ackViewOf, SENDING, type AckView } from './ackViewOf';

/** The remote's control groups: each shows the outcome of its last command. */
export type ControlGroup = 'tour' | 'scenario' | 'reset';

export interface DemoSender {
  requestDemo(request: DemoRequest): Promise<DemoAck>;
}

/**
 * Sends the presenter's commands and keeps, per control group, whether one is in flight (its
 * buttons are disabled meanwhile, so a double tap is not two "next"s) and how the last one ended.
 * The remote's picture follows the `demo` broadcast like every wall's, not the state in the ack.
 */
export const useDemoCommands = (sender: DemoSender) => {
  const acks = reactive<Partial<Record<ControlGroup, AckView>>>({});
  const inFlight = reactive<Partial<Record<ControlGroup, boolean>>>({});

  const send = async (group: ControlGroup, request: DemoRequest): Promise<DemoAck | null> => {
    if (inFlight[group]) return null;
    inFlight[group] = true;
    acks[group] = SENDING;
    try {
      const ack = await sender.requestDemo(request);
      acks[group] = ackViewOf(ack);
      return ack;
    } catch (error) {
      acks[group] = ackViewOf(error);
      return null;
    } finally {
      inFlight[group] = false;
    }
  };

  return { acks, inFlight, send };
};
