import { z } from 'zod';
import type { DeltaEntry, EntitySearchHit, ListSummary, ListVersionView, StoredWarning } from '@sanctions/shared/lists';
import { dateTime } from '../common-schemas';
import { entityType } from './matches';

const deltaCounts = z.object({ added: z.int(), removed: z.int(), changed: z.int() });

const listSummarySchema = z
  .object({
    id: z.string(),
    name: z.string(),
    authority: z.string(),
    url: z.string(),
    license: z.string(),
    enabled: z.boolean(),
    disabledAt: dateTime.nullable(),
    activeVersion: z
      .object({
        id: z.string(),
        version: z.int(),
        format: z.string(),
        publishedAt: z.string().nullable(),
        activatedAt: dateTime,
        entityCount: z.int(),
        nameCount: z.int(),
        delta: deltaCounts,
      })
      .nullable(),
  })
  .meta({ id: 'ListSummary' }) satisfies z.ZodType<ListSummary>;

export const listsSchema = z.object({ lists: z.array(listSummarySchema) });

const listVersionSchema = z
  .object({
    id: z.string(),
    version: z.int(),
    status: z.enum(['importing', 'active', 'superseded', 'failed']),
    format: z.string(),
    files: z.array(z.object({ path: z.string(), bytes: z.number(), sha256: z.string() })),
    publishedAt: z.string().nullable(),
    startedAt: dateTime,
    activatedAt: dateTime.nullable(),
    entityCount: z.int(),
    nameCount: z.int(),
    delta: deltaCounts,
    percent: z.number(),
    progress: z.object({ bytesRead: z.number(), bytesTotal: z.number(), entitiesStaged: z.number() }),
    warningCount: z.int(),
    error: z.record(z.string(), z.unknown()).nullable(),
  })
  .meta({ id: 'ListVersion' }) satisfies z.ZodType<ListVersionView>;

export const listVersionsSchema = z.object({ source: z.string(), versions: z.array(listVersionSchema) });

const versionLinks = z.object({ self: z.string(), warnings: z.string(), delta: z.string() });

export const listVersionWithLinksSchema = listVersionSchema
  .extend({ source: z.string(), links: versionLinks })
  .meta({ id: 'ListVersionWithLinks' });

export const listUploadUnchangedSchema = z
  .object({
    source: z.string(),
    status: z.literal('unchanged'),
    version: z.int(),
    entityCount: z.int(),
    links: versionLinks,
  })
  .meta({ id: 'ListUploadUnchanged', description: 'The files are those of the active version: nothing was imported' });

const deltaEntrySchema = z.object({
  entityId: z.string(),
  name: z.string().nullable(),
  change: z.enum(['added', 'removed', 'changed']),
  fields: z.array(z.string()),
}) satisfies z.ZodType<DeltaEntry>;

export const versionDeltaSchema = z
  .object({
    source: z.string(),
    version: z.int(),
    counts: deltaCounts,
    changes: z.array(deltaEntrySchema),
    next: z.string().optional(),
  })
  .meta({ id: 'ListVersionDelta' });

const warningSchema = z.object({
  position: z.int(),
  file: z.string(),
  line: z.int().optional(),
  element: z.string().optional(),
  field: z.string().optional(),
  message: z.string(),
}) satisfies z.ZodType<StoredWarning>;

export const versionWarningsSchema = z
  .object({
    source: z.string(),
    version: z.int(),
    total: z.int(),
    warnings: z.array(warningSchema),
    next: z.string().optional(),
  })
  .meta({ id: 'ListVersionWarnings' });

export const listStateSchema = z.object({
  source: z.string(),
  enabled: z.boolean(),
  changed: z.boolean(),
  links: z.object({ lists: z.string() }),
});

const entityHitSchema = z.object({
  id: z.string(),
  sourceId: z.string(),
  type: entityType,
  name: z.string(),
  programs: z.array(z.string()),
  matchedName: z.string(),
  matchedNameKind: z.string(),
  similarity: z.number(),
}) satisfies z.ZodType<EntitySearchHit>;

export const entitySearchSchema = z
  .object({ query: z.string(), results: z.array(entityHitSchema) })
  .meta({ id: 'EntitySearch' });

/** A listed record as its importer stored it; its full shape is the entity model's (names, dates, identifiers, citations). */
export const entitySchema = z
  .looseObject({
    id: z.string(),
    sourceId: z.string(),
    removed: z.boolean(),
    sourceEntityId: z.string(),
    type: entityType,
    names: z.array(z.looseObject({ value: z.string(), kind: z.string() })),
    birthDates: z.array(z.string()),
    countries: z.array(z.string()),
    programs: z.array(z.string()),
  })
  .meta({ id: 'Entity' });
