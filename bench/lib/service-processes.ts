import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { createServer } from 'node:net';
import path from 'node:path';
import { createQueue, QUEUE_NAMES } from '../../shared/src/queues';

/** How long the API may take to answer /readyz after it is spawned: 600 polls 100 ms apart. */
const READY_POLLS = 600;
const READY_POLL_MS = 100;

/** One spawned service process and the role it plays (api, worker1, webhooks-worker, standalone). */
export interface ServiceProcess {
  role: string;
  child: ChildProcess;
}

export interface ServiceStart {
  /** The checkout whose built `dist` folders run (`npm run build` first). */
  dir: string;
  databaseUrl: string;
  redisUrl: string;
  /** The BOOTSTRAP_API_KEY the bench calls with. */
  apiKey: string;
  /** The queue prefix is `{<name>-<random>}`, so the bench's jobs meet no one else's. */
  name: string;
  /** processes: the API, the screening workers and, with `webhooksWorker`, the webhooks worker; standalone: `npm start`'s one process. */
  layout?: 'processes' | 'standalone';
  workers?: number;
  webhooksWorker?: boolean;
  /** Service settings on top of the connection ones (rate limits, wait times…). */
  env?: Record<string, string>;
  /** Node arguments and environment of one process, by role (a tracer, a CPU profile). */
  perProcess?: (role: string) => { nodeArgs?: string[]; env?: NodeJS.ProcessEnv };
}

export interface RunningServiceProcesses {
  /** The API's address, http://127.0.0.1:<port>. */
  base: string;
  prefix: string;
  processes: ServiceProcess[];
  /** Stops every process (SIGTERM, then waits for each to exit) and empties the bench's queues. */
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  server.close();
  return port;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * The service as its own processes on the real servers, as an operator runs it: spawned from `dir`'s build on a free
 * port, returned once the API answers /readyz. The workers may still be building their index: a bench's first
 * screening waits for it.
 */
export async function startServiceProcesses(start: ServiceStart): Promise<RunningServiceProcesses> {
  const port = await freePort();
  const prefix = `{${start.name}-${randomBytes(3).toString('hex')}}`;
  const env = {
    DATABASE_URL: start.databaseUrl,
    REDIS_URL: start.redisUrl,
    QUEUE_PREFIX: prefix,
    BOOTSTRAP_API_KEY: start.apiKey,
    LOG_LEVEL: 'warn',
    PORT: String(port),
    HOST: '127.0.0.1',
    ...start.env,
  };
  const processes: ServiceProcess[] = [];
  const spawnRole = (role: string, script: string) => {
    const own = start.perProcess?.(role) ?? {};
    const child = spawn(process.execPath, [...(own.nodeArgs ?? []), path.join(start.dir, script)], {
      env: { ...process.env, ...env, ...own.env },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    processes.push({ role, child });
  };
  const workers = start.workers ?? 1;
  if (start.layout === 'standalone') spawnRole('standalone', 'services/standalone/dist/main.js');
  else {
    spawnRole('api', 'services/api/dist/main.js');
    for (let i = 0; i < workers; i++) spawnRole(`worker${workers > 1 ? i + 1 : ''}`, 'workers/screening/dist/main.js');
    if (start.webhooksWorker) spawnRole('webhooks-worker', 'workers/webhooks/dist/main.js');
  }

  const stop = async () => {
    for (const p of processes) p.child.kill('SIGTERM');
    await Promise.all(
      processes.map((p) =>
        p.child.exitCode === null && p.child.signalCode === null ? once(p.child, 'exit') : undefined,
      ),
    );
    for (const name of Object.values(QUEUE_NAMES)) {
      const q = createQueue(name, start.redisUrl, prefix);
      await q.obliterate({ force: true }).catch(() => undefined);
      await q.close();
    }
  };
  const base = `http://127.0.0.1:${port}`;
  try {
    for (let i = 0; ; i++) {
      const ready = await fetch(`${base}/readyz`).then(
        (r) => r.ok,
        () => false,
      );
      if (ready) break;
      if (i > READY_POLLS) throw new Error(`${start.dir}: the API did not become ready`);
      await sleep(READY_POLL_MS);
    }
  } catch (error) {
    await stop();
    throw error;
  }
  return { base, prefix, processes, stop };
}
