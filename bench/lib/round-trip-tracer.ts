/**
 * Loaded with `node --require` into the service processes that `npm run bench:api` starts (never into production):
 * counts every Postgres query (by statement) and every Redis command (by command, BullMQ scripts by name) the process
 * sends, with the time from sending to the answer. SIGUSR2 writes the counts to BENCH_TRACE_FILE and starts again, so
 * the bench can read what one run of screenings cost each process.
 */
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';

interface Tally {
  count: number;
  totalMs: number;
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

/** The statement's first words, enough to tell the statements apart. */
const statementKey = (text: string): string => `pg ${text.replace(/\s+/g, ' ').trim().slice(0, 72)}`;

function tracePostgres(): void {
  const pg = require(require.resolve('pg', { paths: [serviceDir] }));
  const query = pg.Client.prototype.query;
  pg.Client.prototype.query = function (this: unknown, ...args: any[]) {
    const text = typeof args[0] === 'string' ? args[0] : String(args[0]?.text ?? 'unknown');
    const key = statementKey(text);
    const startedAt = process.hrtime.bigint();
    const callback = args[args.length - 1];
    if (typeof callback === 'function') {
      args[args.length - 1] = (...results: unknown[]) => {
        record(key, startedAt);
        return callback(...results);
      };
      return query.apply(this, args);
    }
    const result = query.apply(this, args);
    if (result && typeof result.then === 'function')
      result.then(
        () => record(key, startedAt),
        () => record(key, startedAt),
      );
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
