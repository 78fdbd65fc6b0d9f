import type { Pool } from 'pg';
import { AppError, validationFailed } from '../errors';
import { isImportFormat, openList, relocator, type ImportFormat } from './importers';
import { importList, ListImportError, type ListImportResult } from './list-import-service';
import type { ListSourceId } from './sources';

/** The format a source's official files come in, when the caller does not say. */
export const DEFAULT_FORMAT: Record<ListSourceId, ImportFormat> = {
  'ofac-sdn': 'ofac-sdn-csv',
  'ofac-cons': 'ofac-cons-csv',
  'un-sc': 'un-xml',
  'eu-fsf': 'eu-fsf-xml',
  'uk-ofsi': 'uk-ofsi-csv',
  'ca-sema': 'ca-sema-xml',
  opensanctions: 'ftm-json',
  seed: 'seed',
};

/** Formats read from a folder of several files; the others are one file. */
const MULTI_FILE_FORMATS: readonly ImportFormat[] = ['ofac-sdn-csv', 'ofac-cons-csv'];

export interface ReceivedListFiles {
  /** The folder the files were written to. */
  dir: string;
  /** Each file's path in `dir` → the name it was sent under, as versions, warnings and errors will show it. */
  files: ReadonlyMap<string, string>;
  /** Removes `dir`; called once, when the import is over (or refused). */
  dispose(): Promise<void>;
}

export type StartedListImport =
  | { status: 'unchanged'; result: ListImportResult }
  | { status: 'importing'; versionId: string; version: number; done: Promise<ListImportResult> };

/**
 * Imports uploaded files as a new version of `source`, with the same checks, delta and progress as
 * `npm run lists -- import`. Resolves as soon as the outcome is known to the caller's satisfaction:
 * refused (a ListFileError naming the file and line, or files of another list), unchanged, or
 * importing, with the new version's number (its progress is on the version row) and a promise of
 * the result. `onActivated` tells the workers.
 */
export async function startListImport(
  pool: Pool,
  source: ListSourceId,
  requestedFormat: string | undefined,
  received: ReceivedListFiles,
  hooks: { onActivated: (source: ListSourceId) => Promise<unknown>; onFailed: (error: unknown) => void },
): Promise<StartedListImport> {
  let disposed = false;
  const dispose = () => {
    if (disposed) return Promise.resolve();
    disposed = true;
    return received.dispose().catch(() => undefined);
  };
  try {
    const format = requestedFormat ?? DEFAULT_FORMAT[source];
    if (!isImportFormat(format))
      throw validationFailed('Unknown list format', [
        { field: 'format', message: `must be one of ${Object.values(DEFAULT_FORMAT).join(', ')}, ofac-xml` },
      ]);
    const paths = [...received.files.keys()];
    if (paths.length === 0)
      throw validationFailed('The form has no file', [
        { field: 'file', message: "attach the list's files as file parts" },
      ]);
    const multi = MULTI_FILE_FORMATS.includes(format);
    if (!multi && paths.length > 1) {
      throw validationFailed(`A ${format} list is one file`, [
        {
          field: 'file',
          message: `send one file; ${paths.length} were sent (${[...received.files.values()].join(', ')})`,
        },
      ]);
    }
    const relocate = relocator(received.files);
    const read = { bytesRead: 0, totalBytes: 0 };
    const opened = await openList(format, multi ? received.dir : paths[0]!, {
      onProgress: (bytesRead, totalBytes) => Object.assign(read, { bytesRead, totalBytes }),
    }).catch((error: unknown) => {
      throw relocate.error(error);
    });
    if (opened.sourceId !== source) {
      throw validationFailed(`These files are the ${opened.sourceId} list, not ${source}`, [
        { field: 'file', message: `send them to POST /v1/lists/${opened.sourceId}/versions` },
      ]);
    }
    const parsed = relocate.list(opened);
    let announce!: (created: { id: string; version: number }) => void;
    const created = new Promise<{ id: string; version: number }>((resolve) => (announce = resolve));
    const done = importList(
      pool,
      { ...parsed, warnings: parsed.warnings },
      { readProgress: () => read, onVersionCreated: (c) => announce(c) },
    ).then(async (result) => {
      if (result.status === 'activated') await hooks.onActivated(source).catch(() => undefined);
      return result;
    });
    void done.finally(dispose).catch(() => undefined);
    const first = await Promise.race([
      created.then((c) => ({ created: c })),
      done.then((result) => ({ result })),
    ]).catch((error: unknown) => {
      if (error instanceof ListImportError && !error.versionId) throw new AppError('conflict', error.message);
      throw error;
    });
    if ('result' in first && first.result.status === 'unchanged') return { status: 'unchanged', result: first.result };
    const c = 'created' in first ? first.created : { id: first.result.versionId, version: first.result.version };
    // From here the outcome is on the version row; the caller may stop listening.
    done.catch(hooks.onFailed);
    return { status: 'importing', versionId: c.id, version: c.version, done };
  } catch (error) {
    await dispose();
    throw error;
  }
}
