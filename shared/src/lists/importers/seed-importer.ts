import type { ListedEntity } from '../entity-model';
import { parseSeedDataset, type SeedDataset } from '../seed-dataset';
import { ListFileError } from './list-file-error';
import { ListFile } from './list-file';
import type { OpenListOptions, ParsedList } from './parsed-list';

/** A seed file is hand-curated: anything this large is not one, so it is refused before being read. */
const MAX_SEED_BYTES = 64 * 1024 * 1024;
const EXPECTED = 'a seed dataset JSON file (see seeds/README.md)';

/** Line and column of a character offset, for JSON syntax errors. */
function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/**
 * Our seed dataset (seeds/*.json), validated by parseSeedDataset. It is small and validated whole,
 * so it is read at once; its entities are already in our model.
 */
export async function openSeed(path: string, options: OpenListOptions = {}): Promise<ParsedList> {
  // Read whole, as it is validated whole; at most MAX_SEED_BYTES are read before a larger file is refused.
  const file = await ListFile.open(path, { encoding: 'utf-8', expected: EXPECTED, sniffBytes: MAX_SEED_BYTES });
  const size = file.size;
  if (!file.headIsWholeFile)
    throw new ListFileError(
      { file: path },
      `is ${size} bytes, larger than any seed file (${MAX_SEED_BYTES}); expected ${EXPECTED}`,
    );
  const text = file.head;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    const position = /position (\d+)/.exec((error as Error).message)?.[1];
    const line = position ? lineOf(text, Number(position)) : undefined;
    throw new ListFileError(
      { file: path, ...(line ? { line } : {}) },
      `is not valid JSON (${(error as Error).message}); expected ${EXPECTED}`,
      { cause: error },
    );
  }
  let dataset: SeedDataset;
  try {
    dataset = parseSeedDataset(json);
  } catch (error) {
    const issues = (error as { issues?: { path: PropertyKey[]; message: string }[] }).issues ?? [];
    const first = issues[0];
    const field = first?.path.map(String).join('.');
    const summary = issues
      .slice(0, 5)
      .map((i) => `${i.path.map(String).join('.') || '(root)'}: ${i.message}`)
      .join('; ');
    throw new ListFileError(
      { file: path, ...(field ? { field } : {}) },
      `is not a valid seed dataset: ${summary || (error as Error).message}${issues.length > 5 ? ` (and ${issues.length - 5} more)` : ''}`,
      {
        cause: error,
      },
    );
  }
  const files = [await file.digest()];
  const stats = { recordsRead: 0, entities: 0 };
  async function* entities(): AsyncGenerator<ListedEntity> {
    options.onProgress?.(size, size);
    stats.recordsRead = dataset.entities.length;
    yield* dataset.entities;
  }
  return {
    sourceId: 'seed',
    format: 'seed',
    files,
    publishedAt: dataset.publishedOn,
    entities: { [Symbol.asyncIterator]: entities },
    warnings: [],
    stats,
  };
}
