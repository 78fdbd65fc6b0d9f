import type { IncomingMessage, ServerResponse } from 'node:http';
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
 * `status`, `responseTime` (ms) and `keyId`; at level error with `request failed` for a 5xx. Nothing else of the
 * request is logged: no headers (they carry the key), no query string, no body. Written here rather than with
 * pino-http, which made two child loggers per request and serialised the whole request into one of them (its `req`
 * binding) for a line that never printed it: 3% of the API's CPU on POST /v1/screenings (decision 0014).
 */
export function httpRequestLogger<Req extends IncomingMessage>(logger: Logger, options: HttpRequestLogOptions<Req>) {
  return (req: Req, res: ServerResponse, next: () => void): void => {
    const start = Date.now();
    const done = () => {
      res.removeListener('finish', done);
      res.removeListener('close', done);
      const keyId = options.keyIdOf(req);
      const fields = {
        reqId: options.requestIdOf(req),
        method: req.method,
        route: options.routeOf(req),
        status: res.statusCode,
        responseTime: Date.now() - start,
        ...(keyId && { keyId }),
        ...(!res.writableFinished && { aborted: true }),
      };
      if (res.statusCode >= 500) logger.pino.error(fields, 'request failed');
      else logger.pino.info(fields, 'request');
    };
    res.on('finish', done);
    res.on('close', done);
    next();
  };
}
