import { createServer, request, Agent, type Server } from 'node:http';
import { afterAll, describe, expect, it } from 'vitest';
import { startDraining } from '../../../server/plugins/drain';

const get = (port: number, agent: Agent): Promise<{ status: number; headers: Record<string, unknown>; body: string }> =>
  new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path: '/api/v1/incidents', agent }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });

describe('draining an HTTP server for shutdown', () => {
  let server: Server;
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  afterAll(() => {
    agent.destroy();
    server?.close();
  });

  it('answers requests on a kept-alive connection 503 with Retry-After, shutting_down, and closes it', async () => {
    server = createServer((_req, res) => res.end('ok'));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    expect((await get(port, agent)).status).toBe(200);
    startDraining(server);
    const refused = await get(port, agent);
    expect(refused.status).toBe(503);
    expect(refused.headers['retry-after']).toMatch(/^\d+$/);
    expect(refused.headers.connection).toBe('close');
    expect(JSON.parse(refused.body)).toMatchObject({ statusCode: 503, error: 'shutting_down' });
  });
});
