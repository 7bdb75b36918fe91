import { createServer, connect, type AddressInfo, type Socket } from 'node:net';

/**
 * A fixed address in front of a server that may be replaced (like the reverse proxy in front of
 * a real deployment): a restarted test server gets a new port, the screen keeps its URL.
 */
export const startTcpRelay = async (targetPort: number) => {
  let target = targetPort;
  const sockets = new Set<Socket>();
  const track = (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  };
  const server = createServer((client) => {
    const upstream = connect(target, '127.0.0.1');
    track(client);
    track(upstream);
    client.pipe(upstream).pipe(client);
    // Either side going away ends the pair, as a dead backend does behind a proxy.
    client.on('error', () => upstream.destroy()).on('close', () => upstream.destroy());
    upstream.on('error', () => client.destroy()).on('close', () => client.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    retarget(port: number): void {
      target = port;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
};

export const portOf = (url: string): number => Number(new URL(url).port);
