import type { ErrorRequestHandler, RequestHandler, Response } from 'express';
import { AppError, isAppError, type FieldError } from '@sanctions/shared/errors';
import type { Logger } from '@sanctions/shared/logging';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  errors?: FieldError[];
}

/** Writes an RFC 9457 problem document. */
export function sendProblem(res: Response, problem: Problem): void {
  res.status(problem.status).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(problem));
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
      return new AppError('validation_failed', 'The request body is not valid JSON', { fields: [{ field: '(body)', message: 'is not valid JSON' }] });
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return new AppError('unsupported_media_type', 'The request body must be UTF-8 encoded');
    default:
      return undefined;
  }
}

export const notFoundHandler: RequestHandler = (req, res) => {
  sendProblem(res, problemFor(new AppError('not_found', `No route for ${req.method} ${req.path}`), req.originalUrl));
};

export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (error, req, res, next) => {
    if (res.headersSent) return next(error);
    const known = isAppError(error) ? error : fromBodyParser(error);
    if (known) return sendProblem(res, problemFor(known, req.originalUrl));
    logger.error('unhandled error', { error, method: req.method, path: req.path });
    sendProblem(res, problemFor(new AppError('internal', 'Something went wrong on our side; it has been logged'), req.originalUrl));
  };
}
