import { z } from 'zod';
import type { ScreeningView } from '@sanctions/shared/screening';
import { dateTime, uuid } from '../common-schemas';
import {
  citationSchema,
  entityType,
  nameKind,
  nearMissSchema,
  screeningQueryView,
  suppressedMatchSchema,
} from './matches';

export const screeningMatchSchema = z
  .object({
    entityId: z.string(),
    entityIds: z.array(z.string()),
    name: z.string(),
    type: entityType,
    matchedName: z.string(),
    matchedNameKind: nameKind,
    score: z.number(),
    programs: z.array(z.string()),
    lists: z.array(z.string()),
    explanation: z.array(z.string()),
    citations: z.array(citationSchema),
  })
  .meta({ id: 'ScreeningMatch' });

export const screeningSchema = z
  .object({
    id: uuid,
    status: z.enum(['queued', 'done', 'failed']),
    decision: z.enum(['hit', 'no_hit']).nullable(),
    query: screeningQueryView,
    reference: z.string().nullable(),
    listVersion: z.string().nullable(),
    listVersions: z.array(z.object({ source: z.string(), version: z.int() })),
    threshold: z.number().nullable(),
    matches: z.array(screeningMatchSchema),
    nearMisses: z.array(nearMissSchema),
    suppressedMatches: z.array(suppressedMatchSchema),
    error: z.string().nullable(),
    createdAt: dateTime,
    screenedAt: dateTime.nullable(),
  })
  .meta({
    id: 'Screening',
    description: 'A screening and, once done, its decision, matches with explanations and citations, and near misses',
  }) satisfies z.ZodType<ScreeningView>;

export const screeningAcceptedSchema = z
  .object({ id: uuid, status: z.enum(['queued', 'done', 'failed']), links: z.object({ self: z.string() }) })
  .meta({
    id: 'ScreeningAccepted',
    description: 'The screening was recorded (and queued); poll links.self for its result',
  });

export const compareResultSchema = z
  .object({ score: z.number(), match: z.boolean(), threshold: z.number(), explanation: z.array(z.string()) })
  .meta({ id: 'CompareResult' });
