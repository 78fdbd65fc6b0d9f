import { execFile, spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { REPO_ROOT, type AppConfig } from '@sanctions/shared/config';

const WORKER_MAIN = path.join(REPO_ROOT, 'workers/screening/dist/main.js');

/** Real screening worker processes on a test's database and queues, for tests that SIGKILL one mid-job. */
export interface WorkerProcesses {
  start(): ChildProcess;
  /** SIGKILL: no graceful shutdown, its jobs left claimed in Redis. Resolves once it has exited. */
  kill(child: ChildProcess): Promise<void>;
  /** For afterAll: every one still alive is killed. */
  killAll(): void;
}

/**
 * Builds the worker (it runs as compiled JavaScript, as in production; tsc -b is a no-op when it is up to date) and
 * returns a starter whose processes use the config's database, Redis and queue prefix. A dead worker's claimed jobs go
 * back to the queue after 2 s instead of 30 s.
 */
export async function screeningWorkerProcesses(
  config: AppConfig,
  extraEnv: Record<string, string> = {},
): Promise<WorkerProcesses> {
  await promisify(execFile)(
    process.execPath,
    [path.join(REPO_ROOT, 'node_modules/typescript/bin/tsc'), '-b', 'workers/screening'],
    { cwd: REPO_ROOT },
  );
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: config.databaseUrl,
    DATABASE_POOL_MAX: '4',
    REDIS_URL: config.redisUrl,
    QUEUE_PREFIX: config.queuePrefix,
    LOG_LEVEL: 'error',
    WORKER_LOCK_DURATION_MS: '2000',
    WORKER_STALLED_INTERVAL_MS: '500',
    ...extraEnv,
  };
  const children: ChildProcess[] = [];
  const alive = (child: ChildProcess) => child.exitCode === null && child.signalCode === null;
  return {
    start() {
      const child = spawn(process.execPath, [WORKER_MAIN], { env, stdio: ['ignore', 'ignore', 'inherit'] });
      children.push(child);
      return child;
    },
    async kill(child) {
      if (!alive(child)) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGKILL');
      await exited;
    },
    killAll() {
      for (const child of children) if (alive(child)) child.kill('SIGKILL');
    },
  };
}
