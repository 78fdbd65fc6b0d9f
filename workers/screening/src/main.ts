import { UnrecoverableError, type Job, type JobsOptions } from 'bullmq';
import { batchChunkJobSchema, markBatchFailed, performBatchChunk, type BatchChunkJob } from '@sanctions/shared/batches';
import type { AppConfig } from '@sanctions/shared/config';
import { openWorkerProcess, runWorkerProcess } from '@sanctions/shared/lifecycle/worker-process';
import { createLogger, type Logger } from '@sanctions/shared/logging';
import { DEFAULT_MATCH_THRESHOLD, DEFAULT_NEAR_MISS_FLOOR } from '@sanctions/shared/matching';
import type { ProcessMetrics } from '@sanctions/shared/metrics';
import { BATCH_CHUNK_JOB_OPTIONS, channels, QUEUE_NAMES, SCREENING_JOB_OPTIONS } from '@sanctions/shared/queues';
import {
  announceLocally,
  announcementOf,
  MatchIndexCache,
  markScreeningFailed,
  ScreeningWriter,
  SCREENING_GROUP_JOB_NAME,
  type ScreeningJob,
  type ScreeningQueueData,
} from '@sanctions/shared/screening';
import type { MonitoringRunHooks, MonitoringRunJob } from '@sanctions/shared/monitoring';
import { startMonitoringWorker } from './monitoring-worker';
import { startReconciler } from './reconciler';
import { screeningJobProcessor, screeningsNamedBy } from './screening-jobs';

/** Whether BullMQ will not try this job again: it was unrecoverable, or its attempts are spent. */
function isLastAttempt(job: Job, error: Error, defaults: JobsOptions): boolean {
  return error instanceof UnrecoverableError || job.attemptsMade >= (job.opts.attempts ?? defaults.attempts ?? 1);
}

export interface WorkerHooks {
  /** Called after a result is committed and before the job is acknowledged: lets tests crash there. */
  afterRecorded?: (screeningId: string) => void | Promise<void>;
  monitoring?: MonitoringRunHooks;
}

export interface WorkerOptions {
  /** A registry shared with other parts of the same process (npm start), which then serves METRICS_PORT itself. */
  metrics?: ProcessMetrics;
}

export interface RunningWorker {
  indexCache: MatchIndexCache;
  /** GET /metrics without a key, when METRICS_PORT is set and this worker owns its registry. */
  metricsUrl?: string;
  monitoring: ReturnType<typeof startMonitoringWorker>;
  reconcileNow(): Promise<void>;
  stop(): Promise<void>;
}

/** Starts a screening worker: stateless apart from its match index, which it can always rebuild from Postgres. */
export async function start(
  config: AppConfig,
  logger: Logger = createLogger(config.logLevel, { process: 'worker' }),
  hooks: WorkerHooks = {},
  options: WorkerOptions = {},
): Promise<RunningWorker> {
  const proc = await openWorkerProcess(config, logger, options);
  const { pool, metrics } = proc;
  const publisher = proc.redis('worker publisher');
  const subscriber = proc.redis('worker subscriber');
  const queue = proc.queue<ScreeningQueueData>(QUEUE_NAMES.screenings);
  const batchQueue = proc.queue<BatchChunkJob>(QUEUE_NAMES.batchChunks);
  const monitoringQueue = proc.queue<MonitoringRunJob>(QUEUE_NAMES.monitoringRuns);
  const { listVersionChanged, screeningDone, webhookEvents } = channels(config.queuePrefix);

  const indexCache = new MatchIndexCache(pool, logger);
  const refresh = () =>
    void indexCache.refreshIfStale().catch((error: unknown) => logger.warn('index refresh failed', { error }));
  subscriber.on('message', refresh);
  await subscriber.subscribe(listVersionChanged);
  // Pub/sub is fire-and-forget: a periodic look at Postgres catches a message missed while disconnected.
  const refreshTimer = setInterval(refresh, config.worker.indexRefreshIntervalMs);
  refreshTimer.unref();
  await indexCache
    .current()
    .catch((error: unknown) => logger.warn('no index yet', { error: (error as Error).message }));

  // A job claimed by a worker that died goes back to the queue once its lock lapses; its results are written exactly once all the same.
  const stallOptions = { lockDuration: config.worker.lockDurationMs, stalledInterval: config.worker.stalledIntervalMs };
  const matchOptions = {
    threshold: config.matching.threshold ?? DEFAULT_MATCH_THRESHOLD,
    limit: config.matching.limit,
    nearMissFloor: config.matching.nearMissFloor ?? DEFAULT_NEAR_MISS_FLOOR,
  };
  // The lines about one screening or chunk carry the id of the request that asked for it (X-Request-Id).
  const jobLogger = (data: { screeningId?: string; batchId?: string; requestId?: string }) =>
    logger.child({
      ...(data.screeningId && { screeningId: data.screeningId }),
      ...(data.batchId && { batchId: data.batchId }),
      ...(data.requestId && { reqId: data.requestId }),
    });
  // The jobs running at once are recorded together (group commit), and announced together once committed, with
  // their answers (a waiting API request sends its answer without reading it back). The webhook dispatcher is woken
  // only when the group made outbox events; both in one round trip.
  /** Settled screenings, announced to this process's waiters at once and to every other process through Redis. */
  const announceSettled = (announcement: string) => {
    announceLocally(screeningDone, announcement);
    return publisher.pipeline().publish(screeningDone, announcement);
  };
  const writer = new ScreeningWriter(
    pool,
    async (screenings, outboxEvents) => {
      const announce = announceSettled(announcementOf(screenings));
      if (outboxEvents > 0) announce.publish(webhookEvents, 'screenings');
      await announce.exec();
    },
    logger,
  );
  const processJob = screeningJobProcessor({
    indexCache,
    writer,
    metrics,
    matchOptions,
    logger,
    ...(hooks.afterRecorded && { afterRecorded: hooks.afterRecorded }),
  });

  const worker = proc.worker<ScreeningQueueData>(QUEUE_NAMES.screenings, processJob, {
    concurrency: config.worker.concurrency,
    ...stallOptions,
  });
  worker.on('failed', (job, error) => {
    if (!job) return;
    const final = isLastAttempt(job, error, SCREENING_JOB_OPTIONS);
    const one = job.name === SCREENING_GROUP_JOB_NAME ? undefined : (job.data as Partial<ScreeningJob> | undefined);
    (one ? jobLogger(one) : logger).warn('screening job failed', {
      jobId: job.id,
      attempt: job.attemptsMade,
      final,
      error: error.message,
    });
    // Every screening the job names fails with it, even when the rest of its payload did not parse.
    if (final)
      for (const { id: screeningId, unrecorded } of screeningsNamedBy(job))
        void markScreeningFailed(pool, screeningId, error.message, unrecorded)
          .then(() => announceSettled(screeningId).exec())
          .catch(() => undefined);
  });

  const processChunk = async (job: Job<BatchChunkJob>) => {
    const parsed = batchChunkJobSchema.safeParse(job.data);
    if (!parsed.success) throw new UnrecoverableError(`Invalid batch chunk payload: ${parsed.error.message}`);
    const result = await performBatchChunk(pool, await indexCache.current(), parsed.data, matchOptions);
    if (result.inserted > 0) {
      metrics.batchRowsTotal.inc(result.inserted);
      if (result.hits > 0) metrics.screeningsTotal.inc({ decision: 'hit', source: 'batch' }, result.hits);
      if (result.inserted > result.hits)
        metrics.screeningsTotal.inc({ decision: 'no_hit', source: 'batch' }, result.inserted - result.hits);
    }
    jobLogger(parsed.data).info('batch chunk screened', {
      fromLine: parsed.data.fromLine,
      toLine: parsed.data.toLine,
      outcome: result.outcome,
      rows: result.inserted,
      hits: result.hits,
    });
    // Hit rows and a finished batch may have webhook events waiting: wake the dispatcher rather than leave them to its poll.
    if (result.hits > 0 || result.status === 'done')
      await publisher.publish(webhookEvents, parsed.data.batchId).catch(() => undefined);
    return { ...result };
  };
  const batchWorker = proc.worker<BatchChunkJob>(QUEUE_NAMES.batchChunks, processChunk, {
    concurrency: config.worker.batchChunkConcurrency,
    ...stallOptions,
  });
  batchWorker.on('failed', (job, error) => {
    if (!job) return;
    const final = isLastAttempt(job, error, BATCH_CHUNK_JOB_OPTIONS);
    jobLogger(job.data ?? {}).warn('batch chunk job failed', {
      jobId: job.id,
      attempt: job.attemptsMade,
      final,
      error: error.message,
    });
    if (final && job.data?.batchId) void markBatchFailed(pool, job.data.batchId, error.message).catch(() => undefined);
  });

  const reconciler = startReconciler(
    { pool, queue, batchQueue, logger },
    {
      intervalMs: config.worker.reconcileIntervalMs,
      graceMs: config.worker.reconcileGraceMs,
      uploadTimeoutMs: config.worker.batchUploadTimeoutMs,
    },
  );
  const monitoring = startMonitoringWorker(
    { proc, logger, indexCache, queue: monitoringQueue },
    config,
    matchOptions,
    hooks.monitoring,
  );
  // A new version's run is queued at once rather than at the reconciler's next pass.
  subscriber.on(
    'message',
    () =>
      void monitoring.queueRuns().catch((error: unknown) => logger.warn('monitoring runs not queued yet', { error })),
  );
  logger.info('screening worker started', {
    concurrency: config.worker.concurrency,
    threshold: matchOptions.threshold,
  });

  return {
    indexCache,
    monitoring,
    metricsUrl: proc.metricsUrl,
    reconcileNow: reconciler.runOnce,
    async stop() {
      clearInterval(refreshTimer);
      await proc.close([() => monitoring.close(), () => reconciler.stop()]);
    },
  };
}

if (require.main === module) runWorkerProcess('worker', start);
