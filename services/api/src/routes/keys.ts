import { Router } from 'express';
import { apiKeyRequestSchema, issueApiKey, listApiKeys, revokeApiKey, rotateApiKey, workspaceNameSchema } from '@sanctions/shared/auth';
import { notFound, validationFailed } from '@sanctions/shared/errors';
import type { ApiDeps } from '../api-deps';
import { requireScope } from '../http/authentication';
import { isUuid, parseBody } from '../http/validation';

/** API keys: created, listed, rotated and revoked by an admin key of the workspace (or of the one that created it). */
export function keyRoutes(deps: ApiDeps): Router {
  const router = Router();
  const keyId = (raw: unknown): string => {
    const id = String(raw);
    if (!isUuid(id)) throw notFound(`API key ${id}`);
    return id;
  };

  router.post('/v1/keys', requireScope('admin'), async (req, res) => {
    const input = parseBody(req, apiKeyRequestSchema);
    const created = await issueApiKey(deps.pool, req.principal!, input);
    res.status(201).location(`/v1/keys/${created.id}`).json(created);
  });

  router.get('/v1/keys', requireScope('admin'), async (req, res) => {
    const workspace = req.query.workspace;
    if (workspace !== undefined && !workspaceNameSchema.safeParse(workspace).success) {
      throw validationFailed('Some query parameters are not valid', [{ field: 'workspace', message: 'must be a workspace name' }]);
    }
    const keys = await listApiKeys(deps.pool, req.principal!, typeof workspace === 'string' ? { workspace } : {});
    res.json({ keys });
  });

  router.delete('/v1/keys/:id', requireScope('admin'), async (req, res) => {
    await revokeApiKey(deps.pool, req.principal!, keyId(req.params.id));
    res.status(204).end();
  });

  router.post('/v1/keys/:id/rotate', requireScope('admin'), async (req, res) => {
    res.json(await rotateApiKey(deps.pool, req.principal!, keyId(req.params.id)));
  });

  return router;
}
