import type { Request } from 'express';
import { documentsQuery } from '../openapi/route-docs';
import { z } from 'zod';
import { fieldErrorsFromZod, validationFailed } from '@sanctions/shared/errors';
import { UUID_PATTERN } from './validation';

/** The largest value of a Postgres integer column (int4): line numbers and counts compared with one. */
export const INT4_MAX = 2_147_483_647;

/**
 * A whole number written in plain digits, from `min` to `max`. Number() would take `0x10`, `1e3`,
 * `1e308` or ` 7 `; a client sending those has a bug worth hearing about, and a value past int4
 * must be refused here rather than by Postgres as a 500. Out of range is refused, never clamped.
 */
export function queryInteger(min: number, max: number, what = 'an integer') {
  return z
    .string({ error: `must be ${what} from ${min} to ${max}, given once` })
    .regex(/^\d{1,16}$/, `must be ${what} from ${min} to ${max}, written in digits`)
    .transform(Number)
    .refine((n) => n >= min && n <= max, `must be ${what} from ${min} to ${max}`);
}

/** A page size: `limit` of every listing. */
export const queryLimit = (max: number, fallback: number) => queryInteger(1, max).default(fallback);

/** A flag: true or false (1 or 0), as a boolean. */
export const queryBoolean = () =>
  z.enum(['true', 'false', '1', '0'], { error: 'must be true or false' }).transform((v) => v === 'true' || v === '1');

/** The id of one of our objects (a cursor, a batch), as the listing gave it out. */
export const queryUuid = (what: string) =>
  z.string({ error: `must be ${what}, given once` }).regex(UUID_PATTERN, `must be ${what}`);

/** A text filter given once, trimmed, within `max` characters; empty counts as not given. */
export const queryText = (max: number) =>
  z
    .string({ error: 'must be given once' })
    .trim()
    .max(max, `must be at most ${max} characters`)
    .transform((v) => (v === '' ? undefined : v));

/** Parses a route's query string with its schema (a strict object: an unknown parameter is refused by name). */
export function parseQuery<S extends z.ZodType>(req: Request, schema: S): z.infer<S> {
  const parsed = schema.safeParse(req.query);
  if (parsed.success) return parsed.data;
  const fields = parsed.error.issues.flatMap((issue) =>
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((key) => ({ field: key, message: 'is not a parameter of this route' }))
      : fieldErrorsFromZod([issue]),
  );
  throw validationFailed('Some query parameters are not valid', fields);
}

/**
 * A route that documents no query parameters takes none: `GET /v1/alerts/:id?status=open` is a 400
 * naming `status` rather than an answer that looks filtered. Routes with parameters parse them with parseQuery.
 */
export function refuseQueryWhereNone(req: Request): void {
  if (!req.route || documentsQuery(req.method === 'HEAD' ? 'GET' : req.method, String(req.route.path))) return;
  const given = Object.keys(req.query ?? {});
  if (given.length > 0)
    throw validationFailed(
      'This route takes no query parameters',
      given.map((field) => ({ field, message: 'is not a parameter of this route; it takes none' })),
    );
}
