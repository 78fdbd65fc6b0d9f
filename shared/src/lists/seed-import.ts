import type { Pool } from 'pg';
import { openList } from './importers';
import { importList, type ListImportResult } from './list-import-service';

/** Loads our seed dataset file as the `seed` list; loading the same file again changes nothing. */
export async function importSeedFile(pool: Pool, path: string): Promise<ListImportResult> {
  return importList(pool, await openList('seed', path));
}
