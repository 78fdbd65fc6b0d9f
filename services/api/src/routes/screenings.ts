import { Router } from 'express';
import { AppError, notFound } from '@sanctions/shared/errors';
import { getScreening, parseScreeningRequest, submitScreening } from '@sanctions/shared/screening';
import type { ApiDeps } from '../api-deps';
import { requireScope } from '../http/authentication';
import { isUuid } from '../http/validation';

export function screeningRoutes(deps: ApiDeps): Router {
  const router = Router();

  router.post('/v1/screenings', requireScope('screenings:write'), async (req, res) => {
    if (!req.is('application/json')) throw new AppError('unsupported_media_type', 'Send the body as application/json (a file of many records goes to POST /v1/batches)');
    const request = parseScreeningRequest(req.body);
    const { id } = await submitScreening(deps, request, req.principal?.keyId ?? null);
    const location = `/v1/screenings/${id}`;
    if (req.query.wait === 'true' || req.query.wait === '1') {
      const settled = await deps.waiter.waitUntilSettled(id, deps.config.screening.waitMaxMs);
      const view = settled ? await getScreening(deps.pool, id, req.principal!.workspaceId) : undefined;
      if (view) return void res.status(200).location(location).json(view);
    }
    res.status(202).location(location).json({ id, status: 'queued', links: { self: location } });
  });

  router.get('/v1/screenings/:id', requireScope('screenings:read'), async (req, res) => {
    const id = String(req.params.id);
    const view = isUuid(id) ? await getScreening(deps.pool, id, req.principal!.workspaceId) : undefined;
    if (!view) throw notFound(`Screening ${id}`);
    res.json(view);
  });

  return router;
}
