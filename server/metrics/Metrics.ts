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
  readonly headSeq = new Gauge({ name: 'jinlin_head_seq', help: 'Newest committed seq', registers: [this.registry] });

  constructor() {
    collectDefaultMetrics({ register: this.registry, prefix: 'jinlin_' });
  }
}
