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

/** helmet on every response: CSP, nosniff, Referrer-Policy no-referrer, frame and cross-origin guards. */
export const securityHeaders: RequestHandler = helmet({
  contentSecurityPolicy: CONTENT_SECURITY_POLICY,
  referrerPolicy: { policy: 'no-referrer' },
});

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
