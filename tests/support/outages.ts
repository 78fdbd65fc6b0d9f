import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import { findRedisServer, freePort } from '@sanctions/shared/local-infra';

async function waitForPort(port: number, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, '127.0.0.1');
      socket.once('connect', () => (socket.destroy(), resolve(true)));
      socket.once('error', () => resolve(false));
    });
    if (open) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`nothing listens on port ${port} after ${timeoutMs} ms`);
}

/** A redis-server of the test's own on a fixed free port, so a test can stop it (an outage) and start it again where clients look. */
export class StoppableRedis {
  private child: ChildProcess | undefined;
  private constructor(readonly port: number) {}

  static async start(): Promise<StoppableRedis> {
    const redis = new StoppableRedis(await freePort());
    await redis.start();
    return redis;
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    if (this.child && this.child.exitCode === null && this.child.signalCode === null) return;
    const binary = findRedisServer();
    if (!binary) throw new Error('redis-server is not on PATH');
    // Without persistence, as npm start runs it: what Redis held is lost with it, Postgres re-derives it.
    this.child = spawn(
      binary,
      ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
      { stdio: 'ignore' },
    );
    await waitForPort(this.port);
  }

  async stop(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGKILL');
    });
  }
}

/**
 * A TCP proxy in front of Postgres: stop() refuses new connections and cuts every open one, which
 * is what the API sees of a Postgres that went down; start() lets it through again on the same port.
 */
export class PostgresOutage {
  private server: net.Server | undefined;
  private readonly sockets = new Set<net.Socket>();
  private constructor(
    readonly port: number,
    private readonly target: { host: string; port: number },
  ) {}

  static async inFrontOf(databaseUrl: string): Promise<{ proxy: PostgresOutage; url: string }> {
    const u = new URL(databaseUrl);
    const proxy = new PostgresOutage(await freePort(), { host: u.hostname, port: Number(u.port || 5432) });
    await proxy.start();
    u.port = String(proxy.port);
    u.hostname = '127.0.0.1';
    return { proxy, url: u.toString() };
  }

  start(): Promise<void> {
    if (this.server) return Promise.resolve();
    const server = net.createServer((client) => {
      const upstream = net.connect(this.target.port, this.target.host);
      for (const s of [client, upstream]) {
        this.sockets.add(s);
        s.on('close', () => this.sockets.delete(s));
        s.on('error', () => undefined);
      }
      client.pipe(upstream).pipe(client);
      client.on('close', () => upstream.destroy());
      upstream.on('close', () => client.destroy());
    });
    this.server = server;
    return new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, '127.0.0.1', () => resolve());
    });
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    for (const s of this.sockets) s.destroy();
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
