import type { Pool } from 'pg';
import path from 'node:path';
import {
  importList,
  importSeedFile,
  type ListedEntity,
  type ListImportResult,
  type ListSourceId,
} from '@sanctions/shared/lists';
import { createTestDatabase, type TestDatabase } from './test-stores';

/** A listed entity with sensible defaults, for tests that need a list of their own. */
export function listedEntity(
  overrides: Partial<ListedEntity> & Pick<ListedEntity, 'sourceEntityId'> & { name?: string },
): ListedEntity {
  const { name, ...rest } = overrides;
  return {
    type: 'person',
    names: [{ value: name ?? `Entity ${overrides.sourceEntityId}`, kind: 'primary' }],
    birthDates: [],
    countries: [],
    nationalities: [],
    programs: ['TEST'],
    identifiers: [],
    addresses: [],
    citations: [
      {
        title: `Test list entry ${overrides.sourceEntityId}`,
        sourceRowId: overrides.sourceEntityId,
        listedOn: '2024-01-01',
      },
    ],
    ...rest,
  };
}

export async function importEntities(
  pool: Pool,
  sourceId: ListSourceId,
  entities: ListedEntity[],
  fileHash = 'test',
): Promise<ListImportResult> {
  async function* stream() {
    yield* entities;
  }
  return importList(pool, {
    sourceId,
    format: 'test',
    files: [{ path: 'test', bytes: 0, sha256: `${fileHash}-${Date.now()}-${Math.random()}` }],
    entities: stream(),
  });
}

export const SEED_PATH = path.resolve(__dirname, '../../seeds/human-rights-day-2021.json');

/** A test database with the seed list (the Human Rights Day 2021 designations) loaded. */
export async function createSeededDatabase(): Promise<TestDatabase> {
  const db = await createTestDatabase();
  await importSeedFile(db.pool, SEED_PATH);
  return db;
}
