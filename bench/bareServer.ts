import Fastify from 'fastify';
import { Server } from 'socket.io';
import { ROUTES } from '../shared/contract/http';
import type { SubscribeAck } from '../shared/contract/socket';

/**
 * The baseline: the same Fastify 5 and Socket.IO 4.8 with the same options and room names as the
 * real server, but nothing in between — no schema validation, no decision, no store, no live state,
 * no masking. What the bench measures against it is what Jinlin's own work costs.
 * Run as a child process: `node --import tsx bench/bareServer.ts` (PORT, HOST from the env).
 */

/** Region codes are prefixes of one another: county 6, street 9, community 12, compound 15, grid 17 digits. */
const CODE_LENGTHS = [6, 9, 12, 15, 17];
const pathOf = (gridCode: unknown): string[] =>
  typeof gridCode === 'string' ? CODE_LENGTHS.filter((n) => n <= gridCode.length).map((n) => gridCode.slice(0, n)) : [];
const roomOf = (code: string) => `scope:${code}:public`;
/** One log that is never reset: a constant epoch is all the protocol asks for. */
const BARE_EPOCH = 'bare';

const main = async () => {
  const app = Fastify({ logger: { level: process.env.LOG_LEVEL ?? 'warn' }, bodyLimit: 64 * 1024, return503OnClosing: true });
  const io = new Server(app.server, { serveClient: false, transports: ['websocket', 'polling'] });
  let seq = 0;
  const lastSeq = new Map<string, number>();

  io.on('connection', (socket) => {
    socket.on('view:subscribe', (request: { scope?: unknown }, ack: (result: SubscribeAck) => void) => {
      if (typeof ack !== 'function' || typeof request?.scope !== 'string') return;
      const scope = request.scope;
      void Promise.resolve(socket.join(roomOf(scope))).then(() => ack({ ok: true, scope, headSeq: seq, replayed: 0, epoch: BARE_EPOCH }));
    });
  });

  // An event of the same shape (and about the same size) as the real one, emitted the same way:
  // once per room on the path that has members, chained by prevSeq.
  app.post(ROUTES.incidents, async (request, reply) => {
    const body = request.body as Record<string, unknown>;
    const now = Date.now();
    const regionPath = pathOf(body.gridCode);
    const incident = {
      ...body,
      status: 'reported',
      level: 'grid',
      location: { lng: body.lng, lat: body.lat },
      regionPath,
      reportedAt: now,
      timeline: [{ action: 'report', at: now, status: 'reported', level: 'grid' }],
      updatedAt: now,
    };
    const event = { id: `EV-${now}-${seq}`, type: 'incident:reported', at: now, regionPath, payload: { incident }, seq: ++seq };
    const rooms = io.sockets.adapter.rooms;
    for (const code of regionPath) {
      const prevSeq = lastSeq.get(code) ?? 0;
      lastSeq.set(code, event.seq);
      const room = roomOf(code);
      // One frame per event and room: what a server without commit batching sends.
      if (rooms.get(room)?.size) io.to(room).emit('events', { events: [event], prevSeq });
    }
    return reply.code(201).send(incident);
  });

  const address = await app.listen({ host: process.env.HOST ?? '127.0.0.1', port: Number(process.env.PORT ?? 0) });
  console.log(`Bare listening on http://127.0.0.1:${new URL(address).port}`);
  // Nothing to flush: no store, no profile worth keeping.
  process.on('SIGINT', () => process.exit(0));
  process.on('SIGTERM', () => process.exit(0));
};

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
