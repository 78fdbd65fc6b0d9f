import { Router, type Request } from 'express';
import {
  alertHistory,
  approveAlert,
  approveSchema,
  assignAlert,
  assignAlertSchema,
  decideAlert,
  decisionSchema,
  getAlert,
  listAlerts,
  nextPageQuery,
  parseAlertListQuery,
  rejectAlert,
  rejectSchema,
  type AlertActor,
} from '@sanctions/shared/alerts';
import { notFound } from '@sanctions/shared/errors';
import type { ApiDeps } from '../api-deps';
import { requireScope } from '../http/authentication';
import { isUuid, parseBody } from '../http/validation';

/** Alerts and their review: read with alerts:read, decided with alerts:review, approved or rejected with alerts:approve. */
export function alertRoutes(deps: ApiDeps): Router {
  const router = Router();
  const settings = { fourEyes: deps.config.review.fourEyes };

  /** The alert id of the path; a malformed one is as unknown as a missing one. */
  const alertId = (req: Request): string => {
    const id = String(req.params.id);
    if (!isUuid(id)) throw notFound(`Alert ${id}`);
    return id;
  };
  const actor = (req: Request): AlertActor => ({ keyId: req.principal!.keyId, name: req.principal!.name, workspaceId: req.principal!.workspaceId });

  router.get('/v1/alerts', requireScope('alerts:read'), async (req, res) => {
    const query = parseAlertListQuery(req.query as Record<string, unknown>, req.principal!.keyId);
    const { alerts, next } = await listAlerts(deps.pool, req.principal!.workspaceId, query);
    res.json({ alerts, links: { next: next ? `/v1/alerts?${nextPageQuery(query, req.query as Record<string, unknown>, next)}` : null } });
  });

  router.get('/v1/alerts/:id', requireScope('alerts:read'), async (req, res) => {
    const id = alertId(req);
    const alert = await getAlert(deps.pool, id, req.principal!.workspaceId);
    if (!alert) throw notFound(`Alert ${id}`);
    res.json(alert);
  });

  router.get('/v1/alerts/:id/history', requireScope('alerts:read'), async (req, res) => {
    const id = alertId(req);
    const events = await alertHistory(deps.pool, id, req.principal!.workspaceId);
    if (!events) throw notFound(`Alert ${id}`);
    res.json({ events });
  });

  router.post('/v1/alerts/:id/assign', requireScope('alerts:review'), async (req, res) => {
    const id = alertId(req);
    res.json(await assignAlert(deps.pool, id, actor(req), parseBody(req, assignAlertSchema)));
  });

  router.post('/v1/alerts/:id/decisions', requireScope('alerts:review'), async (req, res) => {
    const id = alertId(req);
    res.json(await decideAlert(deps.pool, id, actor(req), parseBody(req, decisionSchema), settings));
  });

  router.post('/v1/alerts/:id/approve', requireScope('alerts:approve'), async (req, res) => {
    const id = alertId(req);
    // The note is optional, so an empty body is an approval without one.
    const input = req.body === undefined && !req.is('application/json') ? {} : parseBody(req, approveSchema);
    res.json(await approveAlert(deps.pool, id, actor(req), input));
  });

  router.post('/v1/alerts/:id/reject', requireScope('alerts:approve'), async (req, res) => {
    const id = alertId(req);
    res.json(await rejectAlert(deps.pool, id, actor(req), parseBody(req, rejectSchema)));
  });

  return router;
}
