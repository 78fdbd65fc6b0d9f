import { UnrecoverableError, type Job, type Queue } from 'bullmq';
import type { AppConfig } from '@sanctions/shared/config';
import type { WorkerProcess } from '@sanctions/shared/lifecycle/worker-process';
import type { Logger } from '@sanctions/shared/logging';
import {
  CustomerIndexCache,
  enqueueMonitoringRuns,
  markMonitoringRunFailed,
  monitoringRunJobSchema,
  performMonitoringRun,
  unfinishedMonitoringRuns,
  type MonitoringRunHooks,
  type MonitoringRunJob,
} from '@sanctions/shared/monitoring';
import { MONITORING_RUN_JOB_OPTIONS, QUEUE_NAMES } from '@sanctions/shared/queues';
import type { MatchIndexCache } from '@sanctions/shared/screening';

/**
 * The monitoring side of a screening worker: the customer index beside the list index, and the worker taking
 * monitoring runs. Runs are queued when a version change is announced and by the reconciler (a run row is committed
 * with its version, so a lost announcement or job only delays it). Its BullMQ worker is the process's (openWorkerProcess),
 * so it shares the deployment's connection and prefix and is closed with the others, first.
 */
export function startMonitoringWorker(
  deps: { proc: WorkerProcess; logger: Logger; indexCache: MatchIndexCache; queue: Queue<MonitoringRunJob> },
  config: AppConfig,
  options: { threshold: number; limit: number },
  hooks: MonitoringRunHooks = {},
) {
  const { proc, logger } = deps;
  const { pool } = proc;
  const customers = new CustomerIndexCache(pool, logger);
  void customers
    .current()
    .catch((error: unknown) => logger.warn('customer index not built yet', { error: (error as Error).message }));

  const processRun = async (job: Job<MonitoringRunJob>) => {
    const parsed = monitoringRunJobSchema.safeParse(job.data);
    if (!parsed.success) throw new UnrecoverableError(`Invalid monitoring run payload: ${parsed.error.message}`);
    const lists = await deps.indexCache.refreshIfStale();
    const result = await performMonitoringRun(
      { pool, logger },
      { lists, customers: await customers.current() },
      parsed.data.runId,
      options,
      hooks,
    );
    if (result.alerts > 0) proc.metrics.screeningsTotal.inc({ decision: 'hit', source: 'monitoring' }, result.alerts);
    return result;
  };
  const worker = proc.worker<MonitoringRunJob>(QUEUE_NAMES.monitoringRuns, processRun, {
    concurrency: 1,
    lockDuration: config.worker.lockDurationMs,
    stalledInterval: config.worker.stalledIntervalMs,
  });
  worker.on('failed', (job, error) => {
    if (!job) return;
    const final =
      error instanceof UnrecoverableError ||
      job.attemptsMade >= (job.opts.attempts ?? MONITORING_RUN_JOB_OPTIONS.attempts ?? 1);
    logger.warn('monitoring run failed', { jobId: job.id, attempt: job.attemptsMade, final, error: error.message });
    if (final && job.data?.runId)
      void markMonitoringRunFailed(pool, job.data.runId, error.message).catch(() => undefined);
  });

  /**
   * Queues every run not finished. No grace period is needed: the job id is the run id, so a run whose job is waiting,
   * running, retrying or kept as completed is not added twice, and one whose job Redis lost is added again.
   */
  const queueRuns = async () => enqueueMonitoringRuns(deps.queue, await unfinishedMonitoringRuns(pool, 0));
  const reconcile = () =>
    void queueRuns().catch((error: unknown) => logger.warn('monitoring runs not re-queued; will retry', { error }));
  const timer = setInterval(reconcile, config.worker.reconcileIntervalMs);
  timer.unref();
  void queueRuns().catch((error: unknown) => logger.warn('monitoring runs not queued yet', { error }));
  return {
    customers,
    queueRuns,
    /** Stops the reconciling timer; the BullMQ worker is closed by the process, before this. */
    async close() {
      clearInterval(timer);
    },
  };
}
