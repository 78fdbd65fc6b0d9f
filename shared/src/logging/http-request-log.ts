import type { IncomingMessage, ServerResponse } from 'node:http';
import { pinoHttp } from 'pino-http';
import type { Logger } from './logger';

export interface HttpRequestLogOptions<Req extends IncomingMessage> {
  /** The id the request was given (X-Request-Id): the line's `reqId`. */
  requestIdOf(req: Req): string;
  /** The route template (`/v1/screenings/:id`), never the path with its ids. */
  routeOf(req: Req): string;
  /** The id of the API key that made the request, once authenticated; never the key. */
  keyIdOf(req: Req): string | undefined;
}

/**
 * One JSON line per request, when its response is finished (or its connection closed): `reqId`, `method`, `route`,
 * `status`, `responseTime` (ms) and `keyId`. Nothing else of the request is logged: no headers (they carry the key),
 * no query string, no body.
 */
export function httpRequestLogger<Req extends IncomingMessage>(logger: Logger, options: HttpRequestLogOptions<Req>) {
  const fields = (req: Req, res: ServerResponse, responseTime: number) => ({
    method: req.method,
    route: options.routeOf(req),
    status: res.statusCode,
    responseTime,
    ...(options.keyIdOf(req) && { keyId: options.keyIdOf(req) }),
    ...(!res.writableFinished && { aborted: true }),
  });
  return pinoHttp<Req, ServerResponse>({
    logger: logger.pino,
    genReqId: (req) => options.requestIdOf(req),
    quietReqLogger: true,
    quietResLogger: true,
    customLogLevel: (_req, res, error) => (error || res.statusCode >= 500 ? 'error' : 'info'),
    customSuccessMessage: () => 'request',
    customErrorMessage: () => 'request failed',
    customSuccessObject: (req, res, val: { responseTime: number }) => fields(req, res, val.responseTime),
    customErrorObject: (req, res, _error, val: { responseTime: number }) => fields(req, res, val.responseTime),
  });
}
