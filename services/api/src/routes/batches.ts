import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Router, type Request } from 'express';
import {
  batchErrors,
  batchResults,
  batchResultsCsv,
  cancelBatch,
  createBatchFromCsv,
  getBatch,
  type BatchView,
} from '@sanctions/shared/batches';
import { AppError, notFound, validationFailed } from '@sanctions/shared/errors';
import type { ApiDeps } from '../api-deps';
import { requireScope } from '../http/authentication';
import { isUuid } from '../http/validation';

const CSV_TYPES = ['text/csv', 'application/csv', 'text/plain'];
const DEFAULT_PAGE = 100;
const MAX_PAGE = 1000;
const MAX_IDEMPOTENCY_KEY_LENGTH = 200;

const links = (id: string) => ({ self: `/v1/batches/${id}`, results: `/v1/batches/${id}/results`, errors: `/v1/batches/${id}/errors` });

/** Counts the bytes of the body as they stream and stops the upload at the limit. */
function boundedBody(req: Request, maxBytes: number): AsyncIterable<Buffer> {
  let seen = 0;
  const limit = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      seen += chunk.length;
      if (seen > maxBytes) return done(new AppError('payload_too_large', `The file is larger than the ${maxBytes} bytes allowed`));
      done(null, chunk);
    },
  });
  req.on('error', (error) => limit.destroy(error));
  return req.pipe(limit);
}

function pageQuery(req: Request): { after: number; limit: number } {
  const after = req.query.after === undefined ? 0 : Number(req.query.after);
  const limit = req.query.limit === undefined ? DEFAULT_PAGE : Number(req.query.limit);
  const fields = [];
  if (!Number.isInteger(after) || after < 0) fields.push({ field: 'after', message: 'must be a line number (a non-negative integer)' });
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE) fields.push({ field: 'limit', message: `must be an integer from 1 to ${MAX_PAGE}` });
  if (fields.length > 0) throw validationFailed('Some query parameters are not valid', fields);
  return { after, limit };
}

function decisionQuery(req: Request): 'hit' | 'no_hit' | undefined {
  const decision = req.query.decision;
  if (decision === undefined) return undefined;
  if (decision === 'hit' || decision === 'no_hit') return decision;
  throw validationFailed('Some query parameters are not valid', [{ field: 'decision', message: 'must be hit or no_hit' }]);
}

export function batchRoutes(deps: ApiDeps): Router {
  const router = Router();
  // Shares the API's Redis client; BullMQ leaves a shared connection open, and main.ts closes it.
  const maxBytes = deps.config.http.maxBatchBytes;

  const findBatch = async (id: string): Promise<BatchView> => {
    const batch = isUuid(id) ? await getBatch(deps.pool, id) : undefined;
    if (!batch) throw notFound(`Batch ${id}`);
    return batch;
  };

  router.post('/v1/batches', requireScope('batches:write'), async (req, res) => {
    if (!req.is(CSV_TYPES)) throw new AppError('unsupported_media_type', 'Send the file as the request body with Content-Type: text/csv');
    if (Number(req.get('content-length') ?? 0) > maxBytes) throw new AppError('payload_too_large', `The file is larger than the ${maxBytes} bytes allowed`);
    const idempotencyKey = req.get('idempotency-key')?.trim() || null;
    if (idempotencyKey && idempotencyKey.length > MAX_IDEMPOTENCY_KEY_LENGTH) {
      throw validationFailed('The Idempotency-Key header is too long', [{ field: 'Idempotency-Key', message: `must be at most ${MAX_IDEMPOTENCY_KEY_LENGTH} characters` }]);
    }
    const filename = typeof req.query.filename === 'string' ? req.query.filename.slice(0, 255) : null;
    const { batch, created } = await createBatchFromCsv({ pool: deps.pool, queue: deps.batchQueue, logger: deps.logger }, boundedBody(req, maxBytes), {
      apiKeyId: req.principal?.keyId ?? null,
      idempotencyKey,
      filename,
    });
    res.status(created ? 202 : 200).location(links(batch.id).self).json({ id: batch.id, status: batch.status, links: links(batch.id) });
  });

  router.get('/v1/batches/:id', requireScope('batches:read'), async (req, res) => {
    const batch = await findBatch(String(req.params.id));
    res.json({ ...batch, links: links(batch.id) });
  });

  router.get('/v1/batches/:id/results', requireScope('batches:read'), async (req, res) => {
    const batch = await findBatch(String(req.params.id));
    const decision = decisionQuery(req);
    if (req.accepts(['application/json', 'text/csv']) === 'text/csv') {
      res.status(200).type('text/csv; charset=utf-8').attachment(`batch-${batch.id}-results.csv`);
      await pipeline(Readable.from(batchResultsCsv(deps.pool, batch.id, decision ? { decision } : {})), res);
      return;
    }
    const { after, limit } = pageQuery(req);
    const results = await batchResults(deps.pool, batch.id, { after, limit, ...(decision && { decision }) });
    const last = results[results.length - 1];
    const next = results.length === limit && last ? `/v1/batches/${batch.id}/results?after=${last.line}&limit=${limit}${decision ? `&decision=${decision}` : ''}` : null;
    res.json({ batchId: batch.id, status: batch.status, results, links: { next } });
  });

  router.get('/v1/batches/:id/errors', requireScope('batches:read'), async (req, res) => {
    const batch = await findBatch(String(req.params.id));
    const { after, limit } = pageQuery(req);
    const errors = await batchErrors(deps.pool, batch.id, { after, limit });
    const last = errors[errors.length - 1];
    const next = errors.length === limit && last ? `/v1/batches/${batch.id}/errors?after=${last.line}&limit=${limit}` : null;
    res.json({ batchId: batch.id, invalidRows: batch.invalidRows, errors, links: { next } });
  });

  router.delete('/v1/batches/:id', requireScope('batches:write'), async (req, res) => {
    const batch = await findBatch(String(req.params.id));
    const cancelled = await cancelBatch(deps.pool, batch.id);
    res.json({ ...(cancelled ?? batch), links: links(batch.id) });
  });

  return router;
}
