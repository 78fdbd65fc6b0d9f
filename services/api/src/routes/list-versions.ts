import { Router, type Request } from 'express';
import { z } from 'zod';
import { AppError, fieldErrorsFromZod, notFound, validationFailed } from '@sanctions/shared/errors';
import {
  findListVersion,
  isListSourceId,
  setListEnabled,
  startListImport,
  versionWarnings,
  type ListSourceId,
} from '@sanctions/shared/lists';
import { channels } from '@sanctions/shared/queues';
import type { ApiDeps } from '../api-deps';
import { requireScope } from '../http/authentication';
import { receiveListFiles } from '../http/list-files-upload';
import { INT4_MAX, parseQuery, queryBoolean, queryInteger, queryLimit } from '../http/query';
import { documentRoute } from '../openapi/route-docs';
import {
  listStateSchema,
  listUploadUnchangedSchema,
  listVersionWithLinksSchema,
  versionWarningsSchema,
} from '../openapi/schemas/lists';

const DIGITS = /^\d{1,9}$/;

const warningsPageSchema = z.strictObject({
  after: queryInteger(0, INT4_MAX, 'the position of the last warning of the previous page').default(0),
  limit: queryLimit(1000, 100),
});

const uploadQuery = z.strictObject({
  wait: queryBoolean()
    .optional()
    .meta({ description: 'Answer once the import is done (201) instead of at once (202)' }),
});

const stateBodySchema = z.strictObject({ reason: z.string().trim().min(1).max(500).optional() });

function sourceOf(req: Request): ListSourceId {
  const source = String(req.params.source);
  if (!isListSourceId(source)) throw notFound(`List ${source}`);
  return source;
}

function versionOf(req: Request): number {
  const raw = String(req.params.version);
  if (!DIGITS.test(raw)) throw notFound(`Version ${raw} of list ${String(req.params.source)}`);
  return Number(raw);
}

const versionLinks = (source: string, version: number) => ({
  self: `/v1/lists/${source}/versions/${version}`,
  warnings: `/v1/lists/${source}/versions/${version}/warnings`,
  delta: `/v1/lists/${source}/versions/${version}/delta`,
});

/** Loading lists over HTTP, reading a version's progress and warnings, and turning lists off and on. */
export function listVersionRoutes(deps: ApiDeps): Router {
  const router = Router();
  const announce = (source: string) => deps.redis.publish(channels(deps.config.queuePrefix).listVersionChanged, source);

  documentRoute({
    method: 'post',
    path: '/v1/lists/:source/versions',
    tag: 'Lists',
    summary: "Upload a list's files and import them as a new version",
    scope: 'lists:write',
    query: uploadQuery,
    body: {
      content: {
        'multipart/form-data': z.object({ file: z.string().meta({ format: 'binary' }), format: z.string().optional() }),
      },
    },
    responses: {
      200: { description: 'The files are those of the active version', schema: listUploadUnchangedSchema },
      201: { description: 'Imported and active (wait=true)', schema: listVersionWithLinksSchema },
      202: { description: 'Importing; follow links.self', schema: listVersionWithLinksSchema },
    },
    errors: [400, 404, 409, 413, 415],
  });
  router.post('/v1/lists/:source/versions', requireScope('lists:write'), async (req, res) => {
    const source = sourceOf(req);
    const { wait } = parseQuery(req, uploadQuery);
    if (!req.is('multipart/form-data')) {
      throw new AppError(
        'unsupported_media_type',
        `Send the list's files as multipart/form-data, e.g. curl -F file=@consolidated.xml ${req.originalUrl}`,
      );
    }
    const { received, fields } = await receiveListFiles(req, deps.config.http.maxListUploadBytes);
    const started = await startListImport(deps.pool, source, fields.format || undefined, received, {
      onActivated: announce,
      onFailed: (error) =>
        deps.logger.warn('list upload import failed; the previous version stays active', {
          source,
          error: (error as Error).message,
        }),
    });
    if (started.status === 'unchanged') {
      const { result } = started;
      res.status(200).json({
        source,
        status: 'unchanged',
        version: result.version,
        entityCount: result.entityCount,
        links: versionLinks(source, result.version),
      });
      return;
    }
    if (wait) {
      const result = await started.done;
      res.status(201).json({
        ...(await findListVersion(deps.pool, source, result.version)),
        source,
        links: versionLinks(source, result.version),
      });
      return;
    }
    const view = await findListVersion(deps.pool, source, started.version);
    res
      .status(202)
      .location(versionLinks(source, started.version).self)
      .json({ ...view, source, links: versionLinks(source, started.version) });
  });

  documentRoute({
    method: 'get',
    path: '/v1/lists/:source/versions/:version',
    tag: 'Lists',
    summary: "One version of a list, with its import's progress",
    scope: 'lists:read',
    responses: { 200: { description: 'The version', schema: listVersionWithLinksSchema } },
    errors: [404],
  });
  router.get('/v1/lists/:source/versions/:version', requireScope('lists:read'), async (req, res) => {
    const source = sourceOf(req);
    const version = versionOf(req);
    const view = await findListVersion(deps.pool, source, version);
    if (!view) throw notFound(`Version ${version} of list ${source}`);
    res.json({ ...view, source, links: versionLinks(source, version) });
  });

  documentRoute({
    method: 'get',
    path: '/v1/lists/:source/versions/:version/warnings',
    tag: 'Lists',
    summary: 'What the import of a version skipped, and why',
    scope: 'lists:read',
    query: warningsPageSchema,
    responses: { 200: { description: 'A page of warnings', schema: versionWarningsSchema } },
    errors: [400, 404],
  });
  router.get('/v1/lists/:source/versions/:version/warnings', requireScope('lists:read'), async (req, res) => {
    const source = sourceOf(req);
    const version = versionOf(req);
    const page = parseQuery(req, warningsPageSchema);
    const view = await findListVersion(deps.pool, source, version);
    if (!view) throw notFound(`Version ${version} of list ${source}`);
    const warnings = await versionWarnings(deps.pool, source, version, page);
    const last = warnings.length === page.limit ? warnings[warnings.length - 1]?.position : undefined;
    res.json({
      source,
      version,
      total: view.warningCount,
      warnings,
      ...(last !== undefined && {
        next: `/v1/lists/${source}/versions/${version}/warnings?after=${last}&limit=${page.limit}`,
      }),
    });
  });

  for (const action of ['disable', 'enable'] as const) {
    documentRoute({
      method: 'post',
      path: `/v1/lists/:source/${action}`,
      tag: 'Lists',
      summary: action === 'disable' ? 'Stop screening against a list (it is kept)' : 'Screen against a list again',
      scope: 'lists:write',
      body: { schema: stateBodySchema, required: false },
      responses: {
        200: { description: 'Whether the list is screened now, and whether this changed it', schema: listStateSchema },
      },
      // Disabling the last list screened against is refused (409).
      errors: action === 'disable' ? [400, 404, 409, 413, 415] : [400, 404, 413, 415],
    });
    router.post(`/v1/lists/:source/${action}`, requireScope('lists:write'), async (req, res) => {
      const source = sourceOf(req);
      const parsed = stateBodySchema.safeParse(req.body ?? {});
      if (!parsed.success) throw validationFailed('Some fields are not valid', fieldErrorsFromZod(parsed.error.issues));
      const change = await setListEnabled(deps.pool, source, action === 'enable', {
        actor: req.principal?.keyId,
        reason: parsed.data.reason,
      });
      // The workers' index leaves a disabled list out (or takes it back) on this message.
      if (change.changed)
        await announce(source).catch((error: unknown) =>
          deps.logger.warn('could not announce the list change', { source, error }),
        );
      res.json({ source, enabled: change.enabled, changed: change.changed, links: { lists: '/v1/lists' } });
    });
  }

  return router;
}
