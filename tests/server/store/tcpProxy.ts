import net from 'node:net';

export interface TcpProxy {
  port: number;
  /** refuse: connections are cut and new ones refused; blackhole: accepted and never answered; pass: forwarded. */
  mode(mode: 'pass' | 'refuse' | 'blackhole'): void;
  close(): Promise<void>;
}

/** A switchable TCP hop in front of PostgreSQL: the database "goes away" for one client only. */
export const startTcpProxy = async (targetPort: number, targetHost = '127.0.0.1'): Promise<TcpProxy> => {
  let current: 'pass' | 'refuse' | 'blackhole' = 'pass';
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    sockets.add(client);
    client.on('close', () => sockets.delete(client));
    client.on('error', () => client.destroy());
    if (current === 'refuse') return void client.destroy();
    if (current === 'blackhole') return;
    const upstream = net.connect(targetPort, targetHost);
    sockets.add(upstream);
    upstream.on('close', () => {
      sockets.delete(upstream);
      client.destroy();
    });
    upstream.on('error', () => upstream.destroy());
    client.on('close', () => upstream.destroy());
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as net.AddressInfo).port,
    mode: (mode) => {
      current = mode;
      if (mode !== 'pass') for (const socket of sockets) socket.destroy();
    },
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
};
