import { EventEmitter } from 'node:events';
import { freePort } from '@sanctions/shared/local-infra';
import { installProcessGuards, isClientStreamError } from '@sanctions/shared/lifecycle';
import { createLogger } from '@sanctions/shared/logging';
import { createRedis } from '@sanctions/shared/queues';

describe('the process guard (issue 21)', () => {
  const setup = () => {
    const lines: Record<string, any>[] = [];
    const target = new EventEmitter();
    const exits: number[] = [];
    installProcessGuards(
      createLogger('info', {}, (l) => lines.push(JSON.parse(l))),
      target,
      (code) => exits.push(code),
    );
    return { lines, target, exits };
  };

  it('logs an uncaught error from a request stream and keeps serving', () => {
    const { lines, target, exits } = setup();
    const reset = Object.assign(new Error('aborted'), { code: 'ECONNRESET', requestId: 'req-1' });
    target.emit('uncaughtException', reset);
    target.emit('uncaughtException', new Error('Unexpected end of form'));
    target.emit('unhandledRejection', Object.assign(new Error('incorrect header check'), { code: 'Z_DATA_ERROR' }));
    expect(exits).toEqual([]);
    expect(lines[0]).toMatchObject({
      level: 'warn',
      msg: 'stray request stream error; still serving',
      reqId: 'req-1',
      code: 'ECONNRESET',
    });
    expect(lines).toHaveLength(3);
  });

  it('exits on any other uncaught exception, after logging it', () => {
    const { lines, target, exits } = setup();
    target.emit('uncaughtException', new TypeError("Cannot read properties of undefined (reading 'id')"));
    expect(exits).toEqual([1]);
    expect(lines[0]).toMatchObject({ level: 'error', msg: 'uncaught exception; exiting' });
  });

  it('tells client stream faults from bugs', () => {
    expect(isClientStreamError(Object.assign(new Error('x'), { code: 'ERR_STREAM_PREMATURE_CLOSE' }))).toBe(true);
    expect(isClientStreamError(new RangeError('Invalid array length'))).toBe(false);
    expect(isClientStreamError('a string')).toBe(false);
  });
});

it('an ioredis client that cannot connect logs JSON lines, not "Unhandled error event" stack traces', async () => {
  const lines: Record<string, any>[] = [];
  const port = await freePort();
  const client = createRedis(`redis://127.0.0.1:${port}`, {
    logger: createLogger('warn', {}, (l) => lines.push(JSON.parse(l))),
    name: 'test client',
  });
  const deadline = Date.now() + 3_000;
  while (lines.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  client.disconnect();
  for (let i = 0; i < 100 && client.status !== 'end'; i++) await new Promise((r) => setTimeout(r, 20));
  expect(lines[0]).toMatchObject({
    level: 'warn',
    msg: 'redis connection error',
    client: 'test client',
    code: 'ECONNREFUSED',
  });
  expect(client.listenerCount('error')).toBeGreaterThan(0);
});
