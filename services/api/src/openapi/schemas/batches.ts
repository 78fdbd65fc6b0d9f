import { z } from 'zod';
import type { BatchResultRow, BatchRowError, BatchView } from '@sanctions/shared/batches';
import { dateTime, nextLink, uuid } from '../common-schemas';
import { nearMissSchema, suppressedMatchSchema } from './matches';

const batchStatus = z.enum(['receiving', 'queued', 'running', 'done', 'failed', 'cancelled']);
const batchLinks = z.object({ self: z.string(), results: z.string(), errors: z.string(), events: z.string() });

export const batchSchema = z
  .object({
    id: uuid,
    status: batchStatus,
    filename: z.string().nullable(),
    total: z.int(),
    invalidRows: z.int(),
    processed: z.int(),
    hits: z.int(),
    percent: z.number(),
    rowsPerSecond: z.number().nullable(),
    error: z.string().nullable(),
    createdAt: dateTime,
    startedAt: dateTime.nullable(),
    finishedAt: dateTime.nullable(),
  })
  .meta({ id: 'Batch' }) satisfies z.ZodType<BatchView>;

export const batchWithLinksSchema = batchSchema
  .extend({ links: batchLinks })
  .meta({ id: 'BatchWithLinks', description: 'A batch and its progress' });

export const batchAcceptedSchema = z
  .object({ id: uuid, status: batchStatus, rescreenOf: uuid.optional(), links: batchLinks })
  .meta({ id: 'BatchAccepted', description: 'The file was received; follow links.self or links.events for progress' });

export const batchListSchema = z.object({ batches: z.array(batchWithLinksSchema), links: nextLink });

const batchResultSchema = z.object({
  line: z.int(),
  reference: z.string().nullable(),
  name: z.string(),
  decision: z.enum(['hit', 'no_hit']),
  score: z.number().nullable(),
  entityId: z.string().nullable(),
  entityName: z.string().nullable(),
  matchedName: z.string().nullable(),
  lists: z.array(z.string()),
  programs: z.array(z.string()),
  citationUrls: z.array(z.string()),
  warning: z.string().nullable(),
  matches: z.array(
    z.object({
      entityId: z.string(),
      entityIds: z.array(z.string()),
      matchedName: z.string(),
      matchedNameKind: z.string(),
      score: z.number(),
      explanation: z.array(z.string()),
    }),
  ),
  nearMisses: z.array(nearMissSchema),
  suppressedMatches: z.array(suppressedMatchSchema),
  birthDate: z.string().nullable(),
  country: z.string().nullable(),
}) satisfies z.ZodType<BatchResultRow>;

export const batchResultsSchema = z
  .object({ batchId: uuid, status: batchStatus, results: z.array(batchResultSchema), links: nextLink })
  .meta({ id: 'BatchResults' });

const batchErrorSchema = z.object({
  line: z.int(),
  field: z.string().nullable(),
  reason: z.string(),
}) satisfies z.ZodType<BatchRowError>;

export const batchErrorsSchema = z
  .object({ batchId: uuid, invalidRows: z.int(), errors: z.array(batchErrorSchema), links: nextLink })
  .meta({ id: 'BatchErrors' });
