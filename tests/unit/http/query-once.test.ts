import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import express from 'express';
import { queryParsedOnce } from '../../../services/api/src/http/query-once';

let server: Server;
let base: string;

beforeAll(async () => {
  const app = express();
  app.use(queryParsedOnce);
  app.get('/reads', (req, res) => {
    const first = req.query;
    res.json({ same: first === req.query, own: Object.hasOwn(req, 'query'), query: req.query });
  });
  await new Promise<void>((resolve) => {
    server = app.listen(0, '127.0.0.1', () => resolve());
  });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const read = async (query: string) => (await fetch(`${base}/reads${query}`)).json();

describe('queryParsedOnce', () => {
  it('every read of req.query is the one object Express parsed, with the same fields', async () => {
    expect(await read('?wait=true&a=1&a=2')).toEqual({ same: true, own: true, query: { wait: 'true', a: ['1', '2'] } });
  });

  it('a request without a query string reads an empty query, and each request its own', async () => {
    expect(await read('')).toEqual({ same: true, own: true, query: {} });
    expect(await read('?x=%00')).toEqual({ same: true, own: true, query: { x: '\u0000' } });
  });

  it('without it Express parses again on every read (what it saves)', async () => {
    const app = express();
    app.get('/reads', (req, res) => void res.json({ same: req.query === req.query }));
    const other = await new Promise<Server>((resolve) => {
      const s = app.listen(0, '127.0.0.1', () => resolve(s));
    });
    const res = await fetch(`http://127.0.0.1:${(other.address() as AddressInfo).port}/reads?wait=true`);
    expect(await res.json()).toEqual({ same: false });
    await new Promise<void>((resolve) => other.close(() => resolve()));
  });
});
