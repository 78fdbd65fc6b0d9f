import { start as startApi, type RunningApi } from '@sanctions/api';
import type { AppConfig } from '@sanctions/shared/config';
import { start as startWorker, type RunningWorker, type WorkerHooks } from '@sanctions/screening-worker';
import { createSeededDatabase } from './list-factories';
import { quietLogger, testConfig, type TestDatabase } from './test-stores';

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

/**
 * For a test file that needs the whole service on the seed list: a database of its own with the seed
 * loaded, the API and a worker running (on the test config plus `env`), both started before its tests and stopped
 * after them.
 */
export function seededServicePerFile(env: Record<string, string> = {}): { db: TestDatabase; service: RunningService } {
  const stores = {} as { db: TestDatabase; service: RunningService };
  beforeAll(async () => {
    stores.db = await createSeededDatabase();
    stores.service = await startService(testConfig(stores.db.url, env));
  });
  afterAll(async () => {
    await stores.service?.stop();
    await stores.db?.drop();
  });
  return stores;
}
