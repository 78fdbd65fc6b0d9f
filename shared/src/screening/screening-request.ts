import { z } from 'zod';
import { requestIdSchema } from '../logging';
import { ENTITY_TYPES } from '../lists/entity-model';
import { countryCode } from '../matching';

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
/** Longer than any listed name (the longest SDN names are ~150 characters); bounds matching cost. */
export const MAX_NAME_LENGTH = 300;

function isRealPartialDate(value: string): boolean {
  const [y, m, d] = value.split('-').map(Number);
  if (y === undefined || y < 1850 || y > new Date().getUTCFullYear()) return false;
  if (m === undefined) return true;
  if (m < 1 || m > 12) return false;
  if (d === undefined) return true;
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

export const partialBirthDate = z
  .string()
  .trim()
  .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'must be YYYY, YYYY-MM or YYYY-MM-DD')
  .refine(isRealPartialDate, 'is not a real date (year 1850 to this year)');

export const screeningQuerySchema = z.strictObject({
  name: z
    .string({ error: 'is required and must be a string' })
    .trim()
    .min(1, { error: 'must not be empty', abort: true })
    .max(MAX_NAME_LENGTH, `must be at most ${MAX_NAME_LENGTH} characters`)
    .refine((v) => LETTER_OR_DIGIT.test(v), 'must contain at least one letter or digit'),
  type: z.enum(ENTITY_TYPES, { error: `must be one of ${ENTITY_TYPES.join(', ')}` }).optional(),
  birthDate: partialBirthDate.optional(),
  country: z.string().trim().min(2, 'must be an ISO country code or a country name').max(64).optional(),
});

/** Why a country is refused, with the forms that are accepted: shared by single screenings and batch rows. */
export const UNKNOWN_COUNTRY =
  'is not a country we know; use an ISO 3166 alpha-2 code (e.g. "KP") or an English country name (e.g. "North Korea")';

/** A country the matcher can compare (a code or a name it knows), else undefined. */
export const knownCountry = (text: string): string | undefined => countryCode(text);

/**
 * POST /v1/screenings body. Unknown fields are refused so that a typo ("nmae") is not silently ignored,
 * and so is a country the matcher cannot read ("Narnia"), which it would otherwise ignore.
 */
export const screeningRequestSchema = screeningQuerySchema.extend({
  country: screeningQuerySchema.shape.country.refine(
    (v) => v === undefined || knownCountry(v) !== undefined,
    UNKNOWN_COUNTRY,
  ),
  reference: z.string().trim().min(1).max(200, 'must be at most 200 characters').optional(),
});

export type ScreeningQueryInput = z.infer<typeof screeningQuerySchema>;
export type ScreeningRequest = z.infer<typeof screeningRequestSchema>;

/**
 * What a screening's row needs beyond its query, carried by the job of a screening the API did not record first (a
 * request waiting for its answer): the worker inserts the row with its result (ScreeningIntake, recordScreenings).
 */
export const unrecordedRowSchema = z.strictObject({
  apiKeyId: z.uuid().nullable(),
  reference: z.string().max(200).optional(),
  /** When the request arrived, as the row's created_at. */
  createdAt: z.iso.datetime({ offset: true }),
});

export type UnrecordedRow = z.infer<typeof unrecordedRowSchema>;

/** The job on the `screenings` queue: the screening id and the query it needs, and the id of the request that made it (for the logs). */
export const screeningJobSchema = z.strictObject({
  screeningId: z.uuid(),
  query: screeningQuerySchema,
  requestId: requestIdSchema.optional(),
  /** Present when no row was recorded before the job was queued: the worker's write inserts it. */
  row: unrecordedRowSchema.optional(),
});

export type ScreeningJob = z.infer<typeof screeningJobSchema>;

/** The job for the screenings one intake write recorded together (see screeningGroupJob). */
export const screeningGroupJobSchema = z.strictObject({
  screenings: z.array(screeningJobSchema).min(1).max(1000),
});

export type ScreeningGroupJob = z.infer<typeof screeningGroupJobSchema>;

/** What the `screenings` queue carries: one screening's job or a group's. */
export type ScreeningQueueData = ScreeningJob | ScreeningGroupJob;
