import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Router, type Request } from 'express';
import { z } from 'zod';
import {
  batchErrors,
  batchResults,
  batchResultsCsv,
  cancelBatch,
  createBatch,
  getBatch,
  isBatchFinished,
  listBatches,
  rescreenBatch,
  watchBatch,
  type BatchView,
  type UploadFormat,
} from '@sanctions/shared/batches';
import { hasScope } from '@sanctions/shared/auth';
import { AppError, forbidden, notFound, validationFailed } from '@sanctions/shared/errors';
import { channels } from '@sanctions/shared/queues';
import type { ApiDeps } from '../api-deps';
import { requireScope } from '../http/authentication';
import { idempotencyKeyOf } from '../http/idempotency';
import { multipartFile } from '../http/multipart-file';
import { BodyCutOffError, requestBody } from '../http/request-body';
import { INT4_MAX, parseQuery, queryBoolean, queryInteger, queryLimit, queryUuid } from '../http/query';
import { isUuid } from '../http/validation';
import { csvSchema, idempotencyHeader } from '../openapi/common-schemas';
import { documentRoute } from '../openapi/route-docs';
import {
  batchAcceptedSchema,
  batchErrorsSchema,
  batchListSchema,
  batchResultsSchema,
  batchWithLinksSchema,
} from '../openapi/schemas/batches';

const CSV_TYPES = ['text/csv', 'application/csv', 'text/plain'];
const JSON_TYPES = ['application/json'];
const MULTIPART = 'multipart/form-data';
/** How often a progress stream looks at the batch, and how often it proves the connection alive. */
const EVENTS_INTERVAL_MS = 500;
const EVENTS_HEARTBEAT_MS = 15_000;
const DEFAULT_PAGE = 100;
const MAX_PAGE = 1000;

const links = (id: string) => ({
  self: `/v1/batches/${id}`,
  results: `/v1/batches/${id}/results`,
  errors: `/v1/batches/${id}/errors`,
  events: `/v1/batches/${id}/events`,
});

const limitParam = queryLimit(MAX_PAGE, DEFAULT_PAGE);
/** A line number of the file: `after` is the last line of the previous page. */
const afterParam = queryInteger(0, INT4_MAX, 'a line number').optional().default(0);
const decisionParam = z.enum(['hit', 'no_hit'], { error: 'must be hit or no_hit' }).optional();

const uploadQuery = z.strictObject({
  filename: z
    .string()
    .transform((v) => v.slice(0, 255))
    .optional(),
  monitor: queryBoolean()
    .optional()
    .meta({ description: 'Also register every row as a monitored customer (needs customers:write)' }),
});
const batchesPageQuery = z.strictObject({ before: queryUuid('a batch id').optional(), limit: limitParam });
const resultsQuery = z.strictObject({ after: afterParam, limit: limitParam, decision: decisionParam });
const errorsQuery = z.strictObject({ after: afterParam, limit: limitParam });

export function batchRoutes(deps: ApiDeps): Router {
  const router = Router();
  // Shares the API's Redis client; BullMQ leaves a shared connection open, and main.ts closes it.
  const maxBytes = deps.config.http.maxBatchBytes;

  /** The batch named in the path, if it belongs to the caller's workspace: another workspace's batch is not found. */
  const findBatch = async (req: Request): Promise<BatchView> => {
    const id = String(req.params.id);
    const batch = isUuid(id) ? await getBatch(deps.pool, id, req.principal!.workspaceId) : undefined;
    if (!batch) throw notFound(`Batch ${id}`);
    return batch;
  };

  /** The upload as a byte stream and how to read it: a CSV or JSON body, or the file part of a form. */
  const uploadOf = async (
    req: Request,
  ): Promise<{ stream: AsyncIterable<Buffer>; format: UploadFormat; filename: string | null }> => {
    const queryName = parseQuery(req, uploadQuery).filename ?? null;
    if (req.is(MULTIPART)) {
      const file = await multipartFile(req, requestBody(req, maxBytes, deps.logger), maxBytes, deps.logger);
      const json = file.mimeType === 'application/json' || /\.json$/i.test(file.filename ?? '');
      return { stream: file.stream, format: json ? 'json' : 'csv', filename: queryName ?? file.filename };
    }
    if (req.is(JSON_TYPES))
      return { stream: requestBody(req, maxBytes, deps.logger), format: 'json', filename: queryName };
    if (req.is(CSV_TYPES))
      return { stream: requestBody(req, maxBytes, deps.logger), format: 'csv', filename: queryName };
    throw new AppError(
      'unsupported_media_type',
      'Send the file as the body (Content-Type: text/csv, or application/json for an array of records) or as the file of a multipart/form-data form',
    );
  };

  documentRoute({
    method: 'post',
    path: '/v1/batches',
    tag: 'Batches',
    summary: 'Upload a file of records to screen (CSV, a JSON array, or a form file)',
    scope: 'batches:write',
    description:
      'Upload a file of records to screen: a CSV body (a header row naming name, and optionally reference, birth_date, country, type), a JSON array of screening records, or either as the file of a multipart/form-data form.',
    query: uploadQuery,
    headers: idempotencyHeader,
    body: {
      content: {
        'text/csv': csvSchema,
        'application/json': z.array(z.record(z.string(), z.unknown())),
        'multipart/form-data': z.object({ file: z.string().meta({ format: 'binary' }) }),
      },
    },
    responses: {
      200: { description: 'The batch an Idempotency-Key retry repeats', schema: batchAcceptedSchema },
      202: { description: 'Received; screening has started', schema: batchAcceptedSchema },
    },
    errors: [400, 409, 413, 415],
  });
  router.post('/v1/batches', requireScope('batches:write'), async (req, res) => {
    if (Number(req.get('content-length') ?? 0) > maxBytes)
      throw new AppError('payload_too_large', `The file is larger than the ${maxBytes} bytes allowed`);
    const idempotencyKey = idempotencyKeyOf(req);
    const monitor = parseQuery(req, uploadQuery).monitor ?? false;
    if (monitor && !hasScope(req.principal!, 'customers:write'))
      throw forbidden('This API key lacks the customers:write scope, which monitor=true needs');
    const upload = await uploadOf(req);
    const { batch, created } = await createBatch(
      { pool: deps.pool, queue: deps.batchQueue, logger: deps.logger },
      upload.stream,
      {
        apiKeyId: req.principal?.keyId ?? null,
        idempotencyKey,
        filename: upload.filename,
        format: upload.format,
        monitor,
        requestId: req.requestId,
        senderConnected: () => req.complete || !req.socket?.destroyed,
      },
    ).catch((error: unknown) => {
      // The batch is failed already; the client, if still there, learns why.
      if (error instanceof BodyCutOffError)
        throw validationFailed(`${error.message}; the batch was failed, send the file again`, [
          { field: '(body)', message: error.message },
        ]);
      throw error;
    });
    // A batch finished by its upload has its batch.completed event waiting: wake the webhook dispatcher.
    // Not awaited: with Redis down the publish would wait in ioredis's offline queue; the dispatcher also polls.
    if (created && batch.status === 'done')
      void deps.redis.publish(channels(deps.config.queuePrefix).webhookEvents, batch.id).catch(() => undefined);
    res
      .status(created ? 202 : 200)
      .location(links(batch.id).self)
      .json({ id: batch.id, status: batch.status, links: links(batch.id) });
  });

  documentRoute({
    method: 'get',
    path: '/v1/batches',
    tag: 'Batches',
    summary: 'Batches of the workspace, newest first',
    scope: 'batches:read',
    query: batchesPageQuery,
    responses: { 200: { description: 'A page of batches', schema: batchListSchema } },
    errors: [400],
  });
  router.get('/v1/batches', requireScope('batches:read'), async (req, res) => {
    const { before, limit } = parseQuery(req, batchesPageQuery);
    const batches = await listBatches(deps.pool, {
      workspaceId: req.principal!.workspaceId,
      limit,
      ...(before && { before }),
    });
    const last = batches[batches.length - 1];
    const next = batches.length === limit && last ? `/v1/batches?before=${last.id}&limit=${limit}` : null;
    res.json({ batches: batches.map((b) => ({ ...b, links: links(b.id) })), links: { next } });
  });

  documentRoute({
    method: 'post',
    path: '/v1/batches/:id/rescreen',
    tag: 'Batches',
    summary: "Screen a batch's file again against today's lists",
    scope: 'batches:write',
    headers: idempotencyHeader,
    responses: {
      200: { description: 'The re-screen an Idempotency-Key retry repeats', schema: batchAcceptedSchema },
      202: { description: 'The new batch', schema: batchAcceptedSchema },
    },
    errors: [400, 404, 409],
  });
  router.post('/v1/batches/:id/rescreen', requireScope('batches:write'), async (req, res) => {
    const source = await findBatch(req);
    if (source.status === 'receiving')
      throw new AppError('conflict', 'This batch is still being received; re-screen it once its file has arrived');
    const { batch, created } = await rescreenBatch(
      { pool: deps.pool, queue: deps.batchQueue, logger: deps.logger },
      source.id,
      {
        apiKeyId: req.principal?.keyId ?? null,
        idempotencyKey: idempotencyKeyOf(req),
        requestId: req.requestId,
      },
    );
    res
      .status(created ? 202 : 200)
      .location(links(batch.id).self)
      .json({ id: batch.id, status: batch.status, rescreenOf: source.id, links: links(batch.id) });
  });

  documentRoute({
    method: 'get',
    path: '/v1/batches/:id/events',
    tag: 'Batches',
    summary: "A batch's progress as server-sent events until it finishes",
    scope: 'batches:read',
    responses: {
      200: {
        description: 'progress events, then one of done, failed or cancelled; each data is the batch as JSON',
        content: { 'text/event-stream': z.string() },
      },
    },
    errors: [404],
  });
  router.get('/v1/batches/:id/events', requireScope('batches:read'), async (req, res) => {
    const batch = await findBatch(req);
    res.status(200).set({
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-cache',
      'X-Accel-Buffering': 'no',
    });
    res.flushHeaders();
    const stop = new AbortController();
    res.on('close', () => stop.abort());
    const heartbeat = setInterval(() => res.write(': keep-alive\n\n'), EVENTS_HEARTBEAT_MS);
    try {
      res.write(`retry: 2000\n\n`);
      for await (const view of watchBatch(deps.pool, batch.id, {
        intervalMs: EVENTS_INTERVAL_MS,
        signal: stop.signal,
      })) {
        const event = isBatchFinished(view.status) ? view.status : 'progress';
        res.write(`event: ${event}\ndata: ${JSON.stringify({ ...view, links: links(view.id) })}\n\n`);
      }
    } finally {
      clearInterval(heartbeat);
      res.end();
    }
  });

  documentRoute({
    method: 'get',
    path: '/v1/batches/:id',
    tag: 'Batches',
    summary: 'A batch and its progress',
    scope: 'batches:read',
    responses: { 200: { description: 'The batch', schema: batchWithLinksSchema } },
    errors: [404],
  });
  router.get('/v1/batches/:id', requireScope('batches:read'), async (req, res) => {
    const batch = await findBatch(req);
    res.json({ ...batch, links: links(batch.id) });
  });

  documentRoute({
    method: 'get',
    path: '/v1/batches/:id/results',
    tag: 'Batches',
    summary: "A batch's results by line, as JSON pages or one CSV (Accept: text/csv)",
    scope: 'batches:read',
    query: resultsQuery,
    responses: {
      200: {
        description: 'A page of results, or all of them as CSV',
        schema: batchResultsSchema,
        content: { 'text/csv': csvSchema },
      },
    },
    errors: [400, 404],
  });
  router.get('/v1/batches/:id/results', requireScope('batches:read'), async (req, res) => {
    const { after, limit, decision } = parseQuery(req, resultsQuery);
    const batch = await findBatch(req);
    if (req.accepts(['application/json', 'text/csv']) === 'text/csv') {
      res.status(200).type('text/csv; charset=utf-8').attachment(`batch-${batch.id}-results.csv`);
      await pipeline(Readable.from(batchResultsCsv(deps.pool, batch.id, decision ? { decision } : {})), res);
      return;
    }
    const results = await batchResults(deps.pool, batch.id, { after, limit, ...(decision && { decision }) });
    const last = results[results.length - 1];
    const next =
      results.length === limit && last
        ? `/v1/batches/${batch.id}/results?after=${last.line}&limit=${limit}${decision ? `&decision=${decision}` : ''}`
        : null;
    res.json({ batchId: batch.id, status: batch.status, results, links: { next } });
  });

  documentRoute({
    method: 'get',
    path: '/v1/batches/:id/errors',
    tag: 'Batches',
    summary: 'The rows of a batch that could not be screened, and why',
    scope: 'batches:read',
    query: errorsQuery,
    responses: { 200: { description: 'A page of row errors', schema: batchErrorsSchema } },
    errors: [400, 404],
  });
  router.get('/v1/batches/:id/errors', requireScope('batches:read'), async (req, res) => {
    const { after, limit } = parseQuery(req, errorsQuery);
    const batch = await findBatch(req);
    const errors = await batchErrors(deps.pool, batch.id, { after, limit });
    const last = errors[errors.length - 1];
    const next =
      errors.length === limit && last ? `/v1/batches/${batch.id}/errors?after=${last.line}&limit=${limit}` : null;
    res.json({ batchId: batch.id, invalidRows: batch.invalidRows, errors, links: { next } });
  });

  documentRoute({
    method: 'delete',
    path: '/v1/batches/:id',
    tag: 'Batches',
    summary: 'Cancel a batch',
    scope: 'batches:write',
    responses: { 200: { description: 'The batch, cancelled (or as it finished)', schema: batchWithLinksSchema } },
    errors: [404],
  });
  router.delete('/v1/batches/:id', requireScope('batches:write'), async (req, res) => {
    const batch = await findBatch(req);
    const cancelled = await cancelBatch(deps.pool, batch.id);
    res.json({ ...(cancelled ?? batch), links: links(batch.id) });
  });

  return router;
}
