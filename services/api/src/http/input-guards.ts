import type { RequestHandler } from 'express';
import { validationFailed, type FieldError } from '@sanctions/shared/errors';

/** Deep enough for every body we take; a deeper one is walked no further (it fails its schema anyway). */
const MAX_DEPTH = 32;
const NUL = '\u0000';
const NUL_MESSAGE = 'must not contain NUL characters (\\u0000)';

/** Where in `value` a string (or a key) holds a NUL, as the field path the problem names. */
function nulFields(value: unknown, path: string[], found: FieldError[], depth = 0): void {
  if (found.length >= 20 || depth > MAX_DEPTH) return;
  if (typeof value === 'string') {
    if (value.includes(NUL)) found.push({ field: path.join('.') || '(body)', message: NUL_MESSAGE });
    return;
  }
  if (value === null || typeof value !== 'object') return;
  for (const [key, child] of Object.entries(value)) {
    if (key.includes(NUL))
      found.push({
        field: [...path, key.replaceAll(NUL, '\\u0000')].join('.'),
        message: `is a field name that ${NUL_MESSAGE}`,
      });
    nulFields(child, [...path, key], found, depth + 1);
  }
}

/** `%00` anywhere in the path, raw or decoded: an id carrying it must not reach Postgres (which cannot store NUL in text). */
function pathHasNul(originalUrl: string): boolean {
  const path = originalUrl.split('?')[0] ?? '';
  return path.includes(NUL) || /%00/i.test(path);
}

/**
 * Postgres text cannot hold NUL, so a NUL in any string that may reach it (a path segment, a query
 * parameter, a JSON field) would surface as a 500. Every route gets the same answer instead: a 400
 * naming the parameter or field. Runs after the JSON parser; streamed uploads check their rows.
 */
export const refuseNulBytes: RequestHandler = (req, _res, next) => {
  const fields: FieldError[] = [];
  if (pathHasNul(req.originalUrl)) fields.push({ field: '(path)', message: NUL_MESSAGE });
  nulFields(req.query, [], fields);
  if (fields.length > 0) throw validationFailed('Some parameters are not valid', fields);
  nulFields(req.body, [], fields);
  if (fields.length > 0) throw validationFailed('Some fields are not valid', fields);
  next();
};

/** Responses of the API: never sniffed into another type, never cached (a webhook secret is shown once). */
export const apiResponseHeaders: RequestHandler = (_req, res, next) => {
  res.set({ 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'no-store' });
  next();
};
