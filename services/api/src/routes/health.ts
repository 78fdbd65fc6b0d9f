import { Router } from 'express';
import { activeListVersions } from '@sanctions/shared/lists';
import type { ApiDeps } from '../api-deps';
import { sendProblem } from '../http/problem';

/** Checks answer within this, so an orchestrator's probe never hangs on a dead dependency. */
const CHECK_TIMEOUT_MS = 2_000;

async function check(fn: () => Promise<unknown>): Promise<{ ok: boolean; error?: string }> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([fn(), new Promise((_, reject) => (timer = setTimeout(() => reject(new Error('timed out')), CHECK_TIMEOUT_MS)))]);
    return { ok: true };
  } catch (error) {
    return { ok: false, error: (error as Error).message };
  } finally {
    clearTimeout(timer);
  }
}

export function healthRoutes(deps: ApiDeps): Router {
  const router = Router();

  router.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });

  router.get('/readyz', async (req, res) => {
    let lists = 0;
    const [postgres, redis, listsLoaded] = await Promise.all([
      check(() => deps.pool.query('SELECT 1')),
      check(() => deps.redis.ping()),
      check(async () => {
        lists = (await activeListVersions(deps.pool)).length;
        if (lists === 0) throw new Error('no list is loaded');
      }),
    ]);
    const checks = { postgres, redis, lists: { ...listsLoaded, loaded: lists } };
    if (postgres.ok && redis.ok && listsLoaded.ok) return void res.json({ status: 'ready', checks });
    sendProblem(res, {
      type: 'https://sanctions-screening.dev/problems/not-ready',
      title: 'Service not ready',
      status: 503,
      detail: Object.entries(checks)
        .filter(([, c]) => !c.ok)
        .map(([name, c]) => `${name}: ${c.error}`)
        .join('; '),
      instance: req.originalUrl,
      ...{ checks },
    });
  });

  return router;
}
