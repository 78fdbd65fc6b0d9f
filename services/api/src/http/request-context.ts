import type { Stream } from 'node:stream';
import type { Request, RequestHandler } from 'express';
import { requestIdFrom, type Logger } from '@sanctions/shared/logging';

declare module 'express-serve-static-core' {
  interface Request {
    /** Echoed in X-Request-Id and carried by every log line about this request. */
    requestId?: string;
  }
}

/** Fields that say which request a log line is about. */
export const requestFields = (req: Request) => ({ reqId: req.requestId, method: req.method, path: req.path });

/**
 * Gives the request an id and guards the two streams every request has: a client that resets its
 * connection makes `req` emit 'error', and an 'error' nobody listens to ends the process. The
 * handlers reading a body see the same failure through their own pipeline; this only logs it.
 */
export function requestContext(logger: Logger): RequestHandler {
  return (req, res, next) => {
    req.requestId = requestIdFrom(req.get('x-request-id'));
    res.set('X-Request-Id', req.requestId);
    guardStream(req, req, logger, 'request');
    guardStream(req, res, logger, 'response');
    next();
  };
}

/**
 * Every stream derived from a request (its decoder, its size limit, a form's file) gets an 'error'
 * listener that logs with the request id: whoever reads the stream still sees the error, and one
 * left unread when the client went away no longer takes the process down with it.
 */
export function guardStream(req: Request, stream: Stream, logger: Logger, name: string): void {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    logger.info('request stream failed', {
      ...requestFields(req),
      stream: name,
      reason: error.message,
      code: error.code,
    });
  });
}
