import { finished, Transform, type Readable } from 'node:stream';
import zlib from 'node:zlib';
import type { Request } from 'express';
import { AppError, isAppError, validationFailed } from '@sanctions/shared/errors';
import type { Logger } from '@sanctions/shared/logging';
import { guardStream } from './request-context';

/**
 * The body ended before it was whole: the client reset or closed its connection, or a form ended
 * without its closing boundary. Not an AppError on purpose: an upload cut off is failed (its batch
 * says why), where a file refused for its content leaves nothing behind.
 */
export class BodyCutOffError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'BodyCutOffError';
  }
}

/** Node's codes for a connection that ended under a request still being read. */
const CUT_OFF_CODES = new Set([
  'ECONNRESET',
  'ECONNABORTED',
  'EPIPE',
  'ERR_STREAM_PREMATURE_CLOSE',
  'ERR_STREAM_DESTROYED',
]);

function decoderFor(req: Request): Transform | undefined {
  const encoding = (req.get('content-encoding') ?? 'identity').trim().toLowerCase();
  switch (encoding) {
    case 'identity':
    case '':
      return undefined;
    case 'gzip':
    case 'x-gzip':
      return zlib.createGunzip();
    case 'deflate':
      return zlib.createInflate();
    case 'br':
      return zlib.createBrotliDecompress();
    default:
      throw new AppError(
        'unsupported_media_type',
        `Content-Encoding ${encoding} is not supported; send the body as it is, or gzip, deflate or br`,
      );
  }
}

const isZlibError = (error: NodeJS.ErrnoException) =>
  typeof error.code === 'string' &&
  (error.code.startsWith('Z_') || error.code.startsWith('ERR_BROTLI') || error.code.startsWith('ERR__ERROR_FORMAT'));

/**
 * What a failure while reading the body means for the client: its encoding did not match the
 * Content-Encoding it declared (400), it went away (cut off), or it was refused by us (as thrown).
 */
export function bodyProblem(error: unknown): unknown {
  if (isAppError(error) || error instanceof BodyCutOffError) return error;
  const e = error as NodeJS.ErrnoException;
  if (isZlibError(e)) {
    return validationFailed('The body is not encoded as its Content-Encoding says', [
      { field: 'Content-Encoding', message: `does not match the body (${e.message})` },
    ]);
  }
  if ((e.code && CUT_OFF_CODES.has(e.code)) || e.message === 'aborted')
    return new BodyCutOffError('The request body ended before it was complete', { cause: error });
  return error;
}

/**
 * The request body as a stream, decoded as its Content-Encoding says and bounded to `maxBytes`
 * once decoded (a small gzip cannot unpack into an unbounded file). An error anywhere (a reset
 * connection, a bad gzip, the size limit) destroys every stage and reaches whoever reads the
 * result, even one that starts reading later, as a BodyCutOffError, a 400 or our own AppError.
 * The request is piped, not put in a stream.pipeline: destroying it would reset the connection
 * before a 413 or 400 could be answered.
 */
export function requestBody(req: Request, maxBytes: number, logger: Logger): Readable {
  const decoder = decoderFor(req);
  let seen = 0;
  const limit = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      seen += chunk.length;
      if (seen > maxBytes)
        return done(new AppError('payload_too_large', `The file is larger than the ${maxBytes} bytes allowed`));
      done(null, chunk);
    },
  });
  guardStream(req, limit, logger, 'body');
  if (decoder) guardStream(req, decoder, logger, 'decoder');
  // The reader sees what an error means (cut off, bad encoding), not how the socket or zlib reported it.
  const fail = (error: Error) => {
    const problem = bodyProblem(error) as Error;
    decoder?.destroy(problem);
    limit.destroy(problem);
  };
  // A request that errors or closes before its end (already, or later) fails every stage.
  finished(req, (error) => {
    if (error) fail(error);
  });
  if (decoder) {
    decoder.on('error', fail);
    req.pipe(decoder).pipe(limit);
  } else {
    req.pipe(limit);
  }
  return limit;
}
