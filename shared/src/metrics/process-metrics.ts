import type { Queue } from 'bullmq';
import type { Pool } from 'pg';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import * as sql from './store-gauges-sql';
import { within } from './within';

/** A scrape reads Redis and Postgres; past this a store is down and its gauges are left out of that scrape. */
const SCRAPE_READ_TIMEOUT_MS = 1_000;
/** The job states a queue's backlog is read in. */
const QUEUE_STATES = ['waiting', 'active', 'delayed', 'failed'] as const;
/** The label of a request that matched no route: paths are never labels (they carry ids). */
export const UNMATCHED_ROUTE = 'unmatched';

/**
 * One process's metrics on a registry of its own: the API and each worker have one; `npm start`, one process, has
 * one that every part of it records into, so one /metrics shows all. Labels take values from closed sets (route
 * templates, decisions, sources, outcomes, queue names), never ids.
 */
export class ProcessMetrics {
  readonly registry = new Registry();
  private readonly queues = new Map<string, Queue<any>>();
  private pool: Pool | undefined;

  readonly httpRequestDuration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP requests by method, route template and status, and how long they took',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });

  readonly screeningsTotal = new Counter({
    name: 'screenings_total',
    help: 'Screenings recorded, by decision and source (screening: POST /v1/screenings; batch: a batch row; monitoring: a customer a monitoring run alerted on)',
    labelNames: ['decision', 'source'] as const,
    registers: [this.registry],
  });

  readonly screeningMatchDuration = new Histogram({
    name: 'screening_match_duration_seconds',
    help: 'Time to match one screening against the loaded lists (index look-up, scoring, explanations), without Postgres',
    buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1],
    registers: [this.registry],
  });

  readonly batchRowsTotal = new Counter({
    name: 'batch_rows_total',
    help: 'Batch rows screened and recorded by batch chunk jobs (a retried chunk counts its rows once)',
    registers: [this.registry],
  });

  readonly webhookDeliveriesTotal = new Counter({
    name: 'webhook_deliveries_total',
    help: 'Webhook delivery attempts by outcome (succeeded, retrying, dead, skipped)',
    labelNames: ['outcome'] as const,
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry });
    const queueJobs: Gauge<'queue' | 'state'> = new Gauge({
      name: 'queue_jobs',
      help: 'Jobs in each BullMQ queue this process uses, by state, read from Redis at scrape time',
      labelNames: ['queue', 'state'] as const,
      registers: [this.registry],
      collect: async () => {
        queueJobs.reset();
        await Promise.all(
          [...this.queues].map(async ([name, queue]) => {
            const counts = await within(
              queue.getJobCounts(...QUEUE_STATES),
              SCRAPE_READ_TIMEOUT_MS,
              `counting the jobs of ${name}`,
            ).catch(() => undefined);
            if (counts) for (const state of QUEUE_STATES) queueJobs.set({ queue: name, state }, counts[state] ?? 0);
          }),
        );
      },
    });
    const listVersion: Gauge<'source'> = new Gauge({
      name: 'list_version',
      help: 'The active version number of each list, read from Postgres at scrape time',
      labelNames: ['source'] as const,
      registers: [this.registry],
      collect: async () => {
        listVersion.reset();
        const rows = await this.read<{ source_id: string; version: number }>(sql.ACTIVE_LIST_VERSIONS);
        for (const row of rows ?? []) listVersion.set({ source: row.source_id }, row.version);
      },
    });
    const alertsOpen: Gauge = new Gauge({
      name: 'alerts_open',
      help: 'Alerts not closed yet (open, in_review or pending_approval), summed over every workspace, read from Postgres at scrape time',
      registers: [this.registry],
      collect: async () => {
        alertsOpen.reset();
        const rows = await this.read<{ n: number }>(sql.OPEN_ALERTS);
        if (rows?.[0]) alertsOpen.set(rows[0].n);
      },
    });
  }

  /** Reports these queues' backlogs in queue_jobs; a queue already watched (npm start: the API and the worker share one) is counted once. */
  watchQueues(...queues: Queue<any>[]): void {
    for (const queue of queues) if (!this.queues.has(queue.name)) this.queues.set(queue.name, queue);
  }

  /** Reads list_version and alerts_open through this pool (the first one given: they are the same rows for everyone). */
  watchPostgres(pool: Pool): void {
    this.pool ??= pool;
  }

  /** Forgets a closing process part's queues and pool, so a scrape after its stop does not use them. */
  unwatch(parts: { queues?: Queue<any>[]; pool?: Pool }): void {
    for (const queue of parts.queues ?? []) if (this.queues.get(queue.name) === queue) this.queues.delete(queue.name);
    if (parts.pool && this.pool === parts.pool) this.pool = undefined;
  }

  /** Prometheus' text format of everything registered. */
  async text(): Promise<string> {
    return this.registry.metrics();
  }

  get contentType(): string {
    return this.registry.contentType;
  }

  private async read<T>(text: string): Promise<T[] | undefined> {
    if (!this.pool) return undefined;
    return within(this.pool.query(text), SCRAPE_READ_TIMEOUT_MS, 'a metrics query').then(
      (result) => result.rows as T[],
      () => undefined,
    );
  }
}
