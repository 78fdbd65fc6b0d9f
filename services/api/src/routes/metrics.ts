import { Router } from 'express';
import type { ApiDeps } from '../api-deps';
import { authenticateRequests, requireScope } from '../http/authentication';

/** GET /metrics: this process's Prometheus metrics, for a key with metrics:read (or admin). */
export function metricsRoutes(deps: ApiDeps): Router {
  const router = Router();
  router.get('/metrics', authenticateRequests(deps.pool), requireScope('metrics:read'), async (_req, res) => {
    const text = await deps.metrics.text();
    res.type(deps.metrics.contentType).send(text);
  });
  return router;
}
