import type { Pool } from 'pg';
import { importList, type ListedEntity, type ListImportResult, type ListSourceId } from '@sanctions/shared/lists';

/** A listed entity with sensible defaults, for tests that need a list of their own. */
export function listedEntity(overrides: Partial<ListedEntity> & Pick<ListedEntity, 'sourceEntityId'> & { name?: string }): ListedEntity {
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
    citations: [{ title: `Test list entry ${overrides.sourceEntityId}`, sourceRowId: overrides.sourceEntityId, listedOn: '2024-01-01' }],
    ...rest,
  };
}

export async function importEntities(pool: Pool, sourceId: ListSourceId, entities: ListedEntity[], fileHash = 'test'): Promise<ListImportResult> {
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
