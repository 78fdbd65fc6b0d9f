import type { Readable } from 'node:stream';
import busboy from 'busboy';
import type { Request } from 'express';
import { AppError, validationFailed } from '@sanctions/shared/errors';

export interface UploadedFile {
  stream: Readable;
  filename: string | null;
  mimeType: string;
}

/** Form fields are not read, so a handful of small ones is all a browser form needs. */
const FORM_LIMITS = { files: 1, fields: 20, fieldSize: 1024, parts: 40 } as const;

/**
 * The first file part of a `multipart/form-data` request, as a stream, as soon as its headers
 * arrive: the file is never buffered. Its size is bounded by `maxBytes`; past that the stream
 * fails with payload_too_large. A form without a file part is refused naming the `file` field.
 */
export function multipartFile(req: Request, maxBytes: number): Promise<UploadedFile> {
  return new Promise((resolve, reject) => {
    let parser: busboy.Busboy;
    try {
      parser = busboy({ headers: req.headers, limits: { ...FORM_LIMITS, fileSize: maxBytes } });
    } catch (error) {
      reject(validationFailed('The multipart form could not be read', [{ field: 'Content-Type', message: (error as Error).message }]));
      return;
    }
    let found: Readable | undefined;
    parser.on('file', (_field, stream, info) => {
      if (found) {
        stream.resume();
        return;
      }
      found = stream;
      stream.on('limit', () => stream.destroy(new AppError('payload_too_large', `The file is larger than the ${maxBytes} bytes allowed`)));
      resolve({ stream, filename: info.filename ? info.filename.slice(0, 255) : null, mimeType: info.mimeType });
    });
    parser.on('error', (error) => {
      const problem = validationFailed('The multipart form could not be read', [{ field: '(body)', message: (error as Error).message }]);
      if (found) found.destroy(problem);
      else reject(problem);
    });
    parser.on('close', () => {
      if (!found) reject(validationFailed('The form has no file', [{ field: 'file', message: 'attach the customer file as a file part named "file"' }]));
    });
    req.on('error', (error) => parser.destroy(error));
    req.pipe(parser);
  });
}
