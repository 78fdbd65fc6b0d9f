import type { Pool, PoolClient } from 'pg';
import type { Citation, EntityName, EntityType, Identifier, ListedEntity } from './entity-model';

export interface ActiveListVersion {
  sourceId: string;
  versionId: string;
  version: number;
}

export interface ListSummary {
  id: string;
  name: string;
  authority: string;
  url: string;
  license: string;
  activeVersion: null | {
    id: string;
    version: number;
    format: string;
    publishedAt: string | null;
    activatedAt: string;
    entityCount: number;
    nameCount: number;
    delta: { added: number; removed: number; changed: number };
  };
}

/** What the matcher indexes, per entity: everything it scores on, nothing it shows. */
export interface IndexableEntity {
  id: string;
  type: EntityType;
  names: Pick<EntityName, 'value' | 'kind'>[];
  birthDates: string[];
  countries: string[];
  identifiers: Pick<Identifier, 'type' | 'value'>[];
}

const ACTIVE_VERSIONS = `
  SELECT s.id AS source_id, v.id AS version_id, v.version
  FROM list_sources s JOIN list_versions v ON v.id = s.active_version_id
  ORDER BY s.id`;

const INDEXABLE_ENTITIES_PAGE = `
  SELECT e.id, e.type,
         (SELECT json_agg(json_build_object('value', n.name, 'kind', n.kind) ORDER BY n.position)
          FROM entity_names n WHERE n.entity_id = e.id) AS names,
         coalesce(e.document -> 'birthDates', '[]') AS birth_dates,
         (coalesce(e.document -> 'countries', '[]') || coalesce(e.document -> 'nationalities', '[]')) AS countries,
         coalesce(e.document -> 'identifiers', '[]') AS identifiers
  FROM entities e JOIN list_sources s ON s.id = e.source_id AND s.active_version_id IS NOT NULL
  WHERE e.removed_in_version_id IS NULL AND e.id > $1
  ORDER BY e.id
  LIMIT $2`;

const LIST_SUMMARIES = `
  SELECT s.id, s.name, s.authority, s.url, s.license,
         v.id AS version_id, v.version, v.format, v.published_at, v.activated_at, v.entity_count, v.name_count,
         v.added_count, v.removed_count, v.changed_count
  FROM list_sources s LEFT JOIN list_versions v ON v.id = s.active_version_id
  ORDER BY s.id`;

const ENTITY_BY_ID = `SELECT id, source_id, document, removed_in_version_id FROM entities WHERE id = $1`;

/** Page size when loading the index: bounded memory per round trip on million-name lists. */
const INDEX_PAGE_SIZE = 20_000;

/** The active version of every source, in a stable order. */
export async function activeListVersions(db: Pool | PoolClient): Promise<ActiveListVersion[]> {
  const { rows } = await db.query<{ source_id: string; version_id: string; version: number }>(ACTIVE_VERSIONS);
  return rows.map((r) => ({ sourceId: r.source_id, versionId: r.version_id, version: r.version }));
}

/** A short, stable label for a set of active versions, e.g. "ofac-sdn@3+seed@1". */
export function listVersionKey(versions: ActiveListVersion[]): string {
  return versions.map((v) => `${v.sourceId}@${v.version}`).join('+');
}

/**
 * Every active entity with its names, read in one snapshot together with the versions it belongs
 * to, so an index never mixes two versions of a list.
 */
export async function loadIndexableEntities(pool: Pool): Promise<{ versions: ActiveListVersion[]; entities: IndexableEntity[] }> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const versions = await activeListVersions(client);
    const entities: IndexableEntity[] = [];
    let after = '';
    for (;;) {
      const { rows } = await client.query<{
        id: string;
        type: EntityType;
        names: IndexableEntity['names'] | null;
        birth_dates: string[];
        countries: string[];
        identifiers: Identifier[];
      }>(INDEXABLE_ENTITIES_PAGE, [after, INDEX_PAGE_SIZE]);
      for (const r of rows) {
        entities.push({
          id: r.id,
          type: r.type,
          names: r.names ?? [],
          birthDates: r.birth_dates,
          countries: r.countries,
          identifiers: r.identifiers.map((i) => ({ type: i.type, value: i.value })),
        });
      }
      if (rows.length < INDEX_PAGE_SIZE) break;
      after = rows[rows.length - 1]!.id;
    }
    await client.query('COMMIT');
    return { versions, entities };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

export async function listSummaries(db: Pool): Promise<ListSummary[]> {
  const { rows } = await db.query(LIST_SUMMARIES);
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    authority: r.authority,
    url: r.url,
    license: r.license,
    activeVersion: r.version_id
      ? {
          id: String(r.version_id),
          version: r.version,
          format: r.format,
          publishedAt: r.published_at ? new Date(r.published_at).toISOString() : null,
          activatedAt: new Date(r.activated_at).toISOString(),
          entityCount: r.entity_count,
          nameCount: r.name_count,
          delta: { added: r.added_count, removed: r.removed_count, changed: r.changed_count },
        }
      : null,
  }));
}

export interface StoredEntity extends ListedEntity {
  id: string;
  sourceId: string;
  removed: boolean;
}

export async function findEntity(db: Pool, id: string): Promise<StoredEntity | undefined> {
  const row = (await db.query<{ id: string; source_id: string; document: ListedEntity; removed_in_version_id: string | null }>(ENTITY_BY_ID, [id])).rows[0];
  return row && { id: row.id, sourceId: row.source_id, removed: row.removed_in_version_id !== null, ...row.document };
}

export type { Citation };
