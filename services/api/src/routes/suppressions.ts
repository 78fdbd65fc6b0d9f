import { Router } from 'express';
import { z } from 'zod';
import { notFound } from '@sanctions/shared/errors';
import { endSuppression, importSuppression, listSuppressions } from '@sanctions/shared/suppressions';
import type { ApiDeps } from '../api-deps';
import { requireScope } from '../http/authentication';
import { parseQuery, queryBoolean, queryLimit, queryUuid } from '../http/query';
import { isUuid, parseBody } from '../http/validation';
import { documentRoute } from '../openapi/route-docs';
import { suppressionListSchema, suppressionSchema } from '../openapi/schemas/workspace';

const DEFAULT_PAGE = 50;
const MAX_PAGE = 500;

const listQuerySchema = z.strictObject({
  reference: z.string().trim().min(1).max(200).optional(),
  entityId: z.string().trim().min(1).max(200).optional(),
  lapsed: queryBoolean()
    .optional()
    .meta({ description: 'true: only those that stopped applying (the record changed); false: only those that apply' }),
  cursor: queryUuid('the id of a suppression (links.next)').optional(),
  limit: queryLimit(MAX_PAGE, DEFAULT_PAGE),
});

const importSchema = z.strictObject({
  reference: z.string({ error: 'is required: the customer reference the decision is about' }).trim().min(1).max(200),
  entityId: z.string({ error: 'is required: the listed entity cleared' }).trim().min(1).max(200),
  note: z.string().trim().max(2000).optional(),
});

/** The false-positive memory of a workspace: list, import a decision made elsewhere, end one. */
export function suppressionRoutes(deps: ApiDeps): Router {
  const router = Router();

  documentRoute({
    method: 'get',
    path: '/v1/suppressions',
    tag: 'Suppressions',
    summary: "The workspace's suppressions (cleared matches it remembers)",
    scope: 'alerts:read',
    query: listQuerySchema,
    responses: { 200: { description: 'A page of suppressions', schema: suppressionListSchema } },
    errors: [400],
  });
  router.get('/v1/suppressions', requireScope('alerts:read'), async (req, res) => {
    const q = parseQuery(req, listQuerySchema);
    const limit = q.limit;
    const suppressions = await listSuppressions(deps.pool, {
      workspaceId: req.principal!.workspaceId,
      limit,
      ...(q.reference && { reference: q.reference }),
      ...(q.entityId && { entityId: q.entityId }),
      ...(q.lapsed !== undefined && { lapsed: q.lapsed }),
      ...(q.cursor && { cursor: q.cursor }),
    });
    const last = suppressions.at(-1);
    let next: string | null = null;
    if (suppressions.length === limit && last) {
      const params = new URLSearchParams({
        ...(q.reference && { reference: q.reference }),
        ...(q.entityId && { entityId: q.entityId }),
        ...(q.lapsed !== undefined && { lapsed: String(q.lapsed) }),
      });
      params.set('cursor', last.id);
      params.set('limit', String(limit));
      next = `/v1/suppressions?${params}`;
    }
    res.json({ suppressions, links: { next } });
  });

  documentRoute({
    method: 'post',
    path: '/v1/suppressions',
    tag: 'Suppressions',
    summary: 'Import a false-positive decision made elsewhere',
    scope: 'alerts:approve',
    body: { schema: importSchema },
    responses: {
      200: { description: 'The same suppression existed', schema: suppressionSchema },
      201: { description: 'Created', schema: suppressionSchema },
    },
    errors: [400, 404, 409, 413, 415],
  });
  router.post('/v1/suppressions', requireScope('alerts:approve'), async (req, res) => {
    const body = parseBody(req, importSchema);
    const { suppression, created } = await importSuppression(deps.pool, {
      workspaceId: req.principal!.workspaceId,
      reference: body.reference,
      entityId: body.entityId,
      note: body.note ?? null,
      keyId: req.principal!.keyId,
    });
    res
      .status(created ? 201 : 200)
      .location(`/v1/suppressions/${suppression.id}`)
      .json(suppression);
  });

  documentRoute({
    method: 'delete',
    path: '/v1/suppressions/:id',
    tag: 'Suppressions',
    summary: 'End a suppression: the match is shown again',
    scope: 'alerts:approve',
    responses: { 200: { description: 'The suppression, ended', schema: suppressionSchema } },
    errors: [404, 409],
  });
  router.delete('/v1/suppressions/:id', requireScope('alerts:approve'), async (req, res) => {
    const id = String(req.params.id);
    if (!isUuid(id)) throw notFound(`Suppression ${id}`);
    res.json(await endSuppression(deps.pool, id, req.principal!.workspaceId, req.principal!.keyId));
  });

  return router;
}
