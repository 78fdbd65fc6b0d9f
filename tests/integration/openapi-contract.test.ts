import { existsSync } from 'node:fs';
import type { Express } from 'express';
import { chromium } from 'playwright-core';
import { start as startApi, type RunningApi } from '@sanctions/api';
import { createApp } from '../../services/api/src/app';
import type { ApiDeps } from '../../services/api/src/api-deps';
import { isDocumented } from '../../services/api/src/openapi/route-docs';
import { loadConfig } from '@sanctions/shared/config';
import { call } from '../support/http';
import { createTestDatabase, quietLogger, testConfig, type TestDatabase } from '../support/test-stores';

const CHROMIUM = '/usr/bin/chromium';
const browserIt = existsSync(CHROMIUM) ? it : it.skip;

/** Every route Express has mounted, as [METHOD, path], read from the router's stack. */
function mountedRoutes(app: Express): [string, string][] {
  const found: [string, string][] = [];
  const walk = (stack: any[]) => {
    for (const layer of stack) {
      if (layer.route)
        for (const method of Object.keys(layer.route.methods)) found.push([method.toUpperCase(), layer.route.path]);
      else if (layer.handle?.stack) walk(layer.handle.stack);
    }
  };
  walk((app as any).router.stack);
  return found;
}

describe('the OpenAPI document and hardening', () => {
  let db: TestDatabase;
  let api: RunningApi;
  let corsApi: RunningApi;

  beforeAll(async () => {
    db = await createTestDatabase();
    api = await startApi(testConfig(db.url), quietLogger);
    corsApi = await startApi(testConfig(db.url, { CORS_ORIGINS: 'https://console.example.com' }), quietLogger);
  });
  afterAll(async () => {
    await corsApi?.stop();
    await api?.stop();
    await db?.drop();
  });

  it('documents every mounted /v1 route, so a route without documentRoute fails here', () => {
    const app = createApp({ config: loadConfig({}), logger: quietLogger } as ApiDeps);
    const routes = mountedRoutes(app).filter(([, path]) => path.startsWith('/v1'));
    expect(routes.length).toBeGreaterThan(50);
    expect(routes.filter(([method, path]) => !isDocumented(method, path))).toEqual([]);
  });

  it('serves OpenAPI 3.1 without a key, with the Bearer scheme and the scope of each operation', async () => {
    const res = await call(api.url, 'GET', '/openapi.json', { apiKey: null });
    expect(res.status).toBe(200);
    const doc = res.body;
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
    const alerts = doc.paths['/v1/alerts/{id}/decisions'].post;
    expect(alerts.security).toEqual([{ bearer: ['alerts:review'] }]);
    expect(alerts['x-scopes']).toEqual(['alerts:review']);
    expect(alerts.requestBody.content['application/json'].schema.required).toEqual(['entityId', 'disposition', 'note']);
    expect(Object.keys(alerts.responses)).toEqual(
      expect.arrayContaining(['200', '400', '401', '403', '404', '409', '413', '429']),
    );
    expect(alerts.responses['400'].content['application/problem+json'].schema.$ref).toBe(
      '#/components/schemas/Problem',
    );
    for (const [path, operations] of Object.entries<any>(doc.paths)) {
      if (!path.startsWith('/v1')) continue;
      for (const operation of Object.values<any>(operations)) expect(operation.security[0].bearer).toHaveLength(1);
    }
    const limit = doc.paths['/v1/batches'].get.parameters.find((p: any) => p.name === 'limit');
    expect(limit).toMatchObject({ in: 'query', required: false, schema: { pattern: '^\\d{1,16}$' } });
  });

  it.each([
    ['/v1/alerts?limit=0', 'limit'],
    ['/v1/alerts?limit=abc', 'limit'],
    ['/v1/alerts?cursor=nope', 'cursor'],
    ['/v1/alerts?from=yesterday', 'from'],
    ['/v1/alerts?status=shut', 'status'],
    ['/v1/alerts?batchId=42', 'batchId'],
    ['/v1/batches?limit=1001', 'limit'],
    ['/v1/batches?before=x', 'before'],
    ['/v1/batches/00000000-0000-4000-8000-000000000000/results?decision=maybe', 'decision'],
    ['/v1/customers?limit=1e3', 'limit'],
    ['/v1/customers?limit=-1', 'limit'],
    ['/v1/monitoring/runs?before=123', 'before'],
    ['/v1/monitoring/runs?limit=501', 'limit'],
    ['/v1/suppressions?lapsed=maybe', 'lapsed'],
    ['/v1/suppressions?cursor=abc', 'cursor'],
    ['/v1/suppressions?limit=0x10', 'limit'],
    ['/v1/keys?workspace=Not%20A%20Name', 'workspace'],
    ['/v1/entities?q=a', 'q'],
    ['/v1/entities?q=ri&limit=101', 'limit'],
    ['/v1/lists/seed/versions/1/warnings?limit=5000', 'limit'],
    ['/v1/lists/seed/versions/1/delta?limit=0', 'limit'],
    ['/v1/webhooks/00000000-0000-4000-8000-000000000000/deliveries?status=lost', 'status'],
    ['/v1/webhooks/00000000-0000-4000-8000-000000000000/deliveries?limit=101', 'limit'],
    ['/v1/alerts?staus=open', 'staus'],
    ['/v1/alerts/00000000-0000-4000-8000-000000000000?status=open', 'status'],
    ['/v1/lists?limit=10', 'limit'],
    ['/v1/webhooks/00000000-0000-4000-8000-000000000000?verbose=1', 'verbose'],
  ])('GET %s is a 400 naming %s', async (path, parameter) => {
    const res = await call(api.url, 'GET', path);
    expect(res.status).toBe(400);
    expect(res.contentType).toContain('application/problem+json');
    expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(parameter);
  });

  it('sets helmet headers on every response and never X-Powered-By', async () => {
    for (const path of ['/v1/lists', '/openapi.json', '/', '/healthz']) {
      const res = await fetch(api.url + path, { headers: { authorization: 'Bearer nope' } });
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
      expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
      expect(res.headers.get('content-security-policy')).not.toContain('unsafe-inline');
      expect(res.headers.get('x-powered-by')).toBeNull();
    }
  });

  it('answers no CORS headers unless CORS_ORIGINS names the origin', async () => {
    const preflight = (url: string, origin: string) =>
      fetch(`${url}/v1/screenings`, {
        method: 'OPTIONS',
        headers: {
          origin,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'authorization,content-type',
        },
      });
    const off = await preflight(api.url, 'https://console.example.com');
    expect(off.headers.get('access-control-allow-origin')).toBeNull();
    const on = await preflight(corsApi.url, 'https://console.example.com');
    expect(on.status).toBe(204);
    expect(on.headers.get('access-control-allow-origin')).toBe('https://console.example.com');
    expect(on.headers.get('access-control-allow-headers')).toContain('Authorization');
    const other = await preflight(corsApi.url, 'https://evil.example');
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
    const get = await call(corsApi.url, 'GET', '/v1/lists', { headers: { origin: 'https://console.example.com' } });
    expect(get.headers.get('access-control-allow-origin')).toBe('https://console.example.com');
  });

  it('refuses a JSON body over 1 MB with 413 problem+json', async () => {
    const res = await call(api.url, 'POST', '/v1/screenings', { body: { name: 'x'.repeat(1024 * 1024 + 10) } });
    expect(res.status).toBe(413);
    expect(res.contentType).toContain('application/problem+json');
    expect(res.body.detail).toMatch(/larger than/);
  });

  it('refuses MAX_JSON_BODY_BYTES above 1 MB at boot', () => {
    expect(() => loadConfig({ MAX_JSON_BODY_BYTES: String(2 * 1024 * 1024) })).toThrow(/MAX_JSON_BODY_BYTES/);
    expect(() => loadConfig({ CORS_ORIGINS: 'console.example.com' })).toThrow(/CORS_ORIGINS/);
  });

  browserIt('serves /docs from the npm package, rendering the operations with no CSP violation', async () => {
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
    try {
      const page = await browser.newPage();
      const violations: string[] = [];
      const outside: string[] = [];
      page.on('console', (m) => {
        if (/Content Security Policy|Refused to/i.test(m.text())) violations.push(m.text());
      });
      page.on('request', (r) => {
        if (!r.url().startsWith(api.url) && !r.url().startsWith('data:')) outside.push(r.url());
      });
      await page.goto(`${api.url}/docs`);
      await page.waitForSelector('.opblock-summary-path', { timeout: 20_000 });
      const paths = await page.locator('.opblock-summary-path').allTextContents();
      expect(paths.join(' ')).toContain('/v1/screenings');
      expect(violations).toEqual([]);
      expect(outside).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});
