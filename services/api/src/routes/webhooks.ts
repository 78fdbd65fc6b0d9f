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
import { parseQuery, queryInteger } from '../http/query';
import { isUuid, parseBody } from '../http/validation';

const deliveriesQuerySchema = z.strictObject({
  status: z.enum(['pending', 'succeeded', 'dead']).optional(),
  before: z.uuid('must be the id of a delivery').optional(),
  limit: queryInteger(1, 100).default(20),
});

const owner = (req: Request): WebhookOwner => ({ keyId: req.principal!.keyId, workspaceId: req.principal!.workspaceId });

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
  const wakeDispatcher = () => deps.redis.publish(channels(deps.config.queuePrefix).webhookEvents, 'test').catch(() => undefined);

  router.post('/v1/webhooks', manage, async (req, res) => {
    const { subscription, secret } = await createSubscription(deps.pool, owner(req), parseBody(req, createWebhookSchema), settings);
    res.status(201).location(subscription.links.self).json({ ...subscription, secret });
  });

  router.get('/v1/webhooks', manage, async (req, res) => {
    res.json({ webhooks: await listSubscriptions(deps.pool, owner(req)) });
  });

  router.get('/v1/webhooks/:id', manage, async (req, res) => {
    res.json(await getSubscription(deps.pool, owner(req), webhookId(req)));
  });

  router.patch('/v1/webhooks/:id', manage, async (req, res) => {
    const id = webhookId(req);
    res.json(await updateSubscription(deps.pool, owner(req), id, parseBody(req, updateWebhookSchema), settings));
  });

  router.delete('/v1/webhooks/:id', manage, async (req, res) => {
    await deleteSubscription(deps.pool, owner(req), webhookId(req));
    res.status(204).end();
  });

  router.post('/v1/webhooks/:id/rotate-secret', manage, async (req, res) => {
    const id = webhookId(req);
    const { gracePeriodHours } = req.body === undefined ? rotateSecretSchema.parse({}) : parseBody(req, rotateSecretSchema);
    const { subscription, secret } = await rotateSecret(deps.pool, owner(req), id, gracePeriodHours);
    res.json({ ...subscription, secret });
  });

  router.post('/v1/webhooks/:id/test', manage, async (req, res) => {
    const id = webhookId(req);
    const { eventId } = await sendTestEvent(deps.pool, owner(req), id);
    await wakeDispatcher();
    res.status(202).json({ eventId, type: 'webhook.test', links: { deliveries: `/v1/webhooks/${id}/deliveries` } });
  });

  router.get('/v1/webhooks/:id/deliveries', manage, async (req, res) => {
    const id = webhookId(req);
    const { status, before, limit } = parseQuery(req, deliveriesQuerySchema);
    const deliveries = await listDeliveries(deps.pool, owner(req), id, { status, before, limit });
    const last = deliveries[deliveries.length - 1];
    const next = deliveries.length === limit && last ? `/v1/webhooks/${id}/deliveries?before=${last.id}&limit=${limit}${status ? `&status=${status}` : ''}` : null;
    res.json({ webhookId: id, deliveries, links: { next } });
  });

  router.get('/v1/webhooks/:id/deliveries/:deliveryId', manage, async (req, res) => {
    const deliveryId = String(req.params.deliveryId);
    if (!isUuid(deliveryId)) throw notFound(`Delivery ${deliveryId}`);
    res.json(await getDelivery(deps.pool, owner(req), webhookId(req), deliveryId));
  });

  router.post('/v1/webhooks/:id/deliveries/:deliveryId/redeliver', manage, async (req, res) => {
    const deliveryId = String(req.params.deliveryId);
    if (!isUuid(deliveryId)) throw notFound(`Delivery ${deliveryId}`);
    const delivery = await redeliver({ pool: deps.pool, queue: deps.webhookQueue, logger: deps.logger }, owner(req), webhookId(req), deliveryId, settings);
    res.status(202).json(delivery);
  });

  return router;
}
