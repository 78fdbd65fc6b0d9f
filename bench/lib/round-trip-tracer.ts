/**
 * Loaded with `node --require` into the service processes that `npm run bench:api` starts (never into production):
 * counts every Postgres query (by statement) and every Redis command (by command, BullMQ scripts by name) the process
 * sends, with the time from sending to the answer. SIGUSR2 writes the counts to BENCH_TRACE_FILE and starts again, so
 * the bench can read what one run of screenings cost each process. For each Postgres statement it also sums the CPU
 * its backend spent on it (`/proc/<backend pid>/schedstat`, read when each answer arrives: a connection's backend runs
 * one statement at a time, so what it spent since the previous answer on that connection is this statement's).
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';

interface Tally {
  count: number;
  totalMs: number;
  /** CPU milliseconds the Postgres backend spent on these statements (Postgres statements only). */
  backendCpuMs?: number;
}

const tallies = new Map<string, Tally>();
const scriptNames = new Map<string, string>();
const traceFile = process.env['BENCH_TRACE_FILE'];
const serviceDir = process.env['BENCH_SERVICE_DIR'] ?? process.cwd();

function record(key: string, startedAt: bigint): void {
  const tally = tallies.get(key) ?? { count: 0, totalMs: 0 };
  tally.count++;
  tally.totalMs += Number(process.hrtime.bigint() - startedAt) / 1e6;
  tallies.set(key, tally);
}

/** The backend's CPU nanoseconds so far (schedstat's first field), or undefined off Linux or on another host. */
function backendCpuNs(pid: number | undefined): number | undefined {
  if (!pid) return undefined;
  try {
    return Number(readFileSync(`/proc/${pid}/schedstat`, 'utf8').split(' ')[0]);
  } catch {
    return undefined;
  }
}

/** Each connection's backend CPU at its last answer. */
const lastBackendCpu = new WeakMap<object, number>();

/** Charges the backend CPU spent since the connection's last answer to this statement. */
function recordBackendCpu(client: { processID?: number }, key: string): void {
  const now = backendCpuNs(client.processID);
  if (now === undefined) return;
  const before = lastBackendCpu.get(client);
  lastBackendCpu.set(client, now);
  if (before === undefined) return;
  const tally = tallies.get(key);
  if (tally) tally.backendCpuMs = (tally.backendCpuMs ?? 0) + (now - before) / 1e6;
}

/** The backend CPU baseline of a connection, taken before its first traced statement is sent. */
function startBackendCpu(client: { processID?: number }): void {
  if (lastBackendCpu.has(client)) return;
  const now = backendCpuNs(client.processID);
  if (now !== undefined) lastBackendCpu.set(client, now);
}

/** The statement's first words, and a hash of its whole text: statements that begin alike (CTEs) stay apart. */
const statementKey = (text: string): string =>
  `pg ${text.replace(/\s+/g, ' ').trim().slice(0, 72)} #${createHash('sha1').update(text).digest('hex').slice(0, 6)}`;

function tracePostgres(): void {
  const pg = require(require.resolve('pg', { paths: [serviceDir] }));
  const query = pg.Client.prototype.query;
  pg.Client.prototype.query = function (this: { processID?: number }, ...args: any[]) {
    const text = typeof args[0] === 'string' ? args[0] : String(args[0]?.text ?? 'unknown');
    const key = statementKey(text);
    const startedAt = process.hrtime.bigint();
    startBackendCpu(this);
    const answered = () => {
      record(key, startedAt);
      recordBackendCpu(this, key);
    };
    const callback = args[args.length - 1];
    if (typeof callback === 'function') {
      args[args.length - 1] = (...results: unknown[]) => {
        answered();
        return callback(...results);
      };
      return query.apply(this, args);
    }
    const result = query.apply(this, args);
    if (result && typeof result.then === 'function') result.then(answered, answered);
    return result;
  };
}

function traceRedis(): void {
  const ioredis = require(require.resolve('ioredis', { paths: [serviceDir] }));
  const Redis = ioredis.default ?? ioredis;
  const defineCommand = Redis.prototype.defineCommand;
  Redis.prototype.defineCommand = function (this: unknown, name: string, definition: { lua: string }) {
    scriptNames.set(createHash('sha1').update(definition.lua).digest('hex'), name.replace(/:[\d.]+$/, ''));
    return defineCommand.call(this, name, definition);
  };
  const sendCommand = Redis.prototype.sendCommand;
  Redis.prototype.sendCommand = function (
    this: unknown,
    command: { name: string; args: unknown[]; promise: Promise<unknown> },
    ...rest: unknown[]
  ) {
    const name = command.name.toLowerCase();
    const script = name === 'evalsha' || name === 'eval' ? scriptNames.get(String(command.args[0])) : undefined;
    const key = `redis ${script ? `script ${script}` : name}`;
    const startedAt = process.hrtime.bigint();
    command.promise?.then(
      () => record(key, startedAt),
      () => record(key, startedAt),
    );
    return sendCommand.call(this, command, ...rest);
  };
}

if (traceFile) {
  tracePostgres();
  traceRedis();
  process.on('SIGUSR2', () => {
    writeFileSync(traceFile, JSON.stringify(Object.fromEntries(tallies)));
    tallies.clear();
  });
}
