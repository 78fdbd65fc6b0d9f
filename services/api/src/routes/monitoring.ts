import { Router } from 'express';
import { z } from 'zod';
import { notFound } from '@sanctions/shared/errors';
import { getMonitoringRun, listMonitoringRuns } from '@sanctions/shared/monitoring';
import type { ApiDeps } from '../api-deps';
import { requireScope } from '../http/authentication';
import { parseQuery, queryLimit, queryUuid } from '../http/query';
import { isUuid } from '../http/validation';
import { documentRoute } from '../openapi/route-docs';
import { monitoringRunListSchema, monitoringRunSchema } from '../openapi/schemas/workspace';

const DEFAULT_PAGE = 50;
const MAX_PAGE = 500;

const listQuery = z.strictObject({
  before: queryUuid('a run id').optional(),
  limit: queryLimit(MAX_PAGE, DEFAULT_PAGE),
});

export function monitoringRoutes(deps: ApiDeps): Router {
  const router = Router();

  documentRoute({
    method: 'get',
    path: '/v1/monitoring/runs',
    tag: 'Monitoring',
    summary: 'Monitoring runs (customers re-screened after a list changed), newest first',
    scope: 'customers:read',
    query: listQuery,
    responses: { 200: { description: 'A page of runs', schema: monitoringRunListSchema } },
    errors: [400],
  });
  router.get('/v1/monitoring/runs', requireScope('customers:read'), async (req, res) => {
    const { before, limit } = parseQuery(req, listQuery);
    const runs = await listMonitoringRuns(deps.pool, req.principal!.workspaceId, { limit, ...(before && { before }) });
    const last = runs[runs.length - 1];
    res.json({
      runs,
      links: { next: runs.length === limit && last ? `/v1/monitoring/runs?before=${last.id}&limit=${limit}` : null },
    });
  });

  documentRoute({
    method: 'get',
    path: '/v1/monitoring/runs/:id',
    tag: 'Monitoring',
    summary: 'One monitoring run',
    scope: 'customers:read',
    responses: { 200: { description: 'The run', schema: monitoringRunSchema } },
    errors: [404],
  });
  router.get('/v1/monitoring/runs/:id', requireScope('customers:read'), async (req, res) => {
    const id = String(req.params.id);
    const run = isUuid(id) ? await getMonitoringRun(deps.pool, id, req.principal!.workspaceId) : undefined;
    if (!run) throw notFound(`Monitoring run ${id}`);
    res.json(run);
  });

  return router;
}
