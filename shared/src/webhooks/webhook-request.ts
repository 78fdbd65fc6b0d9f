import { z } from 'zod';
import { EVENT_TYPES } from './record-event';

/** Longest URL we store; receivers' URLs are short. */
const MAX_URL_LENGTH = 2048;
/** A week: long enough to roll a secret out to every receiver, short enough that a leaked one dies. */
const MAX_GRACE_HOURS = 168;

const events = z
  .array(z.enum(EVENT_TYPES))
  .min(1, 'must name at least one event')
  .transform((list) => [...new Set(list)]);

export const webhookFiltersSchema = z.strictObject({
  /** Only events whose best match scores at least this. */
  minScore: z.number().min(0).max(1).optional(),
  /** Only events with a match on one of these lists (list.updated: of one of these lists). */
  lists: z
    .array(z.string().regex(/^[a-z0-9-]+$/, 'list ids are lowercase words joined by dashes, e.g. ofac-sdn'))
    .min(1)
    .max(50)
    .optional(),
  /** Only events with a match under one of these programs. */
  programs: z.array(z.string().trim().min(1).max(100)).min(1).max(200).optional(),
});

export const createWebhookSchema = z.strictObject({
  url: z.string().trim().min(1).max(MAX_URL_LENGTH),
  events,
  description: z.string().trim().max(500).optional(),
  filters: webhookFiltersSchema.optional(),
});

export const updateWebhookSchema = z
  .strictObject({
    url: z.string().trim().min(1).max(MAX_URL_LENGTH).optional(),
    events: events.optional(),
    description: z.string().trim().max(500).nullable().optional(),
    filters: webhookFiltersSchema.optional(),
    status: z.enum(['active', 'disabled']).optional(),
  })
  .refine((patch) => Object.keys(patch).length > 0, 'must change at least one field');

export const rotateSecretSchema = z.strictObject({
  /** How long the previous secret keeps signing beside the new one; 0 ends it at once. */
  gracePeriodHours: z.number().min(0).max(MAX_GRACE_HOURS).default(24),
});

export type WebhookFilters = z.infer<typeof webhookFiltersSchema>;
export type CreateWebhookInput = z.infer<typeof createWebhookSchema>;
export type UpdateWebhookInput = z.infer<typeof updateWebhookSchema>;

/** The job on the `webhook-deliveries` queue: one attempt of one delivery. */
export const deliveryJobSchema = z.strictObject({
  deliveryId: z.uuid(),
  attempt: z.int().min(1),
});

export type DeliveryJob = z.infer<typeof deliveryJobSchema>;

/** One job per attempt, so a retry is a new job that a lost Redis can be given again from Postgres. */
export function deliveryJob(
  deliveryId: string,
  attempt: number,
): { name: string; data: DeliveryJob; opts: { jobId: string } } {
  return { name: 'deliver', data: { deliveryId, attempt }, opts: { jobId: `delivery-${deliveryId}-${attempt}` } };
}
