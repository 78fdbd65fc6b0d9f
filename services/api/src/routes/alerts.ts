import { Router, type Request } from 'express';
import {
  alertHistory,
  alertListQuerySchema,
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
import { documentRoute } from '../openapi/route-docs';
import { alertHistorySchema, alertListSchema, alertSchema } from '../openapi/schemas/alerts';

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
  const actor = (req: Request): AlertActor => ({
    keyId: req.principal!.keyId,
    name: req.principal!.name,
    workspaceId: req.principal!.workspaceId,
  });

  documentRoute({
    method: 'get',
    path: '/v1/alerts',
    tag: 'Alerts',
    summary: 'Alerts of the workspace, filtered and sorted, a page at a time',
    scope: 'alerts:read',
    query: alertListQuerySchema,
    responses: { 200: { description: 'A page of alerts; links.next reads the next', schema: alertListSchema } },
    errors: [400],
  });
  router.get('/v1/alerts', requireScope('alerts:read'), async (req, res) => {
    const query = parseAlertListQuery(req.query as Record<string, unknown>, req.principal!.keyId);
    const { alerts, next } = await listAlerts(deps.pool, req.principal!.workspaceId, query);
    res.json({
      alerts,
      links: { next: next ? `/v1/alerts?${nextPageQuery(query, req.query as Record<string, unknown>, next)}` : null },
    });
  });

  documentRoute({
    method: 'get',
    path: '/v1/alerts/:id',
    tag: 'Alerts',
    summary: 'One alert',
    scope: 'alerts:read',
    responses: { 200: { description: 'The alert', schema: alertSchema } },
    errors: [404],
  });
  router.get('/v1/alerts/:id', requireScope('alerts:read'), async (req, res) => {
    const id = alertId(req);
    const alert = await getAlert(deps.pool, id, req.principal!.workspaceId);
    if (!alert) throw notFound(`Alert ${id}`);
    res.json(alert);
  });

  documentRoute({
    method: 'get',
    path: '/v1/alerts/:id/history',
    tag: 'Alerts',
    summary: 'What was done on an alert, by whom, in order',
    scope: 'alerts:read',
    responses: { 200: { description: 'The events', schema: alertHistorySchema } },
    errors: [404],
  });
  router.get('/v1/alerts/:id/history', requireScope('alerts:read'), async (req, res) => {
    const id = alertId(req);
    const events = await alertHistory(deps.pool, id, req.principal!.workspaceId);
    if (!events) throw notFound(`Alert ${id}`);
    res.json({ events });
  });

  documentRoute({
    method: 'post',
    path: '/v1/alerts/:id/assign',
    tag: 'Alerts',
    summary: 'Assign an alert to a key ("me") or unassign it (null)',
    scope: 'alerts:review',
    body: { schema: assignAlertSchema },
    responses: { 200: { description: 'The alert', schema: alertSchema } },
    errors: [400, 404, 409, 413, 415],
  });
  router.post('/v1/alerts/:id/assign', requireScope('alerts:review'), async (req, res) => {
    const id = alertId(req);
    res.json(await assignAlert(deps.pool, id, actor(req), parseBody(req, assignAlertSchema)));
  });

  documentRoute({
    method: 'post',
    path: '/v1/alerts/:id/decisions',
    tag: 'Alerts',
    summary: 'Decide one match of an alert',
    scope: 'alerts:review',
    body: { schema: decisionSchema },
    responses: {
      200: { description: 'The alert, closed or awaiting approval once every match is decided', schema: alertSchema },
    },
    errors: [400, 404, 409, 413, 415],
  });
  router.post('/v1/alerts/:id/decisions', requireScope('alerts:review'), async (req, res) => {
    const id = alertId(req);
    res.json(await decideAlert(deps.pool, id, actor(req), parseBody(req, decisionSchema), settings));
  });

  documentRoute({
    method: 'post',
    path: '/v1/alerts/:id/approve',
    tag: 'Alerts',
    summary: "Approve an alert's decisions (four-eyes review)",
    scope: 'alerts:approve',
    body: { schema: approveSchema, required: false },
    responses: { 200: { description: 'The alert, closed', schema: alertSchema } },
    errors: [400, 404, 409, 413, 415],
  });
  router.post('/v1/alerts/:id/approve', requireScope('alerts:approve'), async (req, res) => {
    const id = alertId(req);
    // The note is optional, so an empty body is an approval without one.
    const input = req.body === undefined && !req.is('application/json') ? {} : parseBody(req, approveSchema);
    res.json(await approveAlert(deps.pool, id, actor(req), input));
  });

  documentRoute({
    method: 'post',
    path: '/v1/alerts/:id/reject',
    tag: 'Alerts',
    summary: "Send an alert's decisions back for review (four-eyes review)",
    scope: 'alerts:approve',
    body: { schema: rejectSchema },
    responses: { 200: { description: 'The alert, back in review', schema: alertSchema } },
    errors: [400, 404, 409, 413, 415],
  });
  router.post('/v1/alerts/:id/reject', requireScope('alerts:approve'), async (req, res) => {
    const id = alertId(req);
    res.json(await rejectAlert(deps.pool, id, actor(req), parseBody(req, rejectSchema)));
  });

  return router;
}
