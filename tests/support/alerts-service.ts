import { start as startApi, type RunningApi } from '@sanctions/api';
import { createApiKey, type Scope } from '@sanctions/shared/auth';
import { start as startWebhooksWorker, type RunningWebhooksWorker } from '../../workers/webhooks/src';
import { call } from './http';
import { createSeededDatabase } from './list-factories';
import { startService, type RunningService } from './running-service';
import { quietLogger, testConfig, type TestDatabase } from './test-stores';

const WEBHOOK_ENV = {
  WEBHOOK_ALLOWED_HOSTS: '127.0.0.1',
  WEBHOOK_DISPATCH_INTERVAL_MS: '100',
  WEBHOOK_BACKOFF_BASE_MS: '50',
};

/** The scopes of a key that screens names and reviews the alerts they make. */
export const REVIEWER: Scope[] = ['alerts:read', 'alerts:review', 'screenings:write', 'screenings:read'];

export interface AlertsService {
  db: TestDatabase;
  service: RunningService;
  /** The same database behind an API with REVIEW_FOUR_EYES=true. */
  fourEyes: RunningApi;
  webhooksWorker?: RunningWebhooksWorker;
}

/**
 * For the alert test files: a seeded database of their own, the API and a worker, a second API on the same database
 * with four-eyes review on, and (with `webhooks`) the webhooks worker; started before the file's tests, stopped after.
 * Returns the running parts and the calls the tests make through them.
 */
export function alertsServicePerFile(options: { webhooks?: boolean } = {}) {
  const stores = {} as AlertsService;
  beforeAll(async () => {
    stores.db = await createSeededDatabase();
    const config = testConfig(stores.db.url, WEBHOOK_ENV);
    stores.service = await startService(config);
    stores.fourEyes = await startApi(testConfig(stores.db.url, { REVIEW_FOUR_EYES: 'true' }), quietLogger);
    if (options.webhooks) stores.webhooksWorker = await startWebhooksWorker(config, quietLogger);
  });
  afterAll(async () => {
    await stores.webhooksWorker?.stop();
    await stores.fourEyes?.stop();
    await stores.service?.stop();
    await stores.db?.drop();
  });

  const api = (method: string, path: string, body?: unknown, apiKey?: string) =>
    call(stores.service.url, method, path, {
      ...(body !== undefined && { body }),
      ...(apiKey !== undefined && { apiKey }),
    });
  const api4 = (method: string, path: string, body?: unknown, apiKey?: string) =>
    call(stores.fourEyes.url, method, path, {
      ...(body !== undefined && { body }),
      ...(apiKey !== undefined && { apiKey }),
    });
  const key = async (name: string, scopes: Scope[], workspaceId?: string) =>
    createApiKey(stores.db.pool, { name, scopes, ...(workspaceId && { workspaceId }) });

  /** Screens a name and returns the alert its hit made. */
  async function alertFor(name: string, reference: string, apiKey?: string) {
    const screened = await api('POST', '/v1/screenings?wait=true', { name, reference }, apiKey);
    expect(screened.body).toMatchObject({ status: 'done', decision: 'hit' });
    const listed = await api('GET', `/v1/alerts?reference=${encodeURIComponent(reference)}`, undefined, apiKey);
    expect(listed.status).toBe(200);
    expect(listed.body.alerts).toHaveLength(1);
    return { screening: screened.body, alert: listed.body.alerts[0] };
  }

  return { stores, api, api4, key, alertFor };
}
