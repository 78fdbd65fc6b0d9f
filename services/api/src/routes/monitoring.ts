import { Router } from 'express';
import { notFound, validationFailed } from '@sanctions/shared/errors';
import { getMonitoringRun, listMonitoringRuns } from '@sanctions/shared/monitoring';
import type { ApiDeps } from '../api-deps';
import { requireScope } from '../http/authentication';
import { isUuid } from '../http/validation';

const DEFAULT_PAGE = 50;
const MAX_PAGE = 500;

export function monitoringRoutes(deps: ApiDeps): Router {
  const router = Router();

  router.get('/v1/monitoring/runs', requireScope('customers:read'), async (req, res) => {
    const limit = req.query.limit === undefined ? DEFAULT_PAGE : Number(req.query.limit);
    const before = typeof req.query.before === 'string' ? req.query.before : undefined;
    const fields = [];
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE) fields.push({ field: 'limit', message: `must be an integer from 1 to ${MAX_PAGE}` });
    if (before !== undefined && !isUuid(before)) fields.push({ field: 'before', message: 'must be a run id' });
    if (fields.length > 0) throw validationFailed('Some query parameters are not valid', fields);
    const runs = await listMonitoringRuns(deps.pool, req.principal!.workspaceId, { limit, ...(before && { before }) });
    const last = runs[runs.length - 1];
    res.json({ runs, links: { next: runs.length === limit && last ? `/v1/monitoring/runs?before=${last.id}&limit=${limit}` : null } });
  });

  router.get('/v1/monitoring/runs/:id', requireScope('customers:read'), async (req, res) => {
    const id = String(req.params.id);
    const run = isUuid(id) ? await getMonitoringRun(deps.pool, id, req.principal!.workspaceId) : undefined;
    if (!run) throw notFound(`Monitoring run ${id}`);
    res.json(run);
  });

  return router;
}
