import { EventEmitter } from 'node:events';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createLogger, httpRequestLogger } from '@sanctions/shared/logging';

/** A request and a response as far as the request line reads them. */
function exchange(statusCode: number, writableFinished: boolean) {
  const req = Object.assign(new EventEmitter(), { method: 'POST' }) as unknown as IncomingMessage;
  const res = Object.assign(new EventEmitter(), { statusCode, writableFinished }) as unknown as ServerResponse;
  return { req, res };
}

function logged(statusCode: number, ending: 'finish' | 'close', keyId?: string) {
  const lines: string[] = [];
  const log = httpRequestLogger(
    createLogger('info', {}, (line) => lines.push(line)),
    { requestIdOf: () => 'r-1', routeOf: () => '/v1/screenings', keyIdOf: () => keyId },
  );
  const { req, res } = exchange(statusCode, ending === 'finish');
  let nexts = 0;
  log(req, res, () => nexts++);
  res.emit(ending);
  res.emit('close'); // a finished response closes too: still one line
  return { nexts, lines: lines.map((l) => JSON.parse(l) as Record<string, unknown>) };
}

describe('request lines', () => {
  it('one line once the response finishes, with the key id and no other request field', () => {
    const { nexts, lines } = logged(200, 'finish', 'key-1');
    expect(nexts).toBe(1);
    expect(lines).toEqual([
      {
        level: 'info',
        time: expect.any(String),
        reqId: 'r-1',
        method: 'POST',
        route: '/v1/screenings',
        status: 200,
        responseTime: expect.any(Number),
        keyId: 'key-1',
        msg: 'request',
      },
    ]);
  });

  it('a 5xx is an error line; a connection closed before the answer is marked aborted', () => {
    expect(logged(503, 'finish').lines).toEqual([
      expect.objectContaining({ level: 'error', msg: 'request failed', status: 503 }),
    ]);
    const [aborted] = logged(200, 'close').lines;
    expect(aborted).toMatchObject({ level: 'info', aborted: true });
    expect(aborted).not.toHaveProperty('keyId');
  });
});
