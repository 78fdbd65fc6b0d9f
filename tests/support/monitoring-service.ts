import { call } from './http';
import { createSeededDatabase } from './list-factories';
import { startService, type RunningService } from './running-service';
import { testConfig, type TestDatabase } from './test-stores';
import { eventually } from './webhook-receiver';

/**
 * For the monitoring test files: a seeded database of their own and the service (API and worker) with a fast
 * reconciler, so a run queued by an import starts within a fraction of a second; started before the file's tests and
 * stopped after. Returns them with the calls the tests make: the API as the test key, a run once done, a run's alerts.
 */
export function withMonitoringService() {
  const stores = {} as { db: TestDatabase; service: RunningService };
  beforeAll(async () => {
    stores.db = await createSeededDatabase();
    stores.service = await startService(testConfig(stores.db.url, { RECONCILE_INTERVAL_MS: '200' }));
  }, 60_000);
  afterAll(async () => {
    await stores.service?.stop();
    await stores.db?.drop();
  });

  const api = (method: string, path: string, body?: unknown, apiKey?: string) =>
    call(stores.service.url, method, path, {
      ...(body !== undefined && { body }),
      ...(apiKey !== undefined && { apiKey }),
    });

  /** The monitoring run of `source@version`, once it is done (30 s at most). */
  const runOf = (source: string, version: number) =>
    eventually(
      async () => {
        const { body } = await api('GET', '/v1/monitoring/runs');
        const run = body.runs.find(
          (r: { source: string; version: number }) => r.source === source && r.version === version,
        );
        return run?.status === 'done' && run;
      },
      30_000,
      `monitoring run ${source}@${version} done`,
    );

  /** The alerts a run made: each customer with the entities of its alert's matches. */
  const alertsOfRun = async (runId: string) =>
    (
      await stores.db.pool.query(
        `SELECT a.customer_reference, array_agg(m.entity_id ORDER BY m.entity_id) AS entities FROM alerts a JOIN alert_matches m ON m.alert_id = a.id WHERE a.run_id = $1 GROUP BY 1 ORDER BY 1`,
        [runId],
      )
    ).rows;

  return { stores, api, runOf, alertsOfRun };
}
