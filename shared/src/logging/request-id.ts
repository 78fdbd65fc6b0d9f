import { randomUUID } from 'node:crypto';
import { z } from 'zod';

/** A caller's own request id is kept when it is short and plain, so it can be matched in their logs; anything else is replaced. */
const CALLER_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** The request id of an X-Request-Id header: the caller's when sane, else a new UUID. */
export function requestIdFrom(given: string | undefined): string {
  return given !== undefined && CALLER_REQUEST_ID.test(given) ? given : randomUUID();
}

/** A request id as jobs carry it, so the worker's lines about the work carry the request's id too. */
export const requestIdSchema = z.string().regex(CALLER_REQUEST_ID);
