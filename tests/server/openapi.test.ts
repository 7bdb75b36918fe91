import SwaggerParser from '@apidevtools/swagger-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROUTES } from '../../shared/contract/http';
import { startTestServer, type TestServer } from './helpers/testServer';

type Operation = { requestBody?: { content?: Record<string, { schema?: object }> }; parameters?: { in: string; name: string }[] };
type Document = { openapi: string; paths: Record<string, Record<string, Operation>> };

/** `/api/v1/incidents/:id` → `/api/v1/incidents/{id}`, as OpenAPI writes a path parameter. */
const openApiPath = (route: string) => route.replace(/:([A-Za-z]+)/g, '{$1}');
const ADMIN = ['/api/v1/admin/tokens', '/api/v1/admin/tokens/revoke', '/api/v1/admin/heartbeat'];

describe('GET /api/v1/openapi.json', () => {
  let server: TestServer;
  let doc: Document;
  beforeAll(async () => {
    server = await startTestServer({ listen: false });
    // No token: a vendor reads it before having one.
    const response = await server.app.inject({ method: 'GET', url: '/api/v1/openapi.json' });
    expect(response.statusCode).toBe(200);
    doc = response.json();
  });
  afterAll(() => server?.close());

  it('is a valid OpenAPI 3 document to an independent parser', async () => {
    expect(doc.openapi).toMatch(/^3\./);
    await expect(SwaggerParser.validate(structuredClone(doc) as never)).resolves.toBeTruthy();
  });

  it('lists every /api/v1 route of the contract and the admin routes, and only routes that exist', () => {
    const apiRoutes = Object.values(ROUTES).filter((r) => r.startsWith('/api/v1/'));
    for (const route of [...apiRoutes, ...ADMIN]) expect(Object.keys(doc.paths)).toContain(openApiPath(route));
    for (const [path, operations] of Object.entries(doc.paths)) {
      for (const method of Object.keys(operations)) {
        expect(server.app.hasRoute({ method: method.toUpperCase() as 'GET', url: path.replace(/\{([^}]+)\}/g, ':$1') }), `${method} ${path}`).toBe(true);
      }
    }
  });

  it('describes the body of every write with its schema, and the path parameters', () => {
    const writes = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.entries(ops).filter(([method]) => method === 'post' || method === 'put').map(([method, op]) => ({ path, method, op })),
    );
    // 8 field writes, alarm ack, 3 demo commands, 3 admin commands.
    expect(writes.length).toBeGreaterThanOrEqual(15);
    for (const { path, method, op } of writes) {
      const schema = op.requestBody?.content?.['application/json']?.schema;
      expect(schema, `${method} ${path} has a body schema`).toBeTruthy();
      for (const name of [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1])) {
        expect(op.parameters?.some((p) => p.in === 'path' && p.name === name), `${method} ${path} describes {${name}}`).toBe(true);
      }
    }
    const report = doc.paths['/api/v1/incidents']!.post!.requestBody!.content!['application/json']!.schema as { properties?: Record<string, unknown> };
    expect(Object.keys(report.properties ?? {})).toEqual(expect.arrayContaining(['category', 'lng', 'lat', 'description']));
  });
});
