import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { Pool } from 'pg';
import { authenticate, hasScope, type ApiPrincipal, type Scope, type VerifiedKeyCache } from '@sanctions/shared/auth';
import { forbidden, unauthorized } from '@sanctions/shared/errors';
import { refuseQueryWhereNone } from './query';

declare module 'express-serve-static-core' {
  interface Request {
    principal?: ApiPrincipal;
  }
}

const BEARER = /^Bearer\s+(\S+)$/i;

/** Resolves `Authorization: Bearer <key>` to the key's principal; refuses missing, unknown or revoked keys. */
export function authenticateRequests(pool: Pool, cache?: VerifiedKeyCache): RequestHandler {
  return async (req: Request, res: Response, next: NextFunction) => {
    const match = BEARER.exec(req.get('authorization') ?? '');
    if (!match?.[1]) {
      res.set('WWW-Authenticate', 'Bearer');
      throw unauthorized('Send your API key as `Authorization: Bearer <key>`');
    }
    const principal = await authenticate(pool, match[1], cache);
    if (!principal) {
      res.set('WWW-Authenticate', 'Bearer error="invalid_token"');
      throw unauthorized('This API key is not valid or has been revoked');
    }
    req.principal = principal;
    next();
  };
}

export function requireScope(scope: Scope): RequestHandler {
  return (req, _res, next) => {
    if (!req.principal || !hasScope(req.principal, scope)) throw forbidden(`This API key lacks the ${scope} scope`);
    // Every keyed route passes here once routed, so this is where a query on a route that takes none is refused.
    refuseQueryWhereNone(req);
    next();
  };
}
