import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CSP_REPORT_PATH } from '../../../server/plugins/securityHeaders';
import { startTestServer, type TestServer } from '../helpers/testServer';

describe('security headers', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ listen: false });
  });
  afterAll(() => server?.close());

  const directives = (header: unknown) =>
    new Map(
      String(header)
        .split(';')
        .map((d) => d.trim().split(/\s+/))
        .map(([name = '', ...values]) => [name, values]),
    );

  it("sends a Content-Security-Policy of our own origin only, with a report endpoint", async () => {
    const response = await server.app.inject({ url: '/api/v1/health' });
    const csp = directives(response.headers['content-security-policy']);
    expect(csp.get('default-src')).toEqual(["'self'"]);
    expect(csp.get('script-src')).toEqual(["'self'"]);
    expect(csp.get('connect-src')).toEqual(["'self'"]);
    expect(csp.get('report-uri')).toEqual([CSP_REPORT_PATH]);
    // Nothing names another origin anywhere in the policy.
    for (const values of csp.values()) for (const value of values) expect(value).toMatch(/^('self'|'none'|'unsafe-inline'|data:|blob:|\/[a-z-]+)$/);
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['strict-transport-security']).toBeUndefined();
  });

  it('counts a browser report by directive without needing a token', async () => {
    const before = await server.app.inject({ url: '/metrics' });
    expect(before.body).not.toMatch(/jinlin_csp_violations_total\{directive="connect-src"\}/);
    const posted = await server.app.inject({
      method: 'POST',
      url: CSP_REPORT_PATH,
      headers: { 'content-type': 'application/csp-report' },
      payload: JSON.stringify({ 'csp-report': { 'document-uri': 'http://127.0.0.1/', 'effective-directive': 'connect-src', 'blocked-uri': 'https://example.com/x?q=1' } }),
    });
    expect(posted.statusCode).toBe(204);
    expect((await server.app.inject({ url: '/metrics' })).body).toMatch(/jinlin_csp_violations_total\{directive="connect-src"\} 1/);
  });
});
