import { z } from 'zod';
import { normalizeName } from '../matching';

export const HISTORY_SOURCES = ['screening', 'batch', 'monitoring'] as const;
export type HistorySource = (typeof HISTORY_SOURCES)[number];
export const HISTORY_DECISIONS = ['hit', 'no_hit'] as const;

export const DEFAULT_HISTORY_PAGE = 100;
export const MAX_HISTORY_PAGE = 1000;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** A date or a date-time with its offset: "2026-12-01", "2026-12-01T09:00:00Z". */
const INSTANT = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2}))?$/;
/** The cursor's time: screened_at to the microsecond, in UTC, as the listing wrote it. */
const CURSOR_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;

/** Where a page ends: the last row's (screened_at, id), the order the listing walks. */
export interface HistoryCursor {
  screenedAt: string;
  id: string;
}

/** Opaque to clients: base64url JSON of the last row's keys. */
export function encodeHistoryCursor(cursor: HistoryCursor): string {
  return Buffer.from(JSON.stringify([cursor.screenedAt, cursor.id])).toString('base64url');
}

export function decodeHistoryCursor(raw: string): HistoryCursor | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
    if (!Array.isArray(value) || value.length !== 2) return undefined;
    const [screenedAt, id] = value as unknown[];
    if (typeof screenedAt !== 'string' || !CURSOR_TIME.test(screenedAt) || Number.isNaN(Date.parse(screenedAt)))
      return undefined;
    if (typeof id !== 'string' || !UUID.test(id)) return undefined;
    return { screenedAt, id };
  } catch {
    return undefined;
  }
}

/** A calendar day that exists (not 2026-02-30) and a time of day within 24 hours; Date.parse would roll either over. */
function isRealInstant(value: string): boolean {
  const [y, m, d] = value.slice(0, 10).split('-').map(Number) as [number, number, number];
  const day = new Date(Date.UTC(y, m - 1, d));
  if (day.getUTCFullYear() !== y || day.getUTCMonth() !== m - 1 || day.getUTCDate() !== d) return false;
  const time = /T(\d{2}):(\d{2})(?::(\d{2}))?/.exec(value);
  if (time && (Number(time[1]) > 23 || Number(time[2]) > 59 || Number(time[3] ?? 0) > 59)) return false;
  return !Number.isNaN(Date.parse(value));
}

const instant = z
  .string({ error: 'must be given once: a date (YYYY-MM-DD) or a date-time with its offset (2026-12-01T09:00:00Z)' })
  .regex(INSTANT, {
    message: 'must be a date (YYYY-MM-DD) or a date-time with its offset (2026-12-01T09:00:00Z)',
    abort: true,
  })
  .refine(isRealInstant, 'is not a real date or time');

/**
 * GET /v1/screenings: the query string, every parameter a string as it arrives. An unknown parameter, a repeated one,
 * or a value out of range is refused by name (never clamped). `from` is inclusive, `to` exclusive.
 */
export const screeningHistoryQuerySchema = z
  .strictObject({
    reference: z
      .string({ error: 'must be given once' })
      .trim()
      .min(1, 'must not be empty')
      .max(200, 'must be at most 200 characters')
      .optional(),
    name: z
      .string({ error: 'must be given once' })
      .trim()
      .min(1, { message: 'must not be empty', abort: true })
      .max(200, { message: 'must be at most 200 characters', abort: true })
      .refine((v) => normalizeName(v).length > 0, 'has no letter or digit to search for')
      .optional(),
    decision: z.enum(HISTORY_DECISIONS, { error: `must be one of ${HISTORY_DECISIONS.join(', ')}` }).optional(),
    source: z.enum(HISTORY_SOURCES, { error: `must be one of ${HISTORY_SOURCES.join(', ')}` }).optional(),
    batchId: z.string({ error: 'must be given once' }).regex(UUID, 'must be a batch id').optional(),
    from: instant.optional(),
    to: instant.optional(),
    limit: z
      .string({ error: `must be given once: an integer from 1 to ${MAX_HISTORY_PAGE}` })
      .regex(/^\d{1,7}$/, {
        message: `must be an integer from 1 to ${MAX_HISTORY_PAGE}, written in digits`,
        abort: true,
      })
      .refine(
        (v) => Number(v) >= 1 && Number(v) <= MAX_HISTORY_PAGE,
        `must be an integer from 1 to ${MAX_HISTORY_PAGE}`,
      )
      .optional(),
    cursor: z
      .string({ error: 'must be given once' })
      .refine(
        (v) => decodeHistoryCursor(v) !== undefined,
        'is not a cursor this listing gave out; use links.next as it is',
      )
      .optional(),
  })
  .superRefine((q, ctx) => {
    if (q.from && q.to && Date.parse(q.to) <= Date.parse(q.from))
      ctx.addIssue({ code: 'custom', path: ['to'], message: 'must be after from' });
  });

export type ScreeningHistoryQueryInput = z.infer<typeof screeningHistoryQuerySchema>;

export interface HistoryFilters {
  reference?: string;
  /** Already normalized (normalizeName): what name_key must contain. */
  nameKey?: string;
  decision?: (typeof HISTORY_DECISIONS)[number];
  source?: HistorySource;
  batchId?: string;
  from?: string;
  to?: string;
}

export interface ScreeningHistoryQuery {
  filters: HistoryFilters;
  limit: number;
  cursor?: HistoryCursor;
}

/** The validated query string as the listing reads it: the name normalized as the matcher reads names. */
export function toHistoryQuery(input: ScreeningHistoryQueryInput): ScreeningHistoryQuery {
  const filters: HistoryFilters = {
    ...(input.reference !== undefined && { reference: input.reference }),
    ...(input.name !== undefined && { nameKey: normalizeName(input.name) }),
    ...(input.decision !== undefined && { decision: input.decision }),
    ...(input.source !== undefined && { source: input.source }),
    ...(input.batchId !== undefined && { batchId: input.batchId.toLowerCase() }),
    ...(input.from !== undefined && { from: new Date(input.from).toISOString() }),
    ...(input.to !== undefined && { to: new Date(input.to).toISOString() }),
  };
  const cursor = input.cursor === undefined ? undefined : decodeHistoryCursor(input.cursor);
  return {
    filters,
    limit: input.limit === undefined ? DEFAULT_HISTORY_PAGE : Number(input.limit),
    ...(cursor && { cursor }),
  };
}

/** The next page's query string: the same filters as given, the limit, and the cursor. */
export function nextHistoryPageQuery(input: ScreeningHistoryQueryInput, limit: number, cursor: HistoryCursor): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(input))
    if (name !== 'cursor' && name !== 'limit' && typeof value === 'string') params.set(name, value);
  params.set('limit', String(limit));
  params.set('cursor', encodeHistoryCursor(cursor));
  return params.toString();
}
