import { framesOf, type EventBatch, type EventFrame } from '../../../../shared/contract/socket';
import { createSocket, type LiveSocket, type SocketFactory } from '../../../../client/realtime/createSocket';

/**
 * The real socket factory, except that frames matching `shouldDrop` never reach the connection's
 * `events` listener: a frame lost in transit, as far as the client can tell.
 */
export const dropFrames = (shouldDrop: (frame: EventFrame) => boolean) => {
  const dropped: EventFrame[] = [];
  const factory: SocketFactory = (url, options) => {
    const socket = createSocket(url, options);
    const on = socket.on.bind(socket) as (name: string, listener: (...args: unknown[]) => void) => LiveSocket;
    const filtered = (name: string, listener: (...args: unknown[]) => void): LiveSocket => {
      if (name !== 'events') return on(name, listener);
      // Each event of a batch travels on as a batch of its own, with its true prevSeq, unless dropped.
      return on(name, (batch) => {
        for (const frame of framesOf(batch as EventBatch)) {
          if (shouldDrop(frame)) dropped.push(frame);
          else listener({ events: [frame.event], prevSeq: frame.prevSeq } satisfies EventBatch);
        }
      });
    };
    socket.on = filtered as LiveSocket['on'];
    return socket;
  };
  return { factory, dropped };
};
