import { z } from 'zod';
import {
  ALERT_ACTIONS,
  ALERT_SOURCES,
  ALERT_STATUSES,
  DISPOSITIONS,
  type AlertEventView,
  type AlertView,
} from '@sanctions/shared/alerts';
import { dateTime, nextLink, uuid } from '../common-schemas';
import { citationSchema, entityType, screeningQueryView } from './matches';

const alertMatchSchema = z.object({
  entityId: z.string(),
  entityIds: z.array(z.string()),
  name: z.string(),
  type: entityType,
  matchedName: z.string(),
  matchedNameKind: z.string(),
  score: z.number(),
  lists: z.array(z.string()),
  programs: z.array(z.string()),
  explanation: z.array(z.string()),
  citations: z.array(citationSchema),
  disposition: z.enum(DISPOSITIONS).nullable(),
  note: z.string().nullable(),
  decidedBy: z.string().nullable(),
  decidedAt: dateTime.nullable(),
});

export const alertSchema = z
  .object({
    id: uuid,
    status: z.enum(ALERT_STATUSES),
    source: z.enum(ALERT_SOURCES),
    screeningId: z.string().nullable(),
    batchId: z.string().nullable(),
    line: z.int().nullable(),
    runId: z.string().nullable(),
    reference: z.string().nullable(),
    query: screeningQueryView,
    matches: z.array(alertMatchSchema),
    assignee: z.string().nullable(),
    outcome: z.enum(['true_match', 'false_positive']).nullable(),
    createdAt: dateTime,
    updatedAt: dateTime,
    closedAt: dateTime.nullable(),
    links: z.object({ self: z.string(), history: z.string() }),
  })
  .meta({
    id: 'Alert',
    description: 'A hit to review: its matches, the decision on each, and where it stands',
  }) satisfies z.ZodType<AlertView>;

export const alertListSchema = z.object({ alerts: z.array(alertSchema), links: nextLink });

const alertEventSchema = z.object({
  at: dateTime,
  actor: z.object({ keyId: z.string().nullable(), name: z.string() }),
  action: z.enum(ALERT_ACTIONS),
  details: z.record(z.string(), z.unknown()),
}) satisfies z.ZodType<AlertEventView>;

export const alertHistorySchema = z.object({ events: z.array(alertEventSchema) });
