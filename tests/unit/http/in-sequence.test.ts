import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import express, { type ErrorRequestHandler, type RequestHandler } from 'express';
import { inSequence } from '../../../services/api/src/http/in-sequence';

let server: Server;
let base: string;

/** Appends its name to the request's trail, then goes on (later, when `later`). */
const step =
  (name: string, later = false): RequestHandler =>
  (req, _res, next) => {
    ((req as unknown as { trail: string[] }).trail ??= []).push(name);
    if (later) setImmediate(next);
    else next();
  };

beforeAll(async () => {
  const app = express();
  app.use(
    inSequence([
      step('a'),
      step('b', true),
      (req, _res, next) => (req.query['fail'] === 'next' ? next(new Error('passed on')) : next()),
      (req, _res, next) => {
        if (req.query['fail'] === 'throw') throw new Error('thrown');
        next(req.query['skip'] === 'route' ? 'route' : undefined);
      },
      async (req, _res, next) => {
        if (req.query['fail'] === 'reject') throw new Error('rejected');
        next();
      },
      step('c'),
    ]),
  );
  app.get('/trail', (req, res) => void res.json((req as unknown as { trail: string[] }).trail));
  const problem: ErrorRequestHandler = (error: Error, _req, res, _next) => void res.status(500).json(error.message);
  app.use(problem);
  await new Promise<void>((resolve) => {
    server = app.listen(0, '127.0.0.1', () => resolve());
  });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const get = async (query = '') => {
  const res = await fetch(`${base}/trail${query}`);
  return { status: res.status, body: await res.json() };
};

describe('inSequence', () => {
  it('runs each handler in order, waiting for one that goes on later, then the routes', async () => {
    expect(await get()).toEqual({ status: 200, body: ['a', 'b', 'c'] });
  });

  it("goes on after next('route'), as a handler mounted alone would", async () => {
    expect(await get('?skip=route')).toEqual({ status: 200, body: ['a', 'b', 'c'] });
  });

  it('hands an error passed to next, or thrown, to the error handler, and runs nothing after it', async () => {
    expect(await get('?fail=next')).toEqual({ status: 500, body: 'passed on' });
    expect(await get('?fail=throw')).toEqual({ status: 500, body: 'thrown' });
    expect(await get('?fail=reject')).toEqual({ status: 500, body: 'rejected' });
  });
});
