import type { ErrorRequestHandler, RequestHandler, Response } from 'express';
import { isDatabaseUnavailable } from '@sanctions/shared/db';
import { AppError, isAppError, type FieldError } from '@sanctions/shared/errors';
import type { Logger } from '@sanctions/shared/logging';
import { requestFields } from './request-context';

/** Seconds a client should wait before retrying while a store is down: a restart takes about that. */
const RETRY_AFTER_SECONDS = 5;
/** ioredis gave up on a command (its connection is down): the request can be retried. */
const REDIS_UNAVAILABLE = /max retries per request|Connection is closed|Stream isn't writeable/i;

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  errors?: FieldError[];
}

/** Writes an RFC 9457 problem document, with the request's id (X-Request-Id) as `requestId` to quote to support. */
export function sendProblem(res: Response, problem: Problem): void {
  const requestId = res.req?.requestId;
  res
    .status(problem.status)
    .type(PROBLEM_CONTENT_TYPE)
    .send(JSON.stringify({ ...problem, ...(requestId && { requestId }) }));
}

function problemFor(error: AppError, instance: string): Problem {
  return {
    type: `https://sanctions-screening.dev/problems/${error.code.replace(/_/g, '-')}`,
    title: error.title,
    status: error.status,
    detail: error.message,
    instance,
    ...(error.fields && { errors: error.fields }),
  };
}

/** body-parser's errors carry a `type`; map the ones a client can cause to our codes. */
function fromBodyParser(error: { type?: string; limit?: number; message?: string }): AppError | undefined {
  switch (error.type) {
    case 'entity.too.large':
      return new AppError('payload_too_large', `The request body is larger than the ${error.limit} bytes allowed`);
    case 'entity.parse.failed':
      return new AppError('validation_failed', 'The request body is not valid JSON', {
        fields: [{ field: '(body)', message: 'is not valid JSON' }],
      });
    case 'encoding.unsupported':
      return new AppError(
        'unsupported_media_type',
        'The Content-Encoding of the body is not supported; send it as it is, or gzip, deflate or br',
      );
    case 'charset.unsupported':
      return new AppError('unsupported_media_type', 'The request body must be UTF-8 encoded');
    default:
      return undefined;
  }
}

/** body-parser reports a body that does not inflate as its Content-Encoding says with zlib's own error. */
function fromDecoding(error: { code?: unknown; message?: string }): AppError | undefined {
  if (typeof error?.code !== 'string' || !/^(Z_|ERR_BROTLI|ERR__ERROR_FORMAT)/.test(error.code)) return undefined;
  return new AppError('validation_failed', 'The body is not encoded as its Content-Encoding says', {
    fields: [{ field: 'Content-Encoding', message: `does not match the body (${error.message})` }],
  });
}

export const notFoundHandler: RequestHandler = (req, res) => {
  sendProblem(res, problemFor(new AppError('not_found', `No route for ${req.method} ${req.path}`), req.originalUrl));
};

export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (error, req, res, next) => {
    if (res.headersSent) return next(error);
    const known = isAppError(error) ? error : (fromBodyParser(error) ?? fromDecoding(error));
    if (known) return sendProblem(res, problemFor(known, req.originalUrl));
    if (isDatabaseUnavailable(error) || REDIS_UNAVAILABLE.test(String((error as Error)?.message))) {
      // A store is down: worth retrying soon, not a bug. The reason stays in the log, never in the answer.
      logger.warn('a store is unavailable', { ...requestFields(req), error: (error as Error).message });
      res.set('Retry-After', String(RETRY_AFTER_SECONDS));
      return sendProblem(
        res,
        problemFor(
          new AppError('not_ready', 'The service cannot reach its database or queue right now; retry shortly'),
          req.originalUrl,
        ),
      );
    }
    logger.error('unhandled error', { error, ...requestFields(req) });
    sendProblem(
      res,
      problemFor(new AppError('internal', 'Something went wrong on our side; it has been logged'), req.originalUrl),
    );
  };
}
