import { start as startApi, type RunningApi } from '@sanctions/api';
import type { AppConfig } from '@sanctions/shared/config';
import { start as startWorker, type RunningWorker, type WorkerHooks } from '@sanctions/screening-worker';
import { quietLogger } from './test-stores';

export interface RunningService {
  api: RunningApi;
  worker: RunningWorker;
  url: string;
  stop(): Promise<void>;
}

/** The real API and worker, in-process, on a free port. */
export async function startService(config: AppConfig, hooks: WorkerHooks = {}): Promise<RunningService> {
  const worker = await startWorker(config, quietLogger, hooks);
  const api = await startApi(config, quietLogger);
  return {
    api,
    worker,
    url: api.url,
    async stop() {
      await api.stop();
      await worker.stop();
    },
  };
}
