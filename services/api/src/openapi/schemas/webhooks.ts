import { z } from 'zod';
import type { WebhookDeliveryView, WebhookSubscriptionView } from '@sanctions/shared/webhooks';
import { dateTime, nextLink, uuid } from '../common-schemas';

export const webhookSchema = z
  .object({
    id: uuid,
    url: z.string(),
    events: z.array(z.string()),
    description: z.string().nullable(),
    filters: z.object({
      minScore: z.number().optional(),
      lists: z.array(z.string()).optional(),
      programs: z.array(z.string()).optional(),
    }),
    status: z.enum(['active', 'disabled']),
    disabledReason: z.string().nullable(),
    failingSince: dateTime.nullable(),
    previousSecretExpiresAt: dateTime.nullable(),
    createdAt: dateTime,
    updatedAt: dateTime,
    links: z.object({ self: z.string(), deliveries: z.string(), test: z.string() }),
  })
  .meta({ id: 'Webhook' }) satisfies z.ZodType<WebhookSubscriptionView>;

export const webhookWithSecretSchema = webhookSchema
  .extend({ secret: z.string().meta({ description: 'The signing secret: shown only here, once' }) })
  .meta({ id: 'WebhookWithSecret' });

export const webhookListSchema = z.object({ webhooks: z.array(webhookSchema) });

export const deliverySchema = z
  .object({
    id: uuid,
    eventId: z.string(),
    eventType: z.string(),
    status: z.enum(['pending', 'succeeded', 'dead']),
    attempts: z.int(),
    nextAttemptAt: dateTime.nullable(),
    retryUntil: dateTime,
    lastStatusCode: z.int().nullable(),
    lastError: z.string().nullable(),
    createdAt: dateTime,
    deliveredAt: dateTime.nullable(),
    attemptLog: z.array(
      z.object({
        attempt: z.int(),
        startedAt: dateTime,
        statusCode: z.int().nullable(),
        latencyMs: z.number(),
        error: z.string().nullable(),
        responseExcerpt: z.string().nullable(),
      }),
    ),
    links: z.object({ redeliver: z.string() }),
  })
  .meta({ id: 'WebhookDelivery' }) satisfies z.ZodType<WebhookDeliveryView>;

export const deliveryListSchema = z.object({ webhookId: uuid, deliveries: z.array(deliverySchema), links: nextLink });

export const testEventSchema = z.object({
  eventId: z.string(),
  type: z.literal('webhook.test'),
  links: z.object({ deliveries: z.string() }),
});
