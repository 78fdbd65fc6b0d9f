import { Router } from 'express';
import { notFound } from '@sanctions/shared/errors';
import { findEntity, listSummaries } from '@sanctions/shared/lists';
import type { ApiDeps } from '../api-deps';
import { requireScope } from '../http/authentication';

export function listRoutes(deps: ApiDeps): Router {
  const router = Router();

  router.get('/v1/lists', requireScope('lists:read'), async (_req, res) => {
    res.json({ lists: await listSummaries(deps.pool) });
  });

  router.get('/v1/entities/:id', requireScope('lists:read'), async (req, res) => {
    const entity = await findEntity(deps.pool, String(req.params.id));
    if (!entity) throw notFound(`Entity ${req.params.id}`);
    res.json(entity);
  });

  return router;
}
