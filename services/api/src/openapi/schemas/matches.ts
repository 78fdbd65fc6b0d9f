import { z } from 'zod';
import { ENTITY_TYPES, NAME_KINDS } from '@sanctions/shared/lists';

export const entityType = z.enum(ENTITY_TYPES);
export const nameKind = z.enum(NAME_KINDS);

/** Where a listed fact comes from: the list, its record and when it was read. */
export const citationSchema = z
  .object({
    title: z.string(),
    url: z.string().optional(),
    publisher: z.string().optional(),
    authority: z.string().optional(),
    program: z.string().optional(),
    listedOn: z.string().optional(),
    sourceRowId: z.string().optional(),
    retrievedAt: z.string().optional(),
    note: z.string().optional(),
  })
  .meta({ id: 'Citation' });

export const nearMissSchema = z
  .object({
    entityId: z.string(),
    name: z.string(),
    matchedName: z.string(),
    matchedNameKind: nameKind,
    score: z.number(),
    reason: z.string(),
  })
  .meta({
    id: 'NearMiss',
    description: 'A candidate that scored between the near-miss floor and the threshold: shown, never a hit',
  });

export const suppressedMatchSchema = z
  .object({ entityId: z.string(), name: z.string(), score: z.number(), suppressionId: z.string() })
  .meta({
    id: 'SuppressedMatch',
    description: 'A match left out because an officer cleared it before for this customer',
  });

export const screeningQueryView = z.object({
  name: z.string(),
  type: entityType.optional(),
  birthDate: z.string().optional(),
  country: z.string().optional(),
});
