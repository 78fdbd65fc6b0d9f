import { Router } from 'express';
import { z } from 'zod';
import { notFound } from '@sanctions/shared/errors';
import {
  findEntity,
  isListSourceId,
  listSummaries,
  listVersions,
  searchEntities,
  versionDelta,
} from '@sanctions/shared/lists';
import type { ApiDeps } from '../api-deps';
import { requireScope } from '../http/authentication';
import { parseQuery, queryLimit } from '../http/query';
import { documentRoute } from '../openapi/route-docs';
import {
  entitySchema,
  entitySearchSchema,
  listsSchema,
  listVersionsSchema,
  versionDeltaSchema,
} from '../openapi/schemas/lists';

const deltaPageSchema = z.strictObject({
  after: z
    .string({ error: 'must be given once' })
    .max(300, 'must be at most 300 characters')
    .default('')
    .meta({ description: 'The last entity id of the previous page' }),
  limit: queryLimit(1000, 100),
});

const searchSchema = z.strictObject({
  q: z
    .string({ error: 'is required: a name, at least 2 characters' })
    .trim()
    .min(2, 'must be at least 2 characters')
    .max(300, 'must be at most 300 characters'),
  limit: queryLimit(100, 20),
});

/** A version number as the path writes it: plain digits within int4, else there is no such version. */
const VERSION_NUMBER = /^\d{1,9}$/;

export function listRoutes(deps: ApiDeps): Router {
  const router = Router();

  documentRoute({
    method: 'get',
    path: '/v1/lists',
    tag: 'Lists',
    summary: 'The sanctions lists, their active versions and whether each is screened',
    scope: 'lists:read',
    responses: { 200: { description: 'The lists', schema: listsSchema } },
    errors: [],
  });
  router.get('/v1/lists', requireScope('lists:read'), async (_req, res) => {
    res.json({ lists: await listSummaries(deps.pool) });
  });

  documentRoute({
    method: 'get',
    path: '/v1/lists/:source/versions',
    tag: 'Lists',
    summary: "A list's versions, newest first",
    scope: 'lists:read',
    responses: { 200: { description: 'The versions', schema: listVersionsSchema } },
    errors: [404],
  });
  router.get('/v1/lists/:source/versions', requireScope('lists:read'), async (req, res) => {
    const source = String(req.params.source);
    if (!isListSourceId(source)) throw notFound(`List ${source}`);
    res.json({ source, versions: await listVersions(deps.pool, source) });
  });

  documentRoute({
    method: 'get',
    path: '/v1/lists/:source/versions/:version/delta',
    tag: 'Lists',
    summary: 'What a version added, removed and changed, by entity',
    scope: 'lists:read',
    query: deltaPageSchema,
    responses: { 200: { description: 'A page of changes', schema: versionDeltaSchema } },
    errors: [400, 404],
  });
  router.get('/v1/lists/:source/versions/:version/delta', requireScope('lists:read'), async (req, res) => {
    const source = String(req.params.source);
    const version = VERSION_NUMBER.test(String(req.params.version)) ? Number(req.params.version) : NaN;
    if (!isListSourceId(source) || !Number.isInteger(version))
      throw notFound(`Version ${req.params.version} of list ${source}`);
    const page = parseQuery(req, deltaPageSchema);
    const known = (await listVersions(deps.pool, source)).find((v) => v.version === version);
    if (!known) throw notFound(`Version ${version} of list ${source}`);
    const changes = await versionDelta(deps.pool, source, version, page);
    const last = changes.length === page.limit ? changes[changes.length - 1]?.entityId : undefined;
    res.json({
      source,
      version,
      counts: known.delta,
      changes,
      ...(last && {
        next: `/v1/lists/${source}/versions/${version}/delta?after=${encodeURIComponent(last)}&limit=${page.limit}`,
      }),
    });
  });

  documentRoute({
    method: 'get',
    path: '/v1/entities',
    tag: 'Lists',
    summary: 'Search listed entities by name (browsing, not screening)',
    scope: 'lists:read',
    query: searchSchema,
    responses: { 200: { description: 'The best name matches', schema: entitySearchSchema } },
    errors: [400],
  });
  router.get('/v1/entities', requireScope('lists:read'), async (req, res) => {
    const { q, limit } = parseQuery(req, searchSchema);
    res.json({ query: q, results: await searchEntities(deps.pool, q, limit) });
  });

  documentRoute({
    method: 'get',
    path: '/v1/entities/:id',
    tag: 'Lists',
    summary: 'One listed entity as its list states it',
    scope: 'lists:read',
    responses: { 200: { description: 'The entity', schema: entitySchema } },
    errors: [404],
  });
  router.get('/v1/entities/:id', requireScope('lists:read'), async (req, res) => {
    const entity = await findEntity(deps.pool, String(req.params.id));
    if (!entity) throw notFound(`Entity ${req.params.id}`);
    res.json(entity);
  });

  return router;
}
