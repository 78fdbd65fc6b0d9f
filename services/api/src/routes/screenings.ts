import { Router } from 'express';
import { z } from 'zod';
import { AppError, notFound } from '@sanctions/shared/errors';
import { getScreening, parseScreeningRequest, submitScreening } from '@sanctions/shared/screening';
import type { ApiDeps } from '../api-deps';
import { requireScope } from '../http/authentication';
import { idempotencyKeyOf } from '../http/idempotency';
import { parseQuery } from '../http/query';
import { isUuid } from '../http/validation';

const submitQuery = z.strictObject({ wait: z.enum(['true', 'false', '1', '0'], { error: 'must be true or false' }).optional() });

export function screeningRoutes(deps: ApiDeps): Router {
  const router = Router();

  router.post('/v1/screenings', requireScope('screenings:write'), async (req, res) => {
    const { wait } = parseQuery(req, submitQuery);
    if (!req.is('application/json')) throw new AppError('unsupported_media_type', 'Send the body as application/json (a file of many records goes to POST /v1/batches)');
    const request = parseScreeningRequest(req.body);
    const { id, status, created, queued } = await submitScreening(deps, request, req.principal?.keyId ?? null, idempotencyKeyOf(req), req.requestId);
    const location = `/v1/screenings/${id}`;
    // Not queued yet (Redis down): nothing will settle it within the wait, so the id is the answer.
    if (queued && (wait === 'true' || wait === '1')) {
      const settled = await deps.waiter.waitUntilSettled(id, deps.config.screening.waitMaxMs);
      const view = settled ? await getScreening(deps.pool, id, req.principal!.workspaceId) : undefined;
      if (view) return void res.status(200).location(location).json(view);
    }
    res.status(created ? 202 : 200).location(location).json({ id, status, links: { self: location } });
  });

  router.get('/v1/screenings/:id', requireScope('screenings:read'), async (req, res) => {
    const id = String(req.params.id);
    const view = isUuid(id) ? await getScreening(deps.pool, id, req.principal!.workspaceId) : undefined;
    if (!view) throw notFound(`Screening ${id}`);
    res.json(view);
  });

  return router;
}
