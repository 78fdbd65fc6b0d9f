import { Router } from 'express';
import { z } from 'zod';
import { notFound } from '@sanctions/shared/errors';
import { findEntity, isListSourceId, listSummaries, listVersions, searchEntities, versionDelta } from '@sanctions/shared/lists';
import type { ApiDeps } from '../api-deps';
import { requireScope } from '../http/authentication';
import { parseQuery, queryInteger } from '../http/query';

const deltaPageSchema = z.strictObject({
  after: z.string().max(300).default(''),
  limit: queryInteger(1, 1000).default(100),
});

const searchSchema = z.strictObject({
  q: z.string().trim().min(2, 'must be at least 2 characters').max(300),
  limit: queryInteger(1, 100).default(20),
});

/** A version number as the path writes it: plain digits within int4, else there is no such version. */
const VERSION_NUMBER = /^\d{1,9}$/;

export function listRoutes(deps: ApiDeps): Router {
  const router = Router();

  router.get('/v1/lists', requireScope('lists:read'), async (_req, res) => {
    res.json({ lists: await listSummaries(deps.pool) });
  });

  router.get('/v1/lists/:source/versions', requireScope('lists:read'), async (req, res) => {
    const source = String(req.params.source);
    if (!isListSourceId(source)) throw notFound(`List ${source}`);
    res.json({ source, versions: await listVersions(deps.pool, source) });
  });

  router.get('/v1/lists/:source/versions/:version/delta', requireScope('lists:read'), async (req, res) => {
    const source = String(req.params.source);
    const version = VERSION_NUMBER.test(String(req.params.version)) ? Number(req.params.version) : NaN;
    if (!isListSourceId(source) || !Number.isInteger(version)) throw notFound(`Version ${req.params.version} of list ${source}`);
    const known = (await listVersions(deps.pool, source)).find((v) => v.version === version);
    if (!known) throw notFound(`Version ${version} of list ${source}`);
    const page = parseQuery(req, deltaPageSchema);
    const changes = await versionDelta(deps.pool, source, version, page);
    const last = changes.length === page.limit ? changes[changes.length - 1]?.entityId : undefined;
    res.json({
      source,
      version,
      counts: known.delta,
      changes,
      ...(last && { next: `/v1/lists/${source}/versions/${version}/delta?after=${encodeURIComponent(last)}&limit=${page.limit}` }),
    });
  });

  router.get('/v1/entities', requireScope('lists:read'), async (req, res) => {
    const { q, limit } = parseQuery(req, searchSchema);
    res.json({ query: q, results: await searchEntities(deps.pool, q, limit) });
  });

  router.get('/v1/entities/:id', requireScope('lists:read'), async (req, res) => {
    const entity = await findEntity(deps.pool, String(req.params.id));
    if (!entity) throw notFound(`Entity ${req.params.id}`);
    res.json(entity);
  });

  return router;
}
