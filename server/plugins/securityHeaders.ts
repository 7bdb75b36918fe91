import helmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';
import type { Metrics } from '../metrics/Metrics';

/** Where browsers post CSP violation reports; outside /api/, so it needs no token. */
export const CSP_REPORT_PATH = '/csp-reports';
const REPORT_TYPES = ['application/csp-report', 'application/reports+json'];
const MAX_REPORT_BYTES = 16 * 1024;

/**
 * Helmet's headers with a Content-Security-Policy of our own origin only: the browser itself then
 * refuses any request to somewhere else (our "nothing leaves the building" promise) and reports it.
 * MapLibre runs its workers from blob: URLs and draws into data:/blob: images; the charts and
 * the map set inline styles. `'self'` covers the Socket.IO WebSocket to this origin.
 */
export const installSecurityHeaders = async (app: FastifyInstance, metrics: Metrics): Promise<void> => {
  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        workerSrc: ["'self'", 'blob:'],
        childSrc: ["'self'", 'blob:'],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'self'"],
        reportUri: [CSP_REPORT_PATH],
      },
    },
    // Plain http on a command centre's LAN is normal: neither upgrade requests nor pin HTTPS.
    strictTransportSecurity: false,
  });

  await app.register(async (reports) => {
    for (const type of REPORT_TYPES) {
      reports.addContentTypeParser(type, { parseAs: 'string', bodyLimit: MAX_REPORT_BYTES }, (_request, body, done) => {
        try {
          done(null, JSON.parse(body as string));
        } catch {
          done(null, {});
        }
      });
    }
    reports.post(CSP_REPORT_PATH, async (request, reply) => {
      const report = (request.body as { 'csp-report'?: Record<string, unknown> } | null)?.['csp-report'] ?? {};
      const directive = String(report['effective-directive'] ?? report['violated-directive'] ?? 'unknown').split(' ')[0] ?? 'unknown';
      metrics.cspViolations.inc({ directive });
      // Only where it went and what blocked it: a report's URLs may carry a page's query string.
      const blocked = String(report['blocked-uri'] ?? '');
      request.log.warn({ directive, blocked: blocked.split('?')[0] }, 'content security policy violation');
      return reply.code(204).send();
    });
  });
};
