import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import express from 'express';
import { sendJsonText } from '../../../services/api/src/http/json-text-response';

/** An answer sent as text, and the same answer through Express's own res.send, on a real server. */
let server: Server;
let base: string;
const answer = JSON.stringify({ id: 'e7c2', name: 'Ĝorĝo Müller 李小龙', matches: [] });
const location = '/v1/screenings/9b0c7a52-0d37-4a4e-9f5c-3a2c1f0b8d11';

beforeAll(async () => {
  const app = express();
  app.set('etag', false);
  app.post('/direct', (_req, res) => sendJsonText(res, 200, location, answer));
  app.post('/express', (_req, res) => void res.status(200).location(location).type('application/json').send(answer));
  await new Promise<void>((resolve) => {
    server = app.listen(0, '127.0.0.1', () => resolve());
  });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

async function answered(path: string) {
  const res = await fetch(`${base}${path}`, { method: 'POST' });
  return {
    status: res.status,
    type: res.headers.get('content-type'),
    length: res.headers.get('content-length'),
    location: res.headers.get('location'),
    body: await res.text(),
  };
}

describe('sendJsonText', () => {
  it('answers as res.type(json).send(text) does: status, type and charset, byte length, Location, body', async () => {
    const direct = await answered('/direct');
    expect(direct).toEqual(await answered('/express'));
    expect(direct).toEqual({
      status: 200,
      type: 'application/json; charset=utf-8',
      length: String(Buffer.byteLength(answer)),
      location,
      body: answer,
    });
  });
});
