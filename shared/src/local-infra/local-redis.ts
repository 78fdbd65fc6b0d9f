import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import net from 'node:net';

export interface LocalRedis {
  url: string;
  stop(): Promise<void>;
}

export const REDIS_INSTALL_HINT = [
  'No REDIS_URL is set and no redis-server was found on PATH. Either:',
  '  - install Redis: `sudo apt-get install redis-server` (Debian/Ubuntu) or `brew install redis` (macOS), then run `npm start` again;',
  '  - or start one with Docker: `docker compose up -d redis` and run `REDIS_URL=redis://127.0.0.1:6379 npm start`;',
  '  - or point REDIS_URL at any Redis 6.2+ you have.',
].join('\n');

export class RedisUnavailableError extends Error {}

export function findRedisServer(): string | undefined {
  const found = spawnSync('sh', ['-c', 'command -v redis-server'], { encoding: 'utf8' });
  const binary = found.stdout.trim();
  return found.status === 0 && binary ? binary : undefined;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

async function waitForPort(port: number, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new RedisUnavailableError(`redis-server exited with code ${child.exitCode}`);
    const open = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, '127.0.0.1');
      socket.once('connect', () => (socket.destroy(), resolve(true)));
      socket.once('error', () => resolve(false));
    });
    if (open) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new RedisUnavailableError(`redis-server did not listen on port ${port} within ${timeoutMs} ms`);
}

/**
 * Starts a private redis-server on a free loopback port, without persistence: queued work is
 * re-derived from Postgres by the reconciler, so nothing is lost when it goes away.
 */
export async function startLocalRedis(): Promise<LocalRedis> {
  const binary = findRedisServer();
  if (!binary) throw new RedisUnavailableError(REDIS_INSTALL_HINT);
  const port = await freePort();
  const child = spawn(
    binary,
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--protected-mode', 'yes'],
    {
      stdio: 'ignore',
    },
  );
  await waitForPort(port, child, 5_000);
  return {
    url: `redis://127.0.0.1:${port}`,
    async stop() {
      if (child.exitCode !== null) return;
      await new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      });
    },
  };
}

/** True when something accepts TCP connections at host:port within the timeout. */
export async function isListening(host: string, port: number, timeoutMs = 500): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    const done = (ok: boolean) => (socket.destroy(), resolve(ok));
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}
