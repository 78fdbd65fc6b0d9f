import net from 'node:net';
import { call } from '../support/http';
import { seededServicePerFile } from '../support/running-service';
import { TEST_API_KEY } from '../support/test-stores';

/**
 * Issue 21: random bytes, random JSON and truncated multipart bodies at every write route, from a
 * seeded generator (the seed is printed on failure, so a run can be repeated). Bounded by count and
 * time per route. Asserts no 5xx, the process still serving, and everything accepted findable.
 */
const stores = seededServicePerFile();
const SEED = Number(process.env.FUZZ_SEED ?? 20261203);
const CASES_PER_ROUTE = 40;
const MS_PER_ROUTE = 4_000;

/** mulberry32: small, fast, and the same sequence for the same seed. */
function generator(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)] as T;
  const NASTY = [
    '\u0000',
    '\uFFFF',
    '\uD800',
    '\u202E',
    '＝',
    '%',
    '_',
    '"',
    "'",
    '\\',
    '\r\n',
    '{',
    ']',
    ',',
    ';',
    '=cmd|',
    'é',
    '李',
    '🙂',
  ];
  const text = (max = 40): string => {
    let s = '';
    for (let i = int(max); i > 0; i--) s += next() < 0.3 ? pick(NASTY) : String.fromCharCode(32 + int(95));
    return s;
  };
  const json = (depth = 0): unknown => {
    switch (int(depth > 3 ? 5 : 8)) {
      case 0:
        return text();
      case 1:
        return pick([0, -1, 1e308, 2147483648, 0.5, Number.MAX_SAFE_INTEGER]);
      case 2:
        return pick([true, false, null]);
      case 3:
        return pick(['Sense Time Group', 'Jane Doe', 'Ri Yong-gil', '', ' ']);
      case 4:
        return pick(['person', 'organization', '1955', '2020-02-30', 'FR', 'https://10.0.0.1/x', 'screening.hit']);
      case 5:
        return Array.from({ length: int(4) }, () => json(depth + 1));
      default: {
        const keys = [
          'name',
          'type',
          'birthDate',
          'country',
          'reference',
          'a',
          'b',
          'url',
          'events',
          'filters',
          'description',
          'gracePeriodHours',
          text(8),
        ];
        return Object.fromEntries(Array.from({ length: int(5) }, () => [pick(keys), json(depth + 1)]));
      }
    }
  };
  const bytes = (max = 300) => Buffer.from(Array.from({ length: int(max) }, () => int(256)));
  return { int, pick, text, json, bytes, next };
}

type Body =
  | { kind: 'raw'; body: Buffer | string; contentType: string }
  | { kind: 'truncated'; body: string; contentType: string };

function bodyFor(g: ReturnType<typeof generator>, forUpload: boolean): Body {
  switch (g.int(forUpload ? 6 : 4)) {
    case 0:
      return {
        kind: 'raw',
        body: g.bytes(),
        contentType: g.pick(['application/json', 'text/csv', 'application/octet-stream', 'text/plain']),
      };
    case 1:
      return { kind: 'raw', body: JSON.stringify(g.json()), contentType: 'application/json' };
    case 2:
      return { kind: 'raw', body: JSON.stringify(g.json()).slice(0, g.int(40)), contentType: 'application/json' };
    case 3:
      return { kind: 'raw', body: JSON.stringify([g.json(), { name: g.text() }]), contentType: 'application/json' };
    case 4: {
      const csv = [
        'name,reference,type,birth_date,country',
        ...Array.from({ length: g.int(20) }, () =>
          [g.text(20), g.text(8), g.text(6), g.text(10), g.text(4)].join(g.pick([',', ';', '\t'])),
        ),
      ].join(g.pick(['\n', '\r\n']));
      return { kind: 'raw', body: csv, contentType: 'text/csv' };
    }
    default: {
      const form = `--B\r\nContent-Disposition: form-data; name="file"; filename="${g.text(10).replace(/["\r\n]/g, '')}.csv"\r\nContent-Type: text/csv\r\n\r\nname\n${g.text(30)}\n\r\n--B--\r\n`;
      return {
        kind: 'truncated',
        body: form.slice(0, g.int(form.length)),
        contentType: 'multipart/form-data; boundary=B',
      };
    }
  }
}

/** A multipart body cut short, with a Content-Length that says so: half-closed, so the server reads to the end. */
function sendTruncated(url: string, path: string, body: string, contentType: string): Promise<string> {
  const { port } = new URL(url);
  return new Promise((resolve) => {
    let answer = '';
    const socket = net.connect(Number(port), '127.0.0.1', () => {
      socket.end(
        `POST ${path} HTTP/1.1\r\nHost: t\r\nAuthorization: Bearer ${TEST_API_KEY}\r\nContent-Type: ${contentType}\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
      );
    });
    socket.setTimeout(10_000, () => socket.destroy());
    socket.on('data', (d) => (answer += String(d)));
    socket.on('close', () => resolve(answer));
    socket.on('error', () => resolve(answer));
  });
}

describe('fuzzing every write route', () => {
  let batchId: string;
  let webhookId: string;
  const acceptedScreenings: string[] = [];
  const acceptedBatches: string[] = [];

  beforeAll(async () => {
    batchId = (
      await call(stores.service.url, 'POST', '/v1/batches', { rawBody: 'name\nJane Doe\n', contentType: 'text/csv' })
    ).body.id;
    const hook = await call(stores.service.url, 'POST', '/v1/webhooks', {
      body: { url: 'https://93.184.215.14/hook', events: ['batch.completed'] },
    });
    webhookId = hook.body.id;
  });

  const routes: [string, string, boolean][] = [
    ['POST', '/v1/screenings', false],
    ['POST', '/v1/screenings?wait=true', false],
    ['POST', '/v1/compare', false],
    ['POST', '/v1/batches', true],
    ['POST', '/v1/batches/:batch/rescreen', false],
    ['POST', '/v1/webhooks', false],
    ['PATCH', '/v1/webhooks/:webhook', false],
    ['POST', '/v1/webhooks/:webhook/rotate-secret', false],
    ['POST', '/v1/webhooks/:webhook/test', false],
    ['DELETE', '/v1/batches/:random', false],
  ];

  it.each(routes)('%s %s never answers 5xx', async (method, template, forUpload) => {
    const g = generator(SEED + template.length * 31 + method.length);
    const deadline = Date.now() + MS_PER_ROUTE;
    for (let i = 0; i < CASES_PER_ROUTE && Date.now() < deadline; i++) {
      const path = template
        .replace(':batch', batchId)
        .replace(':webhook', webhookId)
        .replace(
          ':random',
          g.pick([
            crypto.randomUUID(),
            encodeURIComponent(g.text(10).replace(/[\uD800-\uDFFF]/g, '')) || 'x',
            '%00',
            '..%2f',
          ]),
        );
      const body = bodyFor(g, forUpload);
      const context = `seed ${SEED}, case ${i}: ${method} ${path} ${body.contentType} ${JSON.stringify(String(body.body).slice(0, 200))}`;
      if (body.kind === 'truncated') {
        const answer = await sendTruncated(stores.service.url, path, body.body, body.contentType);
        const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(answer)?.[1] ?? 0);
        expect({ context, status: status >= 500 ? status : 'ok' }).toEqual({ context, status: 'ok' });
        const id = /"id":"([0-9a-f-]{36})"/.exec(answer)?.[1];
        if (status === 202 && id) acceptedBatches.push(id);
        continue;
      }
      const res = await fetch(stores.service.url + path, {
        method,
        headers: {
          authorization: `Bearer ${TEST_API_KEY}`,
          'content-type': body.contentType,
          ...(g.next() < 0.2 && { 'idempotency-key': `fuzz-${g.int(5)}` }),
        },
        body: body.body,
      });
      const text = await res.text();
      expect({ context, status: res.status >= 500 ? res.status : 'ok', text: res.status >= 500 ? text : '' }).toEqual({
        context,
        status: 'ok',
        text: '',
      });
      if (res.status >= 400) expect(res.headers.get('content-type')).toContain('application/problem+json');
      if ((res.status === 202 || res.status === 200) && template.startsWith('/v1/screenings'))
        acceptedScreenings.push(JSON.parse(text).id);
      if (res.status === 202 && template === '/v1/batches') acceptedBatches.push(JSON.parse(text).id);
    }
    expect((await call(stores.service.url, 'GET', '/healthz', { apiKey: null })).status).toBe(200);
  });

  it('nothing accepted was lost: every accepted screening and batch is there and finishes', async () => {
    // The generator makes valid requests too: what is checked here is not nothing.
    expect(acceptedBatches.length).toBeGreaterThan(0);
    for (const id of acceptedScreenings) {
      let view = await call(stores.service.url, 'GET', `/v1/screenings/${id}`);
      for (let i = 0; i < 100 && view.body.status === 'queued'; i++) {
        await new Promise((r) => setTimeout(r, 50));
        view = await call(stores.service.url, 'GET', `/v1/screenings/${id}`);
      }
      expect({ id, status: view.body.status }).toEqual({ id, status: 'done' });
    }
    for (const id of acceptedBatches) {
      let view = await call(stores.service.url, 'GET', `/v1/batches/${id}`);
      for (let i = 0; i < 100 && ['receiving', 'queued', 'running'].includes(view.body.status); i++) {
        await new Promise((r) => setTimeout(r, 50));
        view = await call(stores.service.url, 'GET', `/v1/batches/${id}`);
      }
      expect({ id, status: view.body.status }).toEqual({ id, status: 'done' });
      expect(view.body.processed).toBe(view.body.total - view.body.invalidRows);
    }
    const { rows } = await stores.db.pool.query(`SELECT count(*)::int AS n FROM batches WHERE status = 'receiving'`);
    expect(rows[0].n).toBe(0);
  });
});
