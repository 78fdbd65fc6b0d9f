import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import busboy from 'busboy';
import type { Request } from 'express';
import { AppError, validationFailed } from '@sanctions/shared/errors';
import type { ReceivedListFiles } from '@sanctions/shared/lists';

/** OFAC's CSV lists are four files; a few more leaves room for a stray README without inviting thousands of parts. */
const MAX_FILES = 8;
const FORM_LIMITS = { files: MAX_FILES, fields: 10, fieldSize: 256, parts: 20 } as const;
/** A name kept to what any file system accepts, so an uploaded name cannot reach outside the folder. */
const SAFE_NAME = /[^\w.-]+/g;

/**
 * The files of a `multipart/form-data` upload, each streamed to disk in a fresh temporary folder as
 * it arrives (never buffered whole), under the name it was sent with. Each file is bounded by
 * `maxBytes` (413 past it), and the form by a handful of parts. Fields are returned as text (only
 * `format` is used). On any failure the folder is removed before the error is thrown.
 */
export async function receiveListFiles(
  req: Request,
  maxBytes: number,
): Promise<{ received: ReceivedListFiles; fields: Record<string, string> }> {
  let parser: busboy.Busboy;
  try {
    parser = busboy({ headers: req.headers, limits: { ...FORM_LIMITS, fileSize: maxBytes } });
  } catch (error) {
    throw validationFailed('Send the list files as multipart/form-data', [
      { field: 'Content-Type', message: (error as Error).message },
    ]);
  }
  const dir = await mkdtemp(path.join(tmpdir(), 'list-upload-'));
  const dispose = () => rm(dir, { recursive: true, force: true });
  const files = new Map<string, string>();
  const fields: Record<string, string> = {};
  const writes: Promise<void>[] = [];
  try {
    await new Promise<void>((resolve, reject) => {
      let failed = false;
      const fail = (error: unknown) => {
        if (failed) return;
        failed = true;
        req.unpipe(parser);
        req.resume();
        reject(error);
      };
      parser.on('file', (_field, stream: Readable, info) => {
        const sent = (info.filename ?? '').trim();
        const name = path.basename(sent).replace(SAFE_NAME, '_').slice(0, 200);
        if (!name || name === '.' || name === '..') {
          stream.resume();
          return fail(
            validationFailed('A file part has no file name', [
              {
                field: 'file',
                message: 'each file part needs its file name (curl -F file=@consolidated.xml sends it)',
              },
            ]),
          );
        }
        const target = path.join(dir, name);
        if (files.has(target)) {
          stream.resume();
          return fail(validationFailed(`${name} was sent twice`, [{ field: 'file', message: `send ${name} once` }]));
        }
        files.set(target, name);
        stream.on('limit', () =>
          stream.destroy(
            new AppError('payload_too_large', `${name} is larger than the ${maxBytes} bytes allowed per list file`),
          ),
        );
        writes.push(
          pipeline(stream, createWriteStream(target, { mode: 0o600 })).catch((error: unknown) => fail(error)),
        );
      });
      parser.on('field', (name, value) => {
        fields[name] = value;
      });
      parser.on('filesLimit', () => fail(new AppError('payload_too_large', `A list has at most ${MAX_FILES} files`)));
      parser.on('partsLimit', () => fail(new AppError('payload_too_large', 'The form has too many parts')));
      parser.on('error', (error) =>
        fail(
          validationFailed('The multipart form could not be read', [
            { field: '(body)', message: (error as Error).message },
          ]),
        ),
      );
      parser.on('close', () => {
        Promise.all(writes).then(() => (failed ? undefined : resolve()), fail);
      });
      req.on('error', (error) => fail(error));
      req.pipe(parser);
    });
  } catch (error) {
    await Promise.allSettled(writes);
    await dispose();
    throw error;
  }
  return { received: { dir, files, dispose }, fields };
}
