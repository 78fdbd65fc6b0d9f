import { UnrecoverableError, type Job } from 'bullmq';
import { CronExpressionParser } from 'cron-parser';
import { ConfigError, type AppConfig } from '@sanctions/shared/config';
import { openWorkerProcess, runWorkerProcess } from '@sanctions/shared/lifecycle/worker-process';
import {
  isDownloadableList,
  LIST_UPDATE_JOB_NAME,
  LIST_UPDATE_JOB_OPTIONS,
  LIST_UPDATE_SCHEDULER_ID,
  listUpdateJobSchema,
  listUpdateOptionsFromConfig,
  resolveDownload,
  updateLists,
  type FetchLike,
  type ListUpdateJob,
  type ListUpdateResult,
} from '@sanctions/shared/list-updates';
import { createLogger, type Logger } from '@sanctions/shared/logging';
import { channels, QUEUE_NAMES } from '@sanctions/shared/queues';

export interface ListsWorkerHooks {
  /** Replaces the global fetch (tests, or a proxy-aware client). */
  fetchImpl?: FetchLike;
}

export interface RunningListsWorker {
  /** GET /metrics without a key, when METRICS_PORT is set. */
  metricsUrl?: string;
  stop(): Promise<void>;
}

/** Fails at boot, before connecting, when the schedule cannot be read or a configured list cannot be downloaded. */
function checkConfig(config: AppConfig): void {
  try {
    // The parser BullMQ schedules with; its errors do not name the setting.
    CronExpressionParser.parse(config.listUpdates.cron);
  } catch (error) {
    throw new ConfigError(
      `LIST_UPDATE_CRON "${config.listUpdates.cron}" is not a cron pattern: ${(error as Error).message}`,
      { cause: error },
    );
  }
  for (const source of config.listUpdates.sources) {
    if (!isDownloadableList(source))
      throw new ConfigError(`LIST_UPDATE_SOURCES: "${source}" is not a list that can be downloaded`);
    const missing = resolveDownload(source, config.listUpdates.urls[source]).files.filter((f) => !f.url);
    if (missing.length > 0)
      throw new ConfigError(
        `LIST_UPDATE_SOURCES includes ${source}, which has no public URL: set its URL in LIST_UPDATE_URLS`,
      );
  }
}

/**
 * Starts the lists worker: it upserts the repeatable `list-updates` job (LIST_UPDATE_CRON) and
 * runs each one, scheduled or queued by hand, by downloading and importing the configured lists.
 */
export async function start(
  config: AppConfig,
  logger: Logger = createLogger(config.logLevel, { process: 'lists-worker' }),
  hooks: ListsWorkerHooks = {},
): Promise<RunningListsWorker> {
  checkConfig(config);
  const proc = await openWorkerProcess(config, logger);
  const { pool } = proc;
  const publisher = proc.redis('lists worker publisher');
  const queue = proc.queue<ListUpdateJob>(QUEUE_NAMES.listUpdates);
  const { listVersionChanged } = channels(config.queuePrefix);
  await queue
    .upsertJobScheduler(
      LIST_UPDATE_SCHEDULER_ID,
      { pattern: config.listUpdates.cron },
      { name: LIST_UPDATE_JOB_NAME, data: {}, opts: LIST_UPDATE_JOB_OPTIONS },
    )
    .catch(async (error: unknown) => {
      await proc.close();
      throw error;
    });

  const processJob = async (job: Job<ListUpdateJob>): Promise<ListUpdateResult[]> => {
    const parsed = listUpdateJobSchema.safeParse(job.data ?? {});
    if (!parsed.success) throw new UnrecoverableError(`Invalid list update job payload: ${parsed.error.message}`);
    const unknown = (parsed.data.sources ?? []).filter((s) => !isDownloadableList(s));
    if (unknown.length > 0)
      throw new UnrecoverableError(`Cannot update ${unknown.join(', ')}: not a list that can be downloaded`);
    const results = await updateLists(pool, {
      ...listUpdateOptionsFromConfig(config),
      ...(parsed.data.sources && { sources: parsed.data.sources }),
      logger: logger.child({ jobId: job.id }),
      fetchImpl: hooks.fetchImpl,
      publish: (sourceId) => publisher.publish(listVersionChanged, sourceId),
    });
    const failed = results.filter((r) => r.status === 'failed');
    if (failed.length > 0)
      throw new Error(`List update failed for ${failed.map((r) => `${r.source} (${r.error})`).join('; ')}`);
    return results;
  };

  const worker = proc.worker<ListUpdateJob, ListUpdateResult[]>(QUEUE_NAMES.listUpdates, processJob, {
    // One update at a time: imports of one list are serialised by Postgres anyway, and downloads are large.
    concurrency: 1,
  });
  worker.on('failed', (job, error) =>
    logger.warn('list update job failed', { jobId: job?.id, attempt: job?.attemptsMade, error: error.message }),
  );

  logger.info('lists worker started', { cron: config.listUpdates.cron, sources: config.listUpdates.sources });

  return {
    metricsUrl: proc.metricsUrl,
    stop: () => proc.close(),
  };
}

if (require.main === module) runWorkerProcess('lists-worker', start);
