import { readdir, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { ListFileError } from './list-file-error';

export async function isDirectory(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch (error) {
    throw new ListFileError({ file: path }, `cannot be read: ${(error as Error).message}`, { cause: error });
  }
}

/** Finds files in a directory by name, ignoring case (OFAC publishes SDN.CSV as well as sdn.csv). */
export async function findInDirectory(dir: string, names: readonly string[]): Promise<Map<string, string>> {
  const entries = await readdir(dir);
  const found = new Map<string, string>();
  for (const name of names) {
    const entry = entries.find((e) => e.toLowerCase() === name.toLowerCase());
    if (entry) found.set(name, join(dir, entry));
  }
  return found;
}

/**
 * For a list published as one file, a folder holding it may be given instead: the one file in it
 * with the format's extension (e.g. consolidated.xml in un_consolidated/). A path that is a file
 * is returned as it is.
 */
export async function singleListFile(path: string, extension: string, expected: string): Promise<string> {
  if (!(await isDirectory(path))) return path;
  const entries = await readdir(path, { withFileTypes: true });
  const candidates = entries
    .filter((e) => e.isFile() && extname(e.name).toLowerCase() === extension)
    .map((e) => e.name)
    .sort();
  if (candidates.length === 1) return join(path, candidates[0]!);
  throw new ListFileError(
    { file: path },
    candidates.length === 0
      ? `is a folder with no ${extension} file; expected ${expected}`
      : `is a folder with ${candidates.length} ${extension} files (${candidates.slice(0, 5).join(', ')}); pass the one to import`,
  );
}
