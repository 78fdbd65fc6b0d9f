import { documentRoute } from '../openapi/route-docs';
import { Router } from 'express';
import { z } from 'zod';
import { countAlertsByStatus } from '@sanctions/shared/alerts';
import type { ApiDeps } from '../api-deps';
import { requireScope } from '../http/authentication';
import { parseQuery } from '../http/query';

const noParameters = z.strictObject({});

/** GET /v1/alerts/counts: the review queue's exact count per status. Mounted before /v1/alerts/:id. */
export function alertCountRoutes(deps: ApiDeps): Router {
  const router = Router();
  documentRoute({
    method: 'get',
    path: '/v1/alerts/counts',
    tag: 'Alerts',
    summary: 'Counts of the workspace alerts',
    scope: 'alerts:read',
    query: noParameters,
    errors: [400],
    responses: { 200: { description: 'The counts', schema: z.record(z.string(), z.unknown()) } },
  });
  router.get('/v1/alerts/counts', requireScope('alerts:read'), async (req, res) => {
    parseQuery(req, noParameters);
    const counts = await countAlertsByStatus(deps.pool, req.principal!.workspaceId);
    res.json({ counts, total: Object.values(counts).reduce((a, b) => a + b, 0) });
  });
  return router;
}
