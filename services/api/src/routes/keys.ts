import { Router } from 'express';
import { z } from 'zod';
import {
  apiKeyRequestSchema,
  issueApiKey,
  listApiKeys,
  revokeApiKey,
  rotateApiKey,
  workspaceNameSchema,
} from '@sanctions/shared/auth';
import { notFound } from '@sanctions/shared/errors';
import type { ApiDeps } from '../api-deps';
import { requireScope } from '../http/authentication';
import { parseQuery } from '../http/query';
import { isUuid, parseBody } from '../http/validation';
import { documentRoute } from '../openapi/route-docs';
import { apiKeyListSchema, apiKeyWithSecretSchema } from '../openapi/schemas/workspace';

const listQuery = z.strictObject({
  workspace: workspaceNameSchema
    .optional()
    .meta({ description: 'Another workspace the caller manages (an operator key sees all)' }),
});

/** API keys: created, listed, rotated and revoked by an admin key of the workspace (or of the one that created it). */
export function keyRoutes(deps: ApiDeps): Router {
  const router = Router();
  const keyId = (raw: unknown): string => {
    const id = String(raw);
    if (!isUuid(id)) throw notFound(`API key ${id}`);
    return id;
  };

  documentRoute({
    method: 'post',
    path: '/v1/keys',
    tag: 'API keys',
    summary: 'Create an API key',
    scope: 'admin',
    body: { schema: apiKeyRequestSchema },
    responses: { 201: { description: 'The key, shown once', schema: apiKeyWithSecretSchema } },
    errors: [400, 404, 409, 413, 415],
  });
  router.post('/v1/keys', requireScope('admin'), async (req, res) => {
    const input = parseBody(req, apiKeyRequestSchema);
    const created = await issueApiKey(deps.pool, req.principal!, input);
    res.status(201).location(`/v1/keys/${created.id}`).json(created);
  });

  documentRoute({
    method: 'get',
    path: '/v1/keys',
    tag: 'API keys',
    summary: "The workspace's API keys (never the keys themselves)",
    scope: 'admin',
    query: listQuery,
    responses: { 200: { description: 'The keys', schema: apiKeyListSchema } },
    errors: [400],
  });
  router.get('/v1/keys', requireScope('admin'), async (req, res) => {
    const { workspace } = parseQuery(req, listQuery);
    const keys = await listApiKeys(deps.pool, req.principal!, workspace ? { workspace } : {});
    res.json({ keys });
  });

  documentRoute({
    method: 'delete',
    path: '/v1/keys/:id',
    tag: 'API keys',
    summary: 'Revoke an API key',
    scope: 'admin',
    responses: { 204: { description: 'Revoked' } },
    errors: [404, 409],
  });
  router.delete('/v1/keys/:id', requireScope('admin'), async (req, res) => {
    await revokeApiKey(deps.pool, req.principal!, keyId(req.params.id), deps.keyChanges);
    res.status(204).end();
  });

  documentRoute({
    method: 'post',
    path: '/v1/keys/:id/rotate',
    tag: 'API keys',
    summary: 'Replace an API key with a new one (same name and scopes)',
    scope: 'admin',
    responses: { 200: { description: 'The new key, shown once', schema: apiKeyWithSecretSchema } },
    errors: [404, 409],
  });
  router.post('/v1/keys/:id/rotate', requireScope('admin'), async (req, res) => {
    res.json(await rotateApiKey(deps.pool, req.principal!, keyId(req.params.id), deps.keyChanges));
  });

  return router;
}
