import { ROUTES } from '../shared/contract/http';
import { round } from './stats';

/** What the server says about itself at the end of a case (cumulative since its start, warm-up included). */
export interface ServerMetrics {
  /** jinlin_fanout_latency_seconds: commit → last socket emit of a batch. */
  fanout: { batches: number; eventsPerBatch: number; meanMs: number; p50UpToMs: number | null; p99UpToMs: number | null };
  eventLoopLagP99Ms: number | null;
  gcSeconds: number;
  heapUsedMb: number | null;
}

const sample = (text: string, name: string): number | null => {
  const match = new RegExp(`^${name}(?:\\{[^}]*\\})? ([0-9.eE+-]+)$`, 'm').exec(text);
  return match?.[1] === undefined ? null : Number(match[1]);
};

/** The upper bound of the first histogram bucket holding quantile q (Prometheus buckets are cumulative). */
const bucketQuantile = (text: string, name: string, q: number): number | null => {
  const buckets = [...text.matchAll(new RegExp(`^${name}_bucket\\{le="([^"]+)"\\} ([0-9.eE+-]+)$`, 'gm'))].map((m) => ({
    le: Number(m[1]),
    count: Number(m[2]),
  }));
  const total = buckets.at(-1)?.count ?? 0;
  if (total === 0) return null;
  const bucket = buckets.find((b) => b.count >= q * total);
  return bucket && Number.isFinite(bucket.le) ? round(bucket.le * 1000) : null;
};

export const scrapeServerMetrics = async (baseUrl: string): Promise<ServerMetrics> => {
  const text = await (await fetch(`${baseUrl}${ROUTES.metrics}`)).text();
  const name = 'jinlin_fanout_latency_seconds';
  const batches = sample(text, `${name}_count`) ?? 0;
  const sumS = sample(text, `${name}_sum`) ?? 0;
  const sumOf = (pattern: RegExp) => [...text.matchAll(pattern)].reduce((sum, m) => sum + Number(m[1]), 0);
  const gcSeconds = sumOf(/^jinlin_nodejs_gc_duration_seconds_sum\{[^}]*\} ([0-9.eE+-]+)$/gm);
  // Group commit: the events of one batch go out together, so its size is what per-batch costs are spread over.
  const events = sumOf(/^jinlin_events_ingested_total\{[^}]*\} ([0-9.eE+-]+)$/gm);
  const lag = sample(text, 'jinlin_nodejs_eventloop_lag_p99_seconds');
  const heap = sample(text, 'jinlin_nodejs_heap_size_used_bytes');
  return {
    fanout: {
      batches,
      eventsPerBatch: batches === 0 ? 0 : round(events / batches, 2),
      meanMs: batches === 0 ? 0 : round((sumS / batches) * 1000),
      p50UpToMs: bucketQuantile(text, name, 0.5),
      p99UpToMs: bucketQuantile(text, name, 0.99),
    },
    eventLoopLagP99Ms: lag === null ? null : round(lag * 1000),
    gcSeconds: round(gcSeconds),
    heapUsedMb: heap === null ? null : round(heap / 2 ** 20, 1),
  };
};
