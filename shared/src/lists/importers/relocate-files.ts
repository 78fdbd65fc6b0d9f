import { ListFileError } from './list-file-error';
import type { ParsedList } from './parsed-list';

/**
 * Makes the version, its warnings and any error name each file as its user knows it (the URL it
 * was downloaded from, the name it was uploaded under), not the temporary directory it passed
 * through (which is gone by the time anyone reads them).
 */
export function relocator(names: ReadonlyMap<string, string>) {
  const shown = (file: string) => names.get(file) ?? file;
  const error = (e: unknown) =>
    e instanceof ListFileError && names.has(e.file)
      ? new ListFileError({ file: shown(e.file), line: e.line, element: e.element, field: e.field }, e.reason, {
          cause: e,
        })
      : e;
  const list = (parsed: ParsedList): ParsedList => {
    async function* entities() {
      try {
        yield* parsed.entities;
      } catch (e) {
        throw error(e);
      } finally {
        for (const warning of parsed.warnings) warning.file = shown(warning.file);
      }
    }
    return {
      ...parsed,
      files: parsed.files.map((f) => ({ ...f, path: shown(f.path) })),
      entities: { [Symbol.asyncIterator]: entities },
    };
  };
  return { error, list };
}
