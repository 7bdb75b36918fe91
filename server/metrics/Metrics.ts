import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** Prometheus metrics of one app instance (own registry, so tests can run several apps). */
export class Metrics {
  readonly registry = new Registry();
  readonly eventsIngested = new Counter({
    name: 'jinlin_events_ingested_total',
    help: 'Events committed to the log, by type',
    labelNames: ['type'] as const,
    registers: [this.registry],
  });
  readonly commandsRefused = new Counter({
    name: 'jinlin_commands_refused_total',
    help: 'Commands answered with a 4xx/5xx, by status code',
    labelNames: ['status'] as const,
    registers: [this.registry],
  });
  readonly connectedSockets = new Gauge({
    name: 'jinlin_connected_sockets',
    help: 'Socket.IO connections currently open',
    registers: [this.registry],
  });
  readonly fanoutSeconds = new Histogram({
    name: 'jinlin_fanout_latency_seconds',
    help: 'From commit to the last socket emit of a batch',
    buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1],
    registers: [this.registry],
  });
  readonly replayedEvents = new Counter({
    name: 'jinlin_replayed_events_total',
    help: 'Events replayed to resuming sockets from the store',
    registers: [this.registry],
  });
  readonly cspViolations = new Counter({
    name: 'jinlin_csp_violations_total',
    help: 'Content-Security-Policy violations reported by browsers, by directive',
    labelNames: ['directive'] as const,
    registers: [this.registry],
  });
  readonly headSeq: Gauge;

  /** `headSeq` reads the live head at every scrape, so a restarted server reports the stored head at once. */
  constructor(source: { headSeq?: () => number } = {}) {
    const readHead = source.headSeq;
    this.headSeq = new Gauge({
      name: 'jinlin_head_seq',
      help: 'Newest committed seq',
      registers: [this.registry],
      ...(readHead ? { collect: function (this: Gauge) { this.set(readHead()); } } : {}),
    });
    collectDefaultMetrics({ register: this.registry, prefix: 'jinlin_' });
    // prom-client names these gauges `…_total`, which Prometheus reserves for counters (promtool
    // refuses them); the per-type gauges beside them (`jinlin_nodejs_active_handles{type}`) stay.
    for (const name of ['handles', 'requests', 'resources']) this.registry.removeSingleMetric(`jinlin_nodejs_active_${name}_total`);
  }
}
