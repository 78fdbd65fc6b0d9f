import { Router } from 'express';
import { listScreeningHistory, nextHistoryPageQuery, screeningHistoryQuerySchema, toHistoryQuery } from '@sanctions/shared/history';
import type { ApiDeps } from '../api-deps';
import { requireScope } from '../http/authentication';
import { parseQuery } from '../http/query';

/** GET /v1/screenings: every screening result of the workspace (single, batch row, monitoring), newest first. */
export function screeningHistoryRoutes(deps: ApiDeps): Router {
  const router = Router();

  router.get('/v1/screenings', requireScope('screenings:read'), async (req, res) => {
    const input = parseQuery(req, screeningHistoryQuerySchema);
    const query = toHistoryQuery(input);
    const { screenings, next } = await listScreeningHistory(deps.pool, req.principal!.workspaceId, query);
    res.json({ screenings, links: { next: next ? `/v1/screenings?${nextHistoryPageQuery(input, query.limit, next)}` : null } });
  });

  return router;
}
