import type { ListedEntity } from '../entity-model';
import type { ListSourceId } from '../sources';

export const IMPORT_FORMATS = [
  'ofac-sdn-csv',
  'ofac-cons-csv',
  'ofac-xml',
  'un-xml',
  'uk-ofsi-csv',
  'ca-sema-xml',
  'eu-fsf-xml',
  'ftm-json',
  'seed',
] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

export function isImportFormat(value: string): value is ImportFormat {
  return (IMPORT_FORMATS as readonly string[]).includes(value);
}

/** Something in a list file that was skipped or could not be used, but does not make the file unusable. */
export interface ImportWarning {
  file: string;
  line?: number;
  element?: string;
  field?: string;
  message: string;
}

export interface ListFileDigest {
  path: string;
  bytes: number;
  sha256: string;
}

/** Counts of the operations in a FollowTheMoney delta file, filled while iterating. */
export interface DeltaOperationCounts {
  ADD: number;
  MOD: number;
  DEL: number;
}

/** What one pass over the file(s) read and produced, filled while iterating. */
export interface ImportStats {
  /** Source records read from the main file: CSV data rows, XML records, JSON lines. */
  recordsRead: number;
  /** Entities yielded. */
  entities: number;
}

export interface ParsedList {
  sourceId: ListSourceId;
  format: ImportFormat;
  /** Every file read, hashed before parsing. */
  files: ListFileDigest[];
  /** When the publisher dated the file (YYYY-MM-DD), read from inside the file where it says. */
  publishedAt?: string;
  /**
   * The entities, parsed as they are read: the file is never held in memory whole. Iterating again
   * parses the files again (and starts `warnings` afresh).
   */
  entities: AsyncIterable<ListedEntity>;
  /** Filled while `entities` is iterated. */
  warnings: ImportWarning[];
  /** Filled while `entities` is iterated. */
  stats: ImportStats;
  /**
   * Only for FollowTheMoney delta files (`{op, entity}` lines): the file is a patch on the previous
   * version, not a whole list. `entities` are its ADD and MOD entities; these are the ids of its DEL
   * operations (of any schema, so some may not be entities we keep). Filled while iterating.
   */
  deletedSourceEntityIds?: string[];
  /** Only for FollowTheMoney delta files: how many lines of each operation, filled while iterating. */
  deltaOperations?: DeltaOperationCounts;
}

export interface OpenListOptions {
  /** Called as the parser reads its main file(s): bytes read so far and the total to read. */
  onProgress?: (bytesRead: number, totalBytes: number) => void;
}
