import { Router } from 'express';
import {
  listScreeningHistory,
  nextHistoryPageQuery,
  screeningHistoryQuerySchema,
  toHistoryQuery,
} from '@sanctions/shared/history';
import type { ApiDeps } from '../api-deps';
import { requireScope } from '../http/authentication';
import { parseQuery } from '../http/query';
import { z } from 'zod';
import { nextLink } from '../openapi/common-schemas';
import { documentRoute } from '../openapi/route-docs';

// The history branch's rows, loosely: id, source and screenedAt are what every row has.
const historySchema = z.object({
  screenings: z.array(z.looseObject({ id: z.string(), source: z.string(), screenedAt: z.string() })),
  links: nextLink,
});

/** GET /v1/screenings: every screening result of the workspace (single, batch row, monitoring), newest first. */
export function screeningHistoryRoutes(deps: ApiDeps): Router {
  const router = Router();

  documentRoute({
    method: 'get',
    path: '/v1/screenings',
    tag: 'Screenings',
    summary: 'Every screening of the workspace (single, batch rows, monitoring), newest first',
    scope: 'screenings:read',
    query: screeningHistoryQuerySchema,
    responses: { 200: { description: 'A page of the history', schema: historySchema } },
    errors: [400],
  });
  router.get('/v1/screenings', requireScope('screenings:read'), async (req, res) => {
    const input = parseQuery(req, screeningHistoryQuerySchema);
    const query = toHistoryQuery(input);
    const { screenings, next } = await listScreeningHistory(deps.pool, req.principal!.workspaceId, query);
    res.json({
      screenings,
      links: { next: next ? `/v1/screenings?${nextHistoryPageQuery(input, query.limit, next)}` : null },
    });
  });

  return router;
}
