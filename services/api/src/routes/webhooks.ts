import { Router, type Request } from 'express';
import { z } from 'zod';
import { notFound } from '@sanctions/shared/errors';
import { channels } from '@sanctions/shared/queues';
import {
  createSubscription,
  createWebhookSchema,
  deleteSubscription,
  getDelivery,
  getSubscription,
  listDeliveries,
  listSubscriptions,
  redeliver,
  rotateSecret,
  rotateSecretSchema,
  sendTestEvent,
  updateSubscription,
  updateWebhookSchema,
  type WebhookOwner,
} from '@sanctions/shared/webhooks';
import type { ApiDeps } from '../api-deps';
import { requireScope } from '../http/authentication';
import { parseQuery, queryLimit, queryUuid } from '../http/query';
import { isUuid, parseBody } from '../http/validation';
import { documentRoute } from '../openapi/route-docs';
import {
  deliveryListSchema,
  deliverySchema,
  testEventSchema,
  webhookListSchema,
  webhookSchema,
  webhookWithSecretSchema,
} from '../openapi/schemas/webhooks';

const deliveriesQuerySchema = z.strictObject({
  status: z.enum(['pending', 'succeeded', 'dead'], { error: 'must be one of pending, succeeded, dead' }).optional(),
  before: queryUuid('the id of a delivery').optional(),
  limit: queryLimit(100, 20),
});

const owner = (req: Request): WebhookOwner => ({
  keyId: req.principal!.keyId,
  workspaceId: req.principal!.workspaceId,
});

function webhookId(req: Request): string {
  const id = String(req.params.id);
  if (!isUuid(id)) throw notFound(`Webhook ${id}`);
  return id;
}

/** Subscriptions belong to the workspace of the key that created them; other workspaces get 404. */
export function webhookRoutes(deps: ApiDeps): Router {
  const router = Router();
  const settings = { allowedHosts: deps.config.webhooks.allowedHosts, maxRetryMs: deps.config.webhooks.maxRetryMs };
  const manage = requireScope('webhooks:manage');
  const wakeDispatcher = () =>
    deps.redis.publish(channels(deps.config.queuePrefix).webhookEvents, 'test').catch(() => undefined);

  documentRoute({
    method: 'post',
    path: '/v1/webhooks',
    tag: 'Webhooks',
    summary: 'Subscribe a URL to events',
    scope: 'webhooks:manage',
    body: { schema: createWebhookSchema },
    responses: {
      201: { description: 'The subscription and its signing secret, shown once', schema: webhookWithSecretSchema },
    },
    errors: [400, 413, 415],
  });
  router.post('/v1/webhooks', manage, async (req, res) => {
    const { subscription, secret } = await createSubscription(
      deps.pool,
      owner(req),
      parseBody(req, createWebhookSchema),
      settings,
    );
    res
      .status(201)
      .location(subscription.links.self)
      .json({ ...subscription, secret });
  });

  documentRoute({
    method: 'get',
    path: '/v1/webhooks',
    tag: 'Webhooks',
    summary: "The workspace's subscriptions",
    scope: 'webhooks:manage',
    responses: { 200: { description: 'The subscriptions', schema: webhookListSchema } },
    errors: [],
  });
  router.get('/v1/webhooks', manage, async (req, res) => {
    res.json({ webhooks: await listSubscriptions(deps.pool, owner(req)) });
  });

  documentRoute({
    method: 'get',
    path: '/v1/webhooks/:id',
    tag: 'Webhooks',
    summary: 'One subscription',
    scope: 'webhooks:manage',
    responses: { 200: { description: 'The subscription', schema: webhookSchema } },
    errors: [404],
  });
  router.get('/v1/webhooks/:id', manage, async (req, res) => {
    res.json(await getSubscription(deps.pool, owner(req), webhookId(req)));
  });

  documentRoute({
    method: 'patch',
    path: '/v1/webhooks/:id',
    tag: 'Webhooks',
    summary: 'Change a subscription (URL, events, filters, status)',
    scope: 'webhooks:manage',
    body: { schema: updateWebhookSchema },
    responses: { 200: { description: 'The subscription', schema: webhookSchema } },
    errors: [400, 404, 413, 415],
  });
  router.patch('/v1/webhooks/:id', manage, async (req, res) => {
    const id = webhookId(req);
    res.json(await updateSubscription(deps.pool, owner(req), id, parseBody(req, updateWebhookSchema), settings));
  });

  documentRoute({
    method: 'delete',
    path: '/v1/webhooks/:id',
    tag: 'Webhooks',
    summary: 'Delete a subscription',
    scope: 'webhooks:manage',
    responses: { 204: { description: 'Deleted' } },
    errors: [404],
  });
  router.delete('/v1/webhooks/:id', manage, async (req, res) => {
    await deleteSubscription(deps.pool, owner(req), webhookId(req));
    res.status(204).end();
  });

  documentRoute({
    method: 'post',
    path: '/v1/webhooks/:id/rotate-secret',
    tag: 'Webhooks',
    summary: 'Rotate the signing secret; the previous one signs beside it for the grace period',
    scope: 'webhooks:manage',
    body: { schema: rotateSecretSchema, required: false },
    responses: {
      200: { description: 'The subscription and its new secret, shown once', schema: webhookWithSecretSchema },
    },
    errors: [400, 404, 413, 415],
  });
  router.post('/v1/webhooks/:id/rotate-secret', manage, async (req, res) => {
    const id = webhookId(req);
    const { gracePeriodHours } =
      req.body === undefined ? rotateSecretSchema.parse({}) : parseBody(req, rotateSecretSchema);
    const { subscription, secret } = await rotateSecret(deps.pool, owner(req), id, gracePeriodHours);
    res.json({ ...subscription, secret });
  });

  documentRoute({
    method: 'post',
    path: '/v1/webhooks/:id/test',
    tag: 'Webhooks',
    summary: 'Send a webhook.test event',
    scope: 'webhooks:manage',
    responses: { 202: { description: 'Queued for delivery', schema: testEventSchema } },
    errors: [404, 409],
  });
  router.post('/v1/webhooks/:id/test', manage, async (req, res) => {
    const id = webhookId(req);
    const { eventId } = await sendTestEvent(deps.pool, owner(req), id);
    await wakeDispatcher();
    res.status(202).json({ eventId, type: 'webhook.test', links: { deliveries: `/v1/webhooks/${id}/deliveries` } });
  });

  documentRoute({
    method: 'get',
    path: '/v1/webhooks/:id/deliveries',
    tag: 'Webhooks',
    summary: "A subscription's deliveries, newest first",
    scope: 'webhooks:manage',
    query: deliveriesQuerySchema,
    responses: { 200: { description: 'A page of deliveries', schema: deliveryListSchema } },
    errors: [400, 404],
  });
  router.get('/v1/webhooks/:id/deliveries', manage, async (req, res) => {
    const id = webhookId(req);
    const { status, before, limit } = parseQuery(req, deliveriesQuerySchema);
    const deliveries = await listDeliveries(deps.pool, owner(req), id, { status, before, limit });
    const last = deliveries[deliveries.length - 1];
    const next =
      deliveries.length === limit && last
        ? `/v1/webhooks/${id}/deliveries?before=${last.id}&limit=${limit}${status ? `&status=${status}` : ''}`
        : null;
    res.json({ webhookId: id, deliveries, links: { next } });
  });

  documentRoute({
    method: 'get',
    path: '/v1/webhooks/:id/deliveries/:deliveryId',
    tag: 'Webhooks',
    summary: 'One delivery and its attempts',
    scope: 'webhooks:manage',
    responses: { 200: { description: 'The delivery', schema: deliverySchema } },
    errors: [404],
  });
  router.get('/v1/webhooks/:id/deliveries/:deliveryId', manage, async (req, res) => {
    const deliveryId = String(req.params.deliveryId);
    if (!isUuid(deliveryId)) throw notFound(`Delivery ${deliveryId}`);
    res.json(await getDelivery(deps.pool, owner(req), webhookId(req), deliveryId));
  });

  documentRoute({
    method: 'post',
    path: '/v1/webhooks/:id/deliveries/:deliveryId/redeliver',
    tag: 'Webhooks',
    summary: 'Deliver an event again',
    scope: 'webhooks:manage',
    responses: { 202: { description: 'The delivery, queued again', schema: deliverySchema } },
    errors: [404, 409],
  });
  router.post('/v1/webhooks/:id/deliveries/:deliveryId/redeliver', manage, async (req, res) => {
    const deliveryId = String(req.params.deliveryId);
    if (!isUuid(deliveryId)) throw notFound(`Delivery ${deliveryId}`);
    const delivery = await redeliver(
      { pool: deps.pool, queue: deps.webhookQueue, logger: deps.logger },
      owner(req),
      webhookId(req),
      deliveryId,
      settings,
    );
    res.status(202).json(delivery);
  });

  return router;
}
