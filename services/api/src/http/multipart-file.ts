import { PassThrough, pipeline, type Readable } from 'node:stream';
import busboy from 'busboy';
import type { Request } from 'express';
import { AppError, validationFailed } from '@sanctions/shared/errors';
import type { Logger } from '@sanctions/shared/logging';
import { BodyCutOffError, bodyProblem } from './request-body';
import { guardStream } from './request-context';

export interface UploadedFile {
  stream: Readable;
  filename: string | null;
  mimeType: string;
}

/** Form fields are not read, so a handful of small ones is all a browser form needs. */
const FORM_LIMITS = { files: 1, fields: 20, fieldSize: 1024, parts: 40 } as const;

/** Postgres text cannot hold NUL, and no file system names a file with control characters. */
const hasControlCharacter = (text: string) => [...text].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f);

/** An error while the file is read: ours (too large, bad encoding) as it is, any other as the form cut off. */
function cutOffProblem(error: Error): Error {
  const problem = bodyProblem(error);
  if (problem instanceof AppError || problem instanceof BodyCutOffError) return problem;
  return new BodyCutOffError(`The form ended before it was complete (${error.message})`, { cause: error });
}

/**
 * The first file part of a `multipart/form-data` body, as a stream, as soon as its headers
 * arrive: the file is never buffered. Its size is bounded by `maxBytes`; past that the stream
 * fails with payload_too_large. A form without a file part is refused naming the `file` field.
 * `body` is the request body already decoded (see requestBody); every stream here has an error
 * listener, so a form cut off mid-file fails its reader and never the process.
 */
export function multipartFile(req: Request, body: Readable, maxBytes: number, logger: Logger): Promise<UploadedFile> {
  return new Promise((resolve, reject) => {
    let parser: busboy.Busboy;
    try {
      parser = busboy({ headers: req.headers, limits: { ...FORM_LIMITS, fileSize: maxBytes } });
    } catch (error) {
      reject(
        validationFailed('The multipart form could not be read', [
          { field: 'Content-Type', message: (error as Error).message },
        ]),
      );
      return;
    }
    let found: Readable | undefined;
    parser.on('file', (_field, stream, info) => {
      if (found) {
        stream.resume();
        return;
      }
      guardStream(req, stream, logger, 'form file');
      if (info.filename && hasControlCharacter(info.filename)) {
        stream.resume();
        reject(
          validationFailed('The file name is not valid', [
            { field: 'filename', message: 'must not contain NUL or other control characters' },
          ]),
        );
        return;
      }
      stream.on('limit', () =>
        stream.destroy(new AppError('payload_too_large', `The file is larger than the ${maxBytes} bytes allowed`)),
      );
      // busboy fails the file itself with its own errors ("Unexpected end of form"): the reader gets them as a cut-off upload.
      const file = new PassThrough();
      guardStream(req, file, logger, 'form file');
      stream.on('error', (error) => file.destroy(cutOffProblem(error)));
      stream.pipe(file);
      found = file;
      resolve({ stream: file, filename: info.filename ? info.filename.slice(0, 255) : null, mimeType: info.mimeType });
    });
    parser.on('close', () => {
      if (!found)
        reject(
          validationFailed('The form has no file', [
            { field: 'file', message: 'attach the customer file as a file part named "file"' },
          ]),
        );
    });
    // busboy reports a form that ends early ("Unexpected end of form") as an error on the parser and, from
    // here, on the file being read: the upload was cut off, not refused for what it holds.
    pipeline(body, parser, (error) => {
      if (!error) return;
      if (found) found.destroy(cutOffProblem(error));
      else {
        const problem = bodyProblem(error);
        const known = problem instanceof AppError || problem instanceof BodyCutOffError;
        reject(
          known
            ? problem
            : validationFailed('The multipart form could not be read', [
                { field: '(body)', message: (error as Error).message },
              ]),
        );
      }
    });
  });
}
