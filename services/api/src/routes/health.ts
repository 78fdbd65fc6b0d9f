import { Router } from 'express';
import { activeListVersions } from '@sanctions/shared/lists';
import type { Logger } from '@sanctions/shared/logging';
import type { ApiDeps } from '../api-deps';
import { z } from 'zod';
import { PROBLEM_CONTENT_TYPE, sendProblem } from '../http/problem';
import { problemSchema } from '../openapi/common-schemas';
import { documentRoute } from '../openapi/route-docs';

const checkSchema = z.object({ ok: z.boolean() });
const checksSchema = z.object({
  postgres: checkSchema,
  redis: checkSchema,
  lists: checkSchema.extend({ loaded: z.int() }),
});

/** Checks answer within this, so an orchestrator's probe never hangs on a dead dependency. */
const CHECK_TIMEOUT_MS = 2_000;

/**
 * The probe is unauthenticated: it says which dependency failed, never how (an error text names
 * hosts, ports and versions). The reason goes to the log.
 */
async function check(name: string, fn: () => Promise<unknown>, logger: Logger): Promise<{ ok: boolean }> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      fn(),
      new Promise((_, reject) => (timer = setTimeout(() => reject(new Error('timed out')), CHECK_TIMEOUT_MS))),
    ]);
    return { ok: true };
  } catch (error) {
    logger.warn('readiness check failed', { check: name, error: (error as Error).message });
    return { ok: false };
  } finally {
    clearTimeout(timer);
  }
}

const FAILURE: Record<string, string> = {
  postgres: 'Postgres is not reachable',
  redis: 'Redis is not reachable',
  lists: 'no sanctions list is loaded',
};

export function healthRoutes(deps: ApiDeps): Router {
  const router = Router();

  documentRoute({
    method: 'get',
    path: '/healthz',
    tag: 'Health',
    summary: 'Liveness: the process answers',
    scope: null,
    responses: { 200: { description: 'Alive', schema: z.object({ status: z.literal('ok') }) } },
  });
  router.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });

  documentRoute({
    method: 'get',
    path: '/readyz',
    tag: 'Health',
    summary: 'Readiness: Postgres and Redis answer and a list is loaded',
    scope: null,
    responses: {
      200: { description: 'Ready', schema: z.object({ status: z.literal('ready'), checks: checksSchema }) },
    },
    extraResponses: {
      503: {
        description: 'Not ready; checks says which dependency failed',
        content: { [PROBLEM_CONTENT_TYPE]: problemSchema.extend({ checks: checksSchema }) },
      },
    },
  });
  router.get('/readyz', async (req, res) => {
    let lists = 0;
    const [postgres, redis, listsLoaded] = await Promise.all([
      check('postgres', () => deps.pool.query('SELECT 1'), deps.logger),
      check('redis', () => deps.redis.ping(), deps.logger),
      check(
        'lists',
        async () => {
          lists = (await activeListVersions(deps.pool)).length;
          if (lists === 0) throw new Error('no list is loaded');
        },
        deps.logger,
      ),
    ]);
    const checks = { postgres, redis, lists: { ...listsLoaded, loaded: lists } };
    if (postgres.ok && redis.ok && listsLoaded.ok) return void res.json({ status: 'ready', checks });
    sendProblem(res, {
      type: 'https://sanctions-screening.dev/problems/not-ready',
      title: 'Service not ready',
      status: 503,
      detail: Object.entries(checks)
        .filter(([, c]) => !c.ok)
        .map(([name]) => FAILURE[name])
        .join('; '),
      instance: req.originalUrl,
      ...{ checks },
    });
  });

  return router;
}
