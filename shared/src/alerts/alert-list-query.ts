import { validationFailed, type FieldError } from '../errors';
import { ALERT_SORTS, type AlertSort } from './alert-sql';
import { ALERT_SOURCES, ALERT_STATUSES, type AlertSource, type AlertStatus } from './alert-types';

export const DEFAULT_ALERT_PAGE = 100;
export const MAX_ALERT_PAGE = 1000;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
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

const PARAMETERS = ['status', 'source', 'batchId', 'reference', 'assignee', 'minScore', 'list', 'from', 'to', 'sort', 'limit', 'cursor'];

/** Opaque to clients: base64url JSON of the last alert's sort keys, and the sort they belong to. */
export function encodeCursor(cursor: AlertCursor): string {
  return Buffer.from(JSON.stringify([cursor.sort, cursor.createdKey, cursor.id, cursor.scoreKey ?? null])).toString('base64url');
}

function decodeCursor(raw: string): AlertCursor | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
    if (!Array.isArray(value) || value.length !== 4) return undefined;
    const [sort, createdKey, id, scoreKey] = value as unknown[];
    if (!ALERT_SORTS.includes(sort as AlertSort) || typeof createdKey !== 'string' || !INSTANT.test(createdKey)) return undefined;
    if (typeof id !== 'string' || !UUID.test(id)) return undefined;
    if (sort === '-score' && (typeof scoreKey !== 'string' || !Number.isFinite(Number(scoreKey)))) return undefined;
    return { sort: sort as AlertSort, createdKey, id, ...(typeof scoreKey === 'string' && { scoreKey }) };
  } catch {
    return undefined;
  }
}

/**
 * Reads GET /v1/alerts's query string. Every failing parameter is named with its reason; an unknown parameter is
 * refused, so a typo ("staus") does not silently list everything. `assignee=me` is the caller's key.
 */
export function parseAlertListQuery(query: Record<string, unknown>, callerKeyId: string): AlertListQuery {
  const errors: FieldError[] = [];
  const text = (name: string): string | undefined => {
    const value = query[name];
    if (value === undefined) return undefined;
    if (typeof value !== 'string' || value.trim() === '') {
      errors.push({ field: name, message: 'must be given once, with a value' });
      return undefined;
    }
    return value.trim();
  };
  for (const name of Object.keys(query)) {
    if (!PARAMETERS.includes(name)) errors.push({ field: name, message: `is not a parameter of this listing; the parameters are ${PARAMETERS.join(', ')}` });
  }
  const filters: AlertFilters = {};
  const status = text('status');
  if (status !== undefined) {
    if ((ALERT_STATUSES as readonly string[]).includes(status)) filters.status = status as AlertStatus;
    else errors.push({ field: 'status', message: `must be one of ${ALERT_STATUSES.join(', ')}` });
  }
  const source = text('source');
  if (source !== undefined) {
    if ((ALERT_SOURCES as readonly string[]).includes(source)) filters.source = source as AlertSource;
    else errors.push({ field: 'source', message: `must be one of ${ALERT_SOURCES.join(', ')}` });
  }
  const batchId = text('batchId');
  if (batchId !== undefined) {
    if (UUID.test(batchId)) filters.batchId = batchId;
    else errors.push({ field: 'batchId', message: 'must be a batch id' });
  }
  const reference = text('reference');
  if (reference !== undefined) {
    if (reference.length <= 200) filters.reference = reference;
    else errors.push({ field: 'reference', message: 'must be at most 200 characters' });
  }
  const assignee = text('assignee');
  if (assignee !== undefined) {
    if (assignee === 'me') filters.assignee = callerKeyId;
    else if (UUID.test(assignee)) filters.assignee = assignee;
    else errors.push({ field: 'assignee', message: 'must be a key id or "me"' });
  }
  const minScore = text('minScore');
  if (minScore !== undefined) {
    const score = Number(minScore);
    if (Number.isFinite(score) && score >= 0 && score <= 1) filters.minScore = score;
    else errors.push({ field: 'minScore', message: 'must be a number from 0 to 1' });
  }
  const list = text('list');
  if (list !== undefined) {
    if (/^[a-z0-9-]{1,64}$/.test(list)) filters.list = list;
    else errors.push({ field: 'list', message: 'must be a list id, e.g. ofac-sdn' });
  }
  for (const name of ['from', 'to'] as const) {
    const value = text(name);
    if (value === undefined) continue;
    if (INSTANT.test(value) && !Number.isNaN(Date.parse(value))) filters[name] = value;
    else errors.push({ field: name, message: 'must be a date (YYYY-MM-DD) or a date-time with its offset (2026-12-01T09:00:00Z)' });
  }
  const sortText = text('sort') ?? '-created';
  const sort = ALERT_SORTS.includes(sortText as AlertSort) ? (sortText as AlertSort) : undefined;
  if (!sort) errors.push({ field: 'sort', message: `must be one of ${ALERT_SORTS.join(', ')}` });
  const limitText = text('limit');
  const limit = limitText === undefined ? DEFAULT_ALERT_PAGE : Number(limitText);
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_ALERT_PAGE) errors.push({ field: 'limit', message: `must be an integer from 1 to ${MAX_ALERT_PAGE}` });
  const cursorText = text('cursor');
  let cursor: AlertCursor | undefined;
  if (cursorText !== undefined) {
    cursor = decodeCursor(cursorText);
    if (!cursor) errors.push({ field: 'cursor', message: 'is not a cursor this listing gave out; use links.next as it is' });
    else if (sort && cursor.sort !== sort) errors.push({ field: 'cursor', message: `belongs to sort=${cursor.sort}; use links.next as it is` });
  }
  if (errors.length > 0) throw validationFailed('Some query parameters are not valid', errors);
  return { filters, sort: sort!, limit, ...(cursor && { cursor }) };
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
