import type { Request, RequestHandler } from 'express';
import { httpRequestLogger } from '@sanctions/shared/logging';
import { UNMATCHED_ROUTE } from '@sanctions/shared/metrics';
import type { ApiDeps } from '../api-deps';

/** The route template that answered (`/v1/screenings/:id`); a request no route took (404, 401) is `unmatched`. */
export const routeOf = (req: Request): string =>
  req.route?.path ? `${req.baseUrl}${String(req.route.path)}` : UNMATCHED_ROUTE;

/**
 * After requestContext: one pino line per request (reqId, method, route, status, responseTime, keyId) and its
 * duration in http_request_duration_seconds, both once the response is finished.
 */
export function requestLog(deps: Pick<ApiDeps, 'logger' | 'metrics'>): RequestHandler[] {
  const log = httpRequestLogger<Request>(deps.logger, {
    requestIdOf: (req) => req.requestId!,
    routeOf,
    keyIdOf: (req) => req.principal?.keyId,
  });
  const measure: RequestHandler = (req, res, next) => {
    const end = deps.metrics.httpRequestDuration.startTimer();
    res.once('finish', () => end({ method: req.method, route: routeOf(req), status: String(res.statusCode) }));
    next();
  };
  return [log as unknown as RequestHandler, measure];
}
