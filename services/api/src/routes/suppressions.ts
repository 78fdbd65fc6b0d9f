import { Router, type Request } from 'express';
import { z } from 'zod';
import { fieldErrorsFromZod, notFound, validationFailed } from '@sanctions/shared/errors';
import { endSuppression, importSuppression, listSuppressions } from '@sanctions/shared/suppressions';
import type { ApiDeps } from '../api-deps';
import { requireScope } from '../http/authentication';
import { isUuid, parseBody } from '../http/validation';

const DEFAULT_PAGE = 50;
const MAX_PAGE = 500;

const listQuerySchema = z.strictObject({
  reference: z.string().trim().min(1).max(200).optional(),
  entityId: z.string().trim().min(1).max(200).optional(),
  lapsed: z.enum(['true', 'false'], { error: 'must be true or false' }).optional(),
  cursor: z.uuid('must be the id of a suppression (links.next)').optional(),
  limit: z.coerce.number({ error: 'must be a number' }).int().min(1).max(MAX_PAGE, `must be at most ${MAX_PAGE}`).optional(),
});

const importSchema = z.strictObject({
  reference: z.string({ error: 'is required: the customer reference the decision is about' }).trim().min(1).max(200),
  entityId: z.string({ error: 'is required: the listed entity cleared' }).trim().min(1).max(200),
  note: z.string().trim().max(2000).optional(),
});

function parseQuery(req: Request) {
  const parsed = listQuerySchema.safeParse(req.query);
  if (!parsed.success) throw validationFailed('Some query parameters are not valid', fieldErrorsFromZod(parsed.error.issues));
  return parsed.data;
}

/** The false-positive memory of a workspace: list, import a decision made elsewhere, end one. */
export function suppressionRoutes(deps: ApiDeps): Router {
  const router = Router();

  router.get('/v1/suppressions', requireScope('alerts:read'), async (req, res) => {
    const q = parseQuery(req);
    const limit = q.limit ?? DEFAULT_PAGE;
    const suppressions = await listSuppressions(deps.pool, {
      workspaceId: req.principal!.workspaceId,
      limit,
      ...(q.reference && { reference: q.reference }),
      ...(q.entityId && { entityId: q.entityId }),
      ...(q.lapsed && { lapsed: q.lapsed === 'true' }),
      ...(q.cursor && { cursor: q.cursor }),
    });
    const last = suppressions.at(-1);
    let next: string | null = null;
    if (suppressions.length === limit && last) {
      const params = new URLSearchParams({ ...(q.reference && { reference: q.reference }), ...(q.entityId && { entityId: q.entityId }), ...(q.lapsed && { lapsed: q.lapsed }) });
      params.set('cursor', last.id);
      params.set('limit', String(limit));
      next = `/v1/suppressions?${params}`;
    }
    res.json({ suppressions, links: { next } });
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
    res.status(created ? 201 : 200).location(`/v1/suppressions/${suppression.id}`).json(suppression);
  });

  router.delete('/v1/suppressions/:id', requireScope('alerts:approve'), async (req, res) => {
    const id = String(req.params.id);
    if (!isUuid(id)) throw notFound(`Suppression ${id}`);
    res.json(await endSuppression(deps.pool, id, req.principal!.workspaceId, req.principal!.keyId));
  });

  return router;
}
