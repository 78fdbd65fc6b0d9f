import { z } from 'zod';
import { ENTITY_TYPES, NAME_KINDS } from './entity-model';

const partialIsoDate = z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'expected YYYY, YYYY-MM or YYYY-MM-DD');
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');

const citationSchema = z.strictObject({
  title: z.string().min(1),
  url: z.url().optional(),
  publisher: z.string().min(1).optional(),
  authority: z.string().min(1).optional(),
  program: z.string().min(1).optional(),
  listedOn: isoDate.optional(),
  sourceRowId: z.string().min(1).optional(),
  retrievedAt: z.string().min(1).optional(),
  note: z.string().min(1).optional(),
});

const entitySchema = z.strictObject({
  sourceEntityId: z.string().min(1),
  type: z.enum(ENTITY_TYPES),
  names: z
    .array(
      z.strictObject({ value: z.string().min(1), kind: z.enum(NAME_KINDS), script: z.string().length(4).optional() }),
    )
    .min(1)
    .refine((names) => names.some((n) => n.kind === 'primary'), 'needs a primary name'),
  birthDates: z.array(partialIsoDate),
  countries: z.array(z.string().min(2)),
  nationalities: z.array(z.string().min(2)),
  programs: z.array(z.string().min(1)),
  identifiers: z.array(
    z.strictObject({
      type: z.string().min(1),
      value: z.string().min(1),
      country: z.string().optional(),
      note: z.string().optional(),
    }),
  ),
  addresses: z.array(
    z.strictObject({ full: z.string().min(1), city: z.string().optional(), country: z.string().optional() }),
  ),
  remarks: z.string().optional(),
  citations: z.array(citationSchema).min(1, 'every entity needs at least one citation'),
});

/** The seed dataset file (seeds/*.json): a versioned, self-describing list with a citation on every entity. */
export const seedDatasetSchema = z
  .strictObject({
    $schema: z.string().optional(),
    dataset: z.string().regex(/^[a-z0-9-]+$/),
    version: z.string().min(1),
    title: z.string().min(1),
    description: z.string().min(1),
    publishedOn: isoDate,
    license: z.string().min(1),
    entities: z.array(entitySchema).min(1),
  })
  .refine((d) => new Set(d.entities.map((e) => e.sourceEntityId)).size === d.entities.length, {
    message: 'sourceEntityId must be unique',
    path: ['entities'],
  });

export type SeedDataset = z.infer<typeof seedDatasetSchema>;

/** Validates a parsed seed file; throws a ZodError naming every failing path. */
export function parseSeedDataset(json: unknown): SeedDataset {
  return seedDatasetSchema.parse(json);
}
