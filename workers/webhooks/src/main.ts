import { UnrecoverableError, type Job } from 'bullmq';
import type { AppConfig } from '@sanctions/shared/config';
import { openWorkerProcess, runWorkerProcess } from '@sanctions/shared/lifecycle/worker-process';
import { createLogger, type Logger } from '@sanctions/shared/logging';
import type { ProcessMetrics } from '@sanctions/shared/metrics';
import { channels, QUEUE_NAMES } from '@sanctions/shared/queues';
import {
  AllowList,
  deliveryJobSchema,
  dispatchEvents,
  performDelivery,
  pruneWebhookHistory,
  requeueOverdueDeliveries,
  type DeliveryJob,
} from '@sanctions/shared/webhooks';

export interface RunningWebhooksWorker {
  /** Fans out the outbox now, instead of waiting for a wake-up or the next poll. */
  dispatchNow(): Promise<void>;
  reconcileNow(): Promise<void>;
  /** GET /metrics without a key, when METRICS_PORT is set and this worker owns its registry. */
  metricsUrl?: string;
  stop(): Promise<void>;
}

export interface WebhooksWorkerOptions {
  /** A registry shared with other parts of the same process (npm start), which then serves METRICS_PORT itself. */
  metrics?: ProcessMetrics;
}

/**
 * How long a wake-up waits for more: at a thousand screenings a second, one dispatch pass (one Postgres query) per
 * 50 ms instead of one per screening; a hit's webhook leaves at most this much later.
 */
const WAKE_GATHER_MS = 50;

/** Runs `task` when poked, never twice at once; a poke during a run makes it run once more. */
function coalescing(task: () => Promise<void>, onError: (error: unknown) => void) {
  let running: Promise<void> | undefined;
  let again = false;
  const poke = (): Promise<void> => {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      do {
        again = false;
        await task().catch(onError);
      } while (again);
    })().finally(() => (running = undefined));
    return running;
  };
  return { poke, idle: () => running ?? Promise.resolve() };
}

/**
 * Starts the webhooks worker: a dispatcher turning outbox events into deliveries (woken by
 * pub/sub, polling Postgres as the fallback), the delivery worker on `webhook-deliveries`, and a
 * reconciler that re-queues deliveries whose job Redis lost. Any number may run side by side.
 */
export async function start(
  config: AppConfig,
  logger: Logger = createLogger(config.logLevel, { process: 'webhooks-worker' }),
  options: WebhooksWorkerOptions = {},
): Promise<RunningWebhooksWorker> {
  const settings = config.webhooks;
  const allow = new AllowList(settings.allowedHosts);
  const proc = await openWorkerProcess(config, logger, options);
  const { pool, metrics } = proc;
  const subscriber = proc.redis('webhooks worker subscriber');
  const queue = proc.queue<DeliveryJob>(QUEUE_NAMES.webhookDeliveries);

  const dispatcher = coalescing(
    async () => {
      const { events, deliveries } = await dispatchEvents({ pool, queue }, { maxRetryMs: settings.maxRetryMs });
      if (events > 0) logger.debug('dispatched webhook events', { events, deliveries });
    },
    (error) => logger.warn('webhook dispatch failed; will retry', { error }),
  );
  const reconciler = coalescing(
    async () => {
      const count = await requeueOverdueDeliveries({ pool, queue }, config.worker.reconcileGraceMs);
      if (count > 0) logger.info('re-queued overdue webhook deliveries', { count });
      const pruned = await pruneWebhookHistory(pool, config.webhooks.retentionMs);
      if (pruned > 0) logger.info('pruned webhook history past its retention', { events: pruned });
    },
    (error) => logger.warn('webhook reconciler pass failed; will retry', { error }),
  );

  // List versions announce themselves after commit; screening workers announce groups that made outbox events, and
  // the API test events. A burst of announcements is gathered into one dispatch pass per WAKE_GATHER_MS.
  const { listVersionChanged, webhookEvents } = channels(config.queuePrefix);
  let wakeTimer: NodeJS.Timeout | undefined;
  subscriber.on('message', () => {
    wakeTimer ??= setTimeout(() => {
      wakeTimer = undefined;
      void dispatcher.poke();
    }, WAKE_GATHER_MS);
  });
  await subscriber.subscribe(listVersionChanged, webhookEvents);
  const dispatchTimer = setInterval(() => void dispatcher.poke(), settings.dispatchIntervalMs);
  dispatchTimer.unref();
  const reconcileTimer = setInterval(() => void reconciler.poke(), config.worker.reconcileIntervalMs);
  reconcileTimer.unref();

  const deps = { pool, queue, logger, settings, allow };
  const worker = proc.worker<DeliveryJob>(
    QUEUE_NAMES.webhookDeliveries,
    async (job: Job<DeliveryJob>) => {
      const parsed = deliveryJobSchema.safeParse(job.data);
      if (!parsed.success) throw new UnrecoverableError(`Invalid webhook delivery payload: ${parsed.error.message}`);
      const outcome = await performDelivery(deps, parsed.data);
      metrics.webhookDeliveriesTotal.inc({ outcome });
      return { outcome };
    },
    { concurrency: settings.concurrency },
  );
  worker.on('failed', (job, error) =>
    logger.warn('webhook delivery job failed', { jobId: job?.id, attempt: job?.attemptsMade, error: error.message }),
  );
  void dispatcher.poke();
  logger.info('webhooks worker started', { concurrency: settings.concurrency, allowedHosts: settings.allowedHosts });

  return {
    dispatchNow: dispatcher.poke,
    reconcileNow: reconciler.poke,
    metricsUrl: proc.metricsUrl,
    async stop() {
      clearInterval(dispatchTimer);
      clearTimeout(wakeTimer);
      clearInterval(reconcileTimer);
      await proc.close([() => dispatcher.idle(), () => reconciler.idle()]);
    },
  };
}

if (require.main === module) runWorkerProcess('webhooks-worker', start);
