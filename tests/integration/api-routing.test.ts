import type { RequestHandler } from 'express';
import helmet from 'helmet';
import { headersOnEveryResponse, recordHelmet } from '../../services/api/src/http/security-headers';
import { call } from '../support/http';
import { seededServicePerFile } from '../support/running-service';

/**
 * The screening routes are mounted before every other router, and helmet's headers are recorded once: every rule that
 * held on every route still holds, whatever router answers (or none does).
 */
const stores = seededServicePerFile({ MAX_JSON_BODY_BYTES: '4096' });
const url = () => stores.service.url;

/** helmet's defaults with our policy and referrer: every answer carries all of them, with these values. */
const HELMET_HEADERS: Record<string, string | RegExp> = {
  'content-security-policy': /^default-src 'self';script-src 'self';.*frame-ancestors 'none'/,
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'origin-agent-cluster': '?1',
  'referrer-policy': 'no-referrer',
  'strict-transport-security': 'max-age=31536000; includeSubDomains',
  'x-content-type-options': 'nosniff',
  'x-dns-prefetch-control': 'off',
  'x-download-options': 'noopen',
  'x-frame-options': 'SAMEORIGIN',
  'x-permitted-cross-domain-policies': 'none',
  'x-xss-protection': '0',
};

function expectSecurityHeaders(headers: Headers, what: string) {
  for (const [name, value] of Object.entries(HELMET_HEADERS)) {
    const got = headers.get(name);
    if (typeof value === 'string') expect([what, name, got]).toEqual([what, name, value]);
    else expect([what, name, got]).toEqual([what, name, expect.stringMatching(value)]);
  }
  expect([what, headers.get('x-powered-by')]).toEqual([what, null]);
}

async function keyWith(scopes: string[]): Promise<string> {
  const created = await call(url(), 'POST', '/v1/keys', { body: { name: `only ${scopes.join(' ')}`, scopes } });
  expect(created.status).toBe(201);
  return created.body.key;
}

describe('security headers', () => {
  it('are on every answer: screenings, other routes, problems, unknown paths, the page, the docs and the probes', async () => {
    const screened = await call(url(), 'POST', '/v1/screenings?wait=true', { body: { name: 'Jane Doe' } });
    expect(screened.status).toBe(200);
    const answers: [string, { headers: Headers; status: number }][] = [
      ['POST /v1/screenings', screened],
      ['GET /v1/screenings/:id', await call(url(), 'GET', `/v1/screenings/${screened.body.id}`)],
      ['GET /v1/screenings', await call(url(), 'GET', '/v1/screenings')],
      ['GET /v1/lists', await call(url(), 'GET', '/v1/lists')],
      ['401', await call(url(), 'POST', '/v1/screenings', { body: { name: 'x' }, apiKey: null })],
      ['400', await call(url(), 'POST', '/v1/screenings', { body: { nom: 'x' } })],
      ['404 /v1', await call(url(), 'GET', '/v1/nowhere', { skipContract: true })],
      ['404', await call(url(), 'GET', '/nowhere', { skipContract: true })],
      ['/healthz', await call(url(), 'GET', '/healthz')],
      ['/', await call(url(), 'GET', '/', { skipContract: true })],
      ['/docs', await call(url(), 'GET', '/docs', { skipContract: true })],
      ['/openapi.json', await call(url(), 'GET', '/openapi.json', { skipContract: true })],
    ];
    for (const [what, res] of answers) expectSecurityHeaders(res.headers, `${what} ${res.status}`);
  });

  it('are what helmet itself sets, recorded once, removals included', () => {
    const edits = recordHelmet(helmet({ referrerPolicy: { policy: 'no-referrer' } }));
    expect(edits.set.map(([name]) => name)).toEqual(
      expect.arrayContaining(['Content-Security-Policy', 'X-Frame-Options']),
    );
    expect(edits.removed).toEqual(['X-Powered-By']);
    const headers = new Map<string, string>();
    const res = {
      setHeader: (n: string, v: string) => headers.set(n, v),
      removeHeader: (n: string) => headers.delete(n),
    };
    headers.set('X-Powered-By', 'Express');
    let nextCalls = 0;
    headersOnEveryResponse(edits)({} as never, res as never, () => void (nextCalls += 1));
    expect(Object.fromEntries(headers)).toEqual(Object.fromEntries(edits.set));
    expect(nextCalls).toBe(1);
  });

  it('refuses at start-up a helmet that does not finish synchronously or fails', () => {
    const later: RequestHandler = (_req, _res, next) => void setImmediate(next);
    const failing: RequestHandler = (_req, _res, next) => next(new Error('bad directive'));
    expect(() => recordHelmet(later)).toThrow(/synchronously/);
    expect(() => recordHelmet(failing)).toThrow(/synchronously/);
  });
});

describe('routing', () => {
  it('answers an unknown path 404 problem+json, keyed or not, and refuses an unkeyed /v1 path 401 first', async () => {
    for (const path of ['/v1/nowhere', '/v1/screenings/a/b/c', '/nowhere']) {
      const res = await call(url(), 'GET', path, { skipContract: true });
      expect([path, res.status, res.contentType]).toEqual([
        path,
        404,
        expect.stringContaining('application/problem+json'),
      ]);
    }
    const deleted = await call(url(), 'DELETE', '/v1/screenings', { skipContract: true });
    expect(deleted.status).toBe(404);
    const unkeyed = await call(url(), 'GET', '/v1/nowhere', { apiKey: null, skipContract: true });
    expect(unkeyed.status).toBe(401);
    expect(unkeyed.contentType).toContain('application/problem+json');
    expect(unkeyed.headers.get('www-authenticate')).toBe('Bearer');
  });

  it('checks the scope of each screening route, after the body as on every route', async () => {
    const reader = await keyWith(['screenings:read']);
    const writer = await keyWith(['screenings:write']);
    const refused = await call(url(), 'POST', '/v1/screenings', { body: { name: 'Jane Doe' }, apiKey: reader });
    expect(refused.status).toBe(403);
    expect(refused.contentType).toContain('application/problem+json');
    expect(refused.body.detail).toContain('screenings:write');
    const accepted = await call(url(), 'POST', '/v1/screenings', { body: { name: 'Jane Doe' }, apiKey: writer });
    expect(accepted.status).toBe(202);
    const unread = await call(url(), 'GET', `/v1/screenings/${accepted.body.id}`, { apiKey: writer });
    expect(unread.status).toBe(403);
    expect(unread.body.detail).toContain('screenings:read');
    expect((await call(url(), 'GET', `/v1/screenings/${accepted.body.id}`, { apiKey: reader })).status).toBe(200);
    // The body is read before the scope, as the app's parser did for every route: a broken body is the answer.
    const broken = await call(url(), 'POST', '/v1/screenings', { rawBody: '{"name":', apiKey: reader });
    expect(broken.status).toBe(400);
    expect(broken.contentType).toContain('application/problem+json');
  });

  it('keeps the body rules on the screening routes: size limit, NUL, media type, the rate limit headers', async () => {
    const big = await call(url(), 'POST', '/v1/screenings', { body: { name: 'x'.repeat(5000) } });
    expect(big.status).toBe(413);
    expect(big.contentType).toContain('application/problem+json');
    const nul = await call(url(), 'POST', '/v1/screenings', { body: { name: 'Jane Doe', note: 'a\u0000b' } });
    expect(nul.status).toBe(400);
    expect(nul.body.errors).toEqual([expect.objectContaining({ field: 'note' })]);
    const text = await call(url(), 'POST', '/v1/screenings', { rawBody: 'Jane Doe', contentType: 'text/plain' });
    expect(text.status).toBe(415);
    const ok = await call(url(), 'POST', '/v1/screenings', { body: { name: 'Jane Doe' } });
    expect(ok.headers.get('ratelimit-limit')).toMatch(/^\d+$/);
    expect(ok.headers.get('x-request-id')).toBeTruthy();
    expect(ok.headers.get('cache-control')).toBe('no-store');
  });

  it('still reaches the routes mounted after the keyed API: the probes, the page, the docs, batches', async () => {
    expect((await call(url(), 'GET', '/healthz')).status).toBe(200);
    expect((await call(url(), 'GET', '/readyz')).status).toBe(200);
    expect((await call(url(), 'GET', '/', { skipContract: true })).contentType).toContain('text/html');
    expect((await call(url(), 'GET', '/openapi.json', { skipContract: true })).body.openapi).toMatch(/^3\./);
    const batch = await call(url(), 'POST', '/v1/batches', { rawBody: 'name\nJane Doe\n', contentType: 'text/csv' });
    expect(batch.status).toBe(202);
  });
});
