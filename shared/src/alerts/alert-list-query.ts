import { z } from 'zod';
import { fieldErrorsFromZod, validationFailed, type FieldError } from '../errors';
import { ALERT_SORTS, type AlertSort } from './alert-sql';
import { ALERT_SOURCES, ALERT_STATUSES, type AlertSource, type AlertStatus } from './alert-types';

export const DEFAULT_ALERT_PAGE = 100;
export const MAX_ALERT_PAGE = 1000;

const UUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/; // no flag: the pattern goes into /openapi.json as it is
/** A date or a date-time with an offset: "2026-12-01", "2026-12-01T09:00:00Z". */
const INSTANT = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2}))?$/;

export interface AlertFilters {
  status?: AlertStatus;
  source?: AlertSource;
  batchId?: string;
  reference?: string;
  assignee?: string;
  minScore?: number;
  list?: string;
  from?: string;
  to?: string;
}

export interface AlertListQuery {
  filters: AlertFilters;
  sort: AlertSort;
  limit: number;
  cursor?: AlertCursor;
}

/** Where a page ends, in the sort it was read in. */
export interface AlertCursor {
  sort: AlertSort;
  createdKey: string;
  id: string;
  scoreKey?: string;
}

const PARAMETERS = [
  'status',
  'source',
  'batchId',
  'reference',
  'assignee',
  'minScore',
  'list',
  'from',
  'to',
  'sort',
  'limit',
  'cursor',
];

/** Opaque to clients: base64url JSON of the last alert's sort keys, and the sort they belong to. */
export function encodeCursor(cursor: AlertCursor): string {
  return Buffer.from(JSON.stringify([cursor.sort, cursor.createdKey, cursor.id, cursor.scoreKey ?? null])).toString(
    'base64url',
  );
}

function decodeCursor(raw: string): AlertCursor | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
    if (!Array.isArray(value) || value.length !== 4) return undefined;
    const [sort, createdKey, id, scoreKey] = value as unknown[];
    if (!ALERT_SORTS.includes(sort as AlertSort) || typeof createdKey !== 'string' || !INSTANT.test(createdKey))
      return undefined;
    if (typeof id !== 'string' || !UUID.test(id)) return undefined;
    if (sort === '-score' && (typeof scoreKey !== 'string' || !Number.isFinite(Number(scoreKey)))) return undefined;
    return { sort: sort as AlertSort, createdKey, id, ...(typeof scoreKey === 'string' && { scoreKey }) };
  } catch {
    return undefined;
  }
}

/** A parameter given once with a value (the query parser makes a repeated one an array). */
const text = () =>
  z.string({ error: 'must be given once, with a value' }).trim().min(1, 'must be given once, with a value');
const INSTANT_MESSAGE = 'must be a date (YYYY-MM-DD) or a date-time with its offset (2026-12-01T09:00:00Z)';
const instant = () => text().refine((v) => INSTANT.test(v) && !Number.isNaN(Date.parse(v)), INSTANT_MESSAGE);

/**
 * GET /v1/alerts's query string, as strings: every failing parameter is named with its reason, and an
 * unknown one is refused, so a typo ("staus") does not silently list everything. The API documents this schema.
 */
export const alertListQuerySchema = z.strictObject({
  status: z.enum(ALERT_STATUSES, { error: `must be one of ${ALERT_STATUSES.join(', ')}` }).optional(),
  source: z.enum(ALERT_SOURCES, { error: `must be one of ${ALERT_SOURCES.join(', ')}` }).optional(),
  batchId: text().regex(UUID, 'must be a batch id').optional(),
  reference: text().max(200, 'must be at most 200 characters').optional(),
  assignee: text()
    .refine((v) => v === 'me' || UUID.test(v), 'must be a key id or "me"')
    .optional(),
  minScore: text()
    .regex(/^(0(\.\d+)?|1(\.0+)?|\.\d+)$/, 'must be a number from 0 to 1')
    .optional(),
  list: text()
    .regex(/^[a-z0-9-]{1,64}$/, 'must be a list id, e.g. ofac-sdn')
    .optional(),
  from: instant().optional(),
  to: instant().optional(),
  sort: z
    .enum(ALERT_SORTS as [AlertSort, ...AlertSort[]], { error: `must be one of ${ALERT_SORTS.join(', ')}` })
    .optional(),
  limit: text()
    .regex(/^\d{1,7}$/, `must be an integer from 1 to ${MAX_ALERT_PAGE}`)
    .refine((v) => Number(v) >= 1 && Number(v) <= MAX_ALERT_PAGE, `must be an integer from 1 to ${MAX_ALERT_PAGE}`)
    .optional(),
  // Checked here too, so a bad cursor is named with the other bad parameters; its sort is checked below.
  cursor: text()
    .refine((v) => decodeCursor(v) !== undefined, 'is not a cursor this listing gave out; use links.next as it is')
    .optional(),
});

/** Reads GET /v1/alerts's query string with alertListQuerySchema; `assignee=me` is the caller's key. */
export function parseAlertListQuery(query: Record<string, unknown>, callerKeyId: string): AlertListQuery {
  const parsed = alertListQuerySchema.safeParse(query);
  const errors: FieldError[] = parsed.success
    ? []
    : parsed.error.issues.flatMap((issue): FieldError[] =>
        issue.code === 'unrecognized_keys'
          ? issue.keys.map((key) => ({
              field: key,
              message: `is not a parameter of this listing; the parameters are ${PARAMETERS.join(', ')}`,
            }))
          : fieldErrorsFromZod([issue]),
      );
  // The schema refused a cursor that does not decode; one from another sort is refused here, with the rest.
  const rawSort = typeof query.sort === 'string' ? query.sort : '-created';
  const cursor = typeof query.cursor === 'string' ? decodeCursor(query.cursor.trim()) : undefined;
  if (cursor && ALERT_SORTS.includes(rawSort as AlertSort) && cursor.sort !== rawSort)
    errors.push({ field: 'cursor', message: `belongs to sort=${cursor.sort}; use links.next as it is` });
  if (!parsed.success || errors.length > 0) throw validationFailed('Some query parameters are not valid', errors);
  const q = parsed.data;
  const filters: AlertFilters = {
    ...(q.status && { status: q.status }),
    ...(q.source && { source: q.source }),
    ...(q.batchId && { batchId: q.batchId }),
    ...(q.reference && { reference: q.reference }),
    ...(q.assignee && { assignee: q.assignee === 'me' ? callerKeyId : q.assignee }),
    ...(q.minScore !== undefined && { minScore: Number(q.minScore) }),
    ...(q.list && { list: q.list }),
    ...(q.from && { from: q.from }),
    ...(q.to && { to: q.to }),
  };
  const sort: AlertSort = q.sort ?? '-created';
  const limit = q.limit === undefined ? DEFAULT_ALERT_PAGE : Number(q.limit);
  return { filters, sort, limit, ...(cursor && { cursor }) };
}

/** The query string of the next page: the same filters, sort and limit, and the cursor. */
export function nextPageQuery(query: AlertListQuery, rawFilters: Record<string, unknown>, cursor: AlertCursor): string {
  const params = new URLSearchParams();
  for (const name of PARAMETERS) {
    const value = rawFilters[name];
    if (name === 'cursor' || name === 'limit' || name === 'sort' || typeof value !== 'string') continue;
    params.set(name, value);
  }
  params.set('sort', query.sort);
  params.set('limit', String(query.limit));
  params.set('cursor', encodeCursor(cursor));
  return params.toString();
}
