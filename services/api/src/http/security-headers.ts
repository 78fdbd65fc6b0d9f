import cors from 'cors';
import type { RequestHandler } from 'express';
import helmet from 'helmet';

/**
 * The page, the reference at /docs and every API answer keep to their own origin's scripts and
 * styles: no inline script, no third-party origin, never framed. Swagger UI sets styles from its
 * script, which style-src must allow; nothing else needs an exception.
 */
const CONTENT_SECURITY_POLICY = {
  useDefaults: false,
  directives: {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    styleSrc: ["'self'"],
    imgSrc: ["'self'", 'data:'],
    connectSrc: ["'self'"],
    objectSrc: ["'none'"],
    baseUri: ["'none'"],
    frameAncestors: ["'none'"],
    formAction: ["'self'"],
  },
};

/** What helmet does to a response, recorded once: the headers it sets and the ones it removes, in its order. */
interface HeaderEdits {
  set: [string, string][];
  removed: string[];
}

/**
 * Runs helmet once against a recorder. Its answer depends on nothing in the request (the policy has no nonce or other
 * function), so every response can get the same headers without walking helmet's chain of a dozen middleware each
 * time; a helmet that did not finish synchronously, or failed, is a start-up error rather than a silently missing one.
 */
export function recordHelmet(middleware: RequestHandler): HeaderEdits {
  const edits: HeaderEdits = { set: [], removed: [] };
  const recorder = {
    setHeader: (name: string, value: unknown) => void edits.set.push([name, String(value)]),
    removeHeader: (name: string) => void edits.removed.push(name),
  };
  let finished = false;
  let failure: unknown;
  middleware({} as never, recorder as never, (error?: unknown) => {
    finished = true;
    failure = error;
  });
  if (!finished || failure) throw new Error('helmet did not set its headers synchronously', { cause: failure });
  return edits;
}

/** helmet's headers, computed once and set on every response: CSP, nosniff, no-referrer, frame and cross-origin guards. */
export function headersOnEveryResponse(edits: HeaderEdits): RequestHandler {
  const { set, removed } = edits;
  return (_req, res, next) => {
    for (const [name, value] of set) res.setHeader(name, value);
    for (const name of removed) res.removeHeader(name);
    next();
  };
}

export const securityHeaders: RequestHandler = headersOnEveryResponse(
  recordHelmet(helmet({ contentSecurityPolicy: CONTENT_SECURITY_POLICY, referrerPolicy: { policy: 'no-referrer' } })),
);

/**
 * CORS stays off (no header, so browsers keep other origins out) unless CORS_ORIGINS names origins.
 * Answered before authentication: a preflight carries no key.
 */
export function corsFor(origins: string[]): RequestHandler | undefined {
  if (origins.length === 0) return undefined;
  return cors({
    origin: origins,
    methods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'],
    allowedHeaders: ['Authorization', 'Content-Type', 'Idempotency-Key', 'X-Request-Id'],
    exposedHeaders: [
      'Location',
      'Retry-After',
      'X-Request-Id',
      'RateLimit-Limit',
      'RateLimit-Remaining',
      'RateLimit-Reset',
    ],
    maxAge: 600,
  });
}
