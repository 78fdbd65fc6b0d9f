import { randomUUID } from 'node:crypto';
import type { Queue } from 'bullmq';
import type { Pool } from 'pg';
import { recordAudit } from '../audit';
import { AppError, notFound, validationFailed } from '../errors';
import type { Logger } from '../logging';
import { WEBHOOK_DELIVERY_JOB_OPTIONS } from '../queues';
import { INSERT_TEST_EVENT } from './event-sql';
import { generateWebhookSecret } from './signature';
import { AllowList, TargetRefusedError, vetTarget, type Resolver } from './ssrf';
import {
  deliveryJob,
  type CreateWebhookInput,
  type DeliveryJob,
  type UpdateWebhookInput,
  type WebhookFilters,
} from './webhook-request';
import * as sql from './webhook-sql';

/** Who asks: a key sees its workspace's subscriptions, and no other workspace's. */
export interface WebhookOwner {
  keyId: string | null;
  workspaceId: string;
}

export interface WebhookSubscriptionView {
  id: string;
  url: string;
  events: string[];
  description: string | null;
  filters: WebhookFilters;
  status: 'active' | 'disabled';
  disabledReason: string | null;
  failingSince: string | null;
  /** Set while a rotated-out secret still signs beside the new one. */
  previousSecretExpiresAt: string | null;
  createdAt: string;
  updatedAt: string;
  links: { self: string; deliveries: string; test: string };
}

export interface WebhookAttemptView {
  attempt: number;
  startedAt: string;
  statusCode: number | null;
  latencyMs: number;
  error: string | null;
  responseExcerpt: string | null;
}

export interface WebhookDeliveryView {
  id: string;
  eventId: string;
  eventType: string;
  status: 'pending' | 'succeeded' | 'dead';
  attempts: number;
  nextAttemptAt: string | null;
  retryUntil: string;
  lastStatusCode: number | null;
  lastError: string | null;
  createdAt: string;
  deliveredAt: string | null;
  attemptLog: WebhookAttemptView[];
  links: { redeliver: string };
}

export interface WebhookSettings {
  allowedHosts: string[];
  maxRetryMs: number;
}

const iso = (d: Date | string | null) => (d ? new Date(d).toISOString() : null);
const ownerParam = (owner: WebhookOwner) => owner.workspaceId;

function rowToSubscription(r: Record<string, any>): WebhookSubscriptionView {
  return {
    id: r.id,
    url: r.url,
    events: r.events,
    description: r.description,
    filters: r.filters,
    status: r.status,
    disabledReason: r.disabled_reason,
    failingSince: iso(r.failing_since),
    previousSecretExpiresAt: iso(r.previous_secret_expires_at),
    createdAt: iso(r.created_at)!,
    updatedAt: iso(r.updated_at)!,
    links: {
      self: `/v1/webhooks/${r.id}`,
      deliveries: `/v1/webhooks/${r.id}/deliveries`,
      test: `/v1/webhooks/${r.id}/test`,
    },
  };
}

function rowToDelivery(subscriptionId: string, r: Record<string, any>): WebhookDeliveryView {
  return {
    id: r.id,
    eventId: r.event_id,
    eventType: r.event_type,
    status: r.status,
    attempts: r.attempts,
    nextAttemptAt: r.status === 'pending' ? iso(r.next_attempt_at) : null,
    retryUntil: iso(r.retry_until)!,
    lastStatusCode: r.last_status_code,
    lastError: r.last_error,
    createdAt: iso(r.created_at)!,
    deliveredAt: iso(r.delivered_at),
    attemptLog: (r.attempt_log as Record<string, any>[]).map(
      (a) => ({ ...a, startedAt: iso(a.startedAt)! }) as WebhookAttemptView,
    ),
    links: { redeliver: `/v1/webhooks/${subscriptionId}/deliveries/${r.id}/redeliver` },
  };
}

/** Refuses a target the worker would refuse, naming the url field. */
async function checkUrl(url: string, allowedHosts: string[], resolve?: Resolver): Promise<void> {
  try {
    await vetTarget(url, new AllowList(allowedHosts), resolve);
  } catch (error) {
    if (error instanceof TargetRefusedError)
      throw validationFailed('The webhook URL is refused', [{ field: 'url', message: error.message }]);
    throw error;
  }
}

/** Creates a subscription and returns its signing secret, which is never shown again. */
export async function createSubscription(
  pool: Pool,
  owner: WebhookOwner,
  input: CreateWebhookInput,
  settings: WebhookSettings,
  resolve?: Resolver,
): Promise<{ subscription: WebhookSubscriptionView; secret: string }> {
  await checkUrl(input.url, settings.allowedHosts, resolve);
  const secret = generateWebhookSecret();
  const { rows } = await pool.query(sql.INSERT_SUBSCRIPTION, [
    randomUUID(),
    owner.keyId,
    input.url,
    input.events,
    input.description ?? null,
    JSON.stringify(input.filters ?? {}),
    secret,
    owner.workspaceId,
  ]);
  const subscription = rowToSubscription(rows[0]);
  await recordAudit(pool, {
    actor: owner.keyId ?? undefined,
    action: 'webhook.created',
    subject: subscription.id,
    details: { url: input.url, events: input.events },
  });
  return { subscription, secret };
}

export async function getSubscription(pool: Pool, owner: WebhookOwner, id: string): Promise<WebhookSubscriptionView> {
  const row = (await pool.query(sql.SUBSCRIPTION_BY_ID, [id, ownerParam(owner)])).rows[0];
  if (!row) throw notFound(`Webhook ${id}`);
  return rowToSubscription(row);
}

export async function listSubscriptions(pool: Pool, owner: WebhookOwner): Promise<WebhookSubscriptionView[]> {
  return (await pool.query(sql.SUBSCRIPTIONS_OF_WORKSPACE, [ownerParam(owner)])).rows.map(rowToSubscription);
}

export async function updateSubscription(
  pool: Pool,
  owner: WebhookOwner,
  id: string,
  patch: UpdateWebhookInput,
  settings: WebhookSettings,
  resolve?: Resolver,
): Promise<WebhookSubscriptionView> {
  if (patch.url !== undefined) await checkUrl(patch.url, settings.allowedHosts, resolve);
  const { rows } = await pool.query(sql.UPDATE_SUBSCRIPTION, [
    id,
    ownerParam(owner),
    patch.url ?? null,
    patch.events ?? null,
    patch.description !== undefined,
    patch.description ?? null,
    patch.filters ? JSON.stringify(patch.filters) : null,
    patch.status ?? null,
  ]);
  if (!rows[0]) throw notFound(`Webhook ${id}`);
  await recordAudit(pool, {
    actor: owner.keyId ?? undefined,
    action: 'webhook.updated',
    subject: id,
    details: { fields: Object.keys(patch) },
  });
  return rowToSubscription(rows[0]);
}

export async function deleteSubscription(pool: Pool, owner: WebhookOwner, id: string): Promise<void> {
  const { rows } = await pool.query(sql.DELETE_SUBSCRIPTION, [id, ownerParam(owner)]);
  if (!rows[0]) throw notFound(`Webhook ${id}`);
  await recordAudit(pool, { actor: owner.keyId ?? undefined, action: 'webhook.deleted', subject: id });
}

/** A new secret, shown once; the previous one keeps signing beside it for the grace period. */
export async function rotateSecret(
  pool: Pool,
  owner: WebhookOwner,
  id: string,
  gracePeriodHours: number,
): Promise<{ subscription: WebhookSubscriptionView; secret: string }> {
  const secret = generateWebhookSecret();
  const { rows } = await pool.query(sql.ROTATE_SECRET, [id, ownerParam(owner), secret, gracePeriodHours * 3600]);
  if (!rows[0]) throw notFound(`Webhook ${id}`);
  await recordAudit(pool, {
    actor: owner.keyId ?? undefined,
    action: 'webhook.secret_rotated',
    subject: id,
    details: { gracePeriodHours },
  });
  return { subscription: rowToSubscription(rows[0]), secret };
}

/** Queues a `webhook.test` event for this subscription alone; the caller wakes the dispatcher. */
export async function sendTestEvent(pool: Pool, owner: WebhookOwner, id: string): Promise<{ eventId: string }> {
  const subscription = await getSubscription(pool, owner, id);
  if (subscription.status !== 'active') {
    throw new AppError(
      'conflict',
      `Webhook ${id} is disabled (${subscription.disabledReason ?? 'no reason given'}); set its status to active first`,
    );
  }
  const eventId = randomUUID();
  const data = {
    subscriptionId: id,
    message: 'A test event: your endpoint is reachable and can verify our signature.',
  };
  await pool.query(INSERT_TEST_EVENT, [eventId, owner.keyId, owner.workspaceId, id, JSON.stringify(data)]);
  return { eventId };
}

export async function listDeliveries(
  pool: Pool,
  owner: WebhookOwner,
  id: string,
  options: { status?: 'pending' | 'succeeded' | 'dead'; before?: string; limit: number },
): Promise<WebhookDeliveryView[]> {
  await getSubscription(pool, owner, id);
  const { rows } = await pool.query(sql.DELIVERIES_PAGE, [
    id,
    options.status ?? null,
    options.before ?? null,
    options.limit,
  ]);
  return rows.map((r) => rowToDelivery(id, r));
}

export async function getDelivery(
  pool: Pool,
  owner: WebhookOwner,
  id: string,
  deliveryId: string,
): Promise<WebhookDeliveryView> {
  await getSubscription(pool, owner, id);
  const row = (await pool.query(sql.DELIVERY_BY_ID, [deliveryId, id])).rows[0];
  if (!row) throw notFound(`Delivery ${deliveryId}`);
  return rowToDelivery(id, row);
}

/**
 * Sends a dead (or delivered) delivery again, with a fresh retry window. Committed before it is
 * queued: if Redis is down, the webhooks worker's reconciler queues it.
 */
export async function redeliver(
  deps: { pool: Pool; queue: Queue<DeliveryJob>; logger: Logger },
  owner: WebhookOwner,
  id: string,
  deliveryId: string,
  settings: WebhookSettings,
): Promise<WebhookDeliveryView> {
  const current = await getDelivery(deps.pool, owner, id, deliveryId);
  const { rows } = await deps.pool.query<{ id: string; attempts: number }>(sql.REDELIVER, [
    deliveryId,
    id,
    settings.maxRetryMs,
  ]);
  if (!rows[0])
    throw new AppError(
      'conflict',
      `Delivery ${deliveryId} is ${current.status}; only a dead or delivered delivery can be sent again`,
    );
  const pending = await getDelivery(deps.pool, owner, id, deliveryId);
  const job = deliveryJob(deliveryId, rows[0].attempts + 1);
  try {
    // A job left over under that id (a stale attempt that found nothing to do) would swallow the new one.
    await deps.queue.remove(job.opts.jobId).catch(() => undefined);
    await deps.queue.add(job.name, job.data, { ...WEBHOOK_DELIVERY_JOB_OPTIONS, ...job.opts });
  } catch (error) {
    deps.logger.warn('redelivery recorded but not queued yet; the reconciler will queue it', { deliveryId, error });
  }
  await recordAudit(deps.pool, {
    actor: owner.keyId ?? undefined,
    action: 'webhook.redelivered',
    subject: deliveryId,
    details: { subscriptionId: id },
  });
  return pending;
}
