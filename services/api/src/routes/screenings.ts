import { Router, type RequestHandler } from 'express';
import { z } from 'zod';
import { AppError, notFound } from '@sanctions/shared/errors';
import {
  getScreening,
  parseScreeningRequest,
  recordUnanswered,
  screeningRequestSchema,
  submitScreening,
  withdrawUnanswered,
} from '@sanctions/shared/screening';
import type { ApiDeps } from '../api-deps';
import { requireScope } from '../http/authentication';
import { idempotencyKeyOf } from '../http/idempotency';
import { sendJsonText } from '../http/json-text-response';
import { parseQuery, queryBoolean } from '../http/query';
import { isUuid } from '../http/validation';
import { idempotencyHeader } from '../openapi/common-schemas';
import { documentRoute } from '../openapi/route-docs';
import { screeningAcceptedSchema, screeningSchema } from '../openapi/schemas/screenings';

const submitQuery = z.strictObject({
  wait: queryBoolean()
    .optional()
    .meta({ description: 'Wait (up to SCREENING_WAIT_MAX_MS) and answer the result instead of its id' }),
});

/**
 * Mounted before every other router (the hot path), so before the app's JSON parser: `readBody` parses and checks
 * the body of both routes here, ahead of the scope check as on every other route.
 */
export function screeningRoutes(deps: ApiDeps, readBody: RequestHandler[]): Router {
  const router = Router();

  documentRoute({
    method: 'post',
    path: '/v1/screenings',
    tag: 'Screenings',
    summary: 'Screen one name',
    scope: 'screenings:write',
    query: submitQuery,
    headers: idempotencyHeader,
    body: { schema: screeningRequestSchema },
    responses: {
      200: {
        description: 'The result (wait=true), or the screening an Idempotency-Key retry repeats',
        schema: z.union([screeningSchema, screeningAcceptedSchema]),
      },
      202: { description: 'Recorded and queued; poll links.self', schema: screeningAcceptedSchema },
    },
    errors: [400, 409, 413, 415],
  });
  router.post('/v1/screenings', ...readBody, requireScope('screenings:write'), async (req, res) => {
    const { wait } = parseQuery(req, submitQuery);
    if (!req.is('application/json'))
      throw new AppError(
        'unsupported_media_type',
        'Send the body as application/json (a file of many records goes to POST /v1/batches)',
      );
    const request = parseScreeningRequest(req.body);
    const workspaceId = req.principal!.workspaceId;
    // A waiting request leaves its row to the worker, which inserts it answered (one write instead of two).
    const { id, status, created, queued, unrecorded } = await submitScreening(
      deps,
      request,
      req.principal?.keyId ?? null,
      idempotencyKeyOf(req),
      req.requestId,
      wait === true,
    );
    const location = `/v1/screenings/${id}`;
    let stored = !unrecorded;
    try {
      // Not queued yet (Redis down): nothing will settle it within the wait, so the id is the answer.
      if (queued && wait) {
        const { settled, answer } = await deps.waiter.waitForAnswer(id, deps.config.screening.waitMaxMs);
        // The worker's answer, committed before it was announced: this key's own screening, so its workspace's.
        if (answer) return sendJsonText(res, 200, location, answer);
        const view = settled ? await getScreening(deps.pool, id, workspaceId) : undefined;
        if (view) return void res.status(200).location(location).json(view);
      }
      // No answer to send: the screening is stored queued before its id goes out, unless the worker's row came first.
      if (unrecorded) {
        const inserted = await recordUnanswered(deps.pool, unrecorded);
        stored = true;
        const view = inserted ? undefined : await getScreening(deps.pool, id, workspaceId);
        if (view) return void res.status(200).location(location).json(view);
      }
    } catch (error) {
      // Postgres failed us before the screening was stored: its client gets an error, not an id, so its job is taken
      // back as far as it can be (a retry of the request must not find it screened twice).
      if (!stored) await withdrawUnanswered(deps.queue, unrecorded!).catch(() => undefined);
      throw error;
    }
    res
      .status(created ? 202 : 200)
      .location(location)
      .json({ id, status, links: { self: location } });
  });

  documentRoute({
    method: 'get',
    path: '/v1/screenings/:id',
    tag: 'Screenings',
    summary: 'A screening and its result',
    scope: 'screenings:read',
    responses: { 200: { description: 'The screening', schema: screeningSchema } },
    errors: [404],
  });
  router.get('/v1/screenings/:id', ...readBody, requireScope('screenings:read'), async (req, res) => {
    const id = String(req.params.id);
    const view = isUuid(id) ? await getScreening(deps.pool, id, req.principal!.workspaceId) : undefined;
    if (!view) throw notFound(`Screening ${id}`);
    res.json(view);
  });

  return router;
}
