import type { Pool, PoolClient, QueryResultRow } from 'pg';
import type { EntityName, EntityType, Identifier, ListedEntity } from './entity-model';

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
  /** False once the list is disabled: it is kept, but no longer screened against. */
  enabled: boolean;
  disabledAt: string | null;
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

/**
 * A listed entity as the matcher indexes it, under the given index id: what loadIndexableEntities reads back once the
 * entity is stored (countries and nationalities count alike), for code that indexes a list without a database.
 */
export function indexableEntity(id: string, entity: ListedEntity): IndexableEntity {
  return {
    id,
    type: entity.type,
    names: entity.names.map((n) => ({ value: n.value, kind: n.kind })),
    birthDates: entity.birthDates,
    countries: [...entity.countries, ...entity.nationalities],
    identifiers: entity.identifiers.map((i) => ({ type: i.type, value: i.value })),
  };
}

/** The versions screened against: a disabled list keeps its active version but is left out. */
const ACTIVE_VERSIONS = `
  SELECT s.id AS source_id, v.id AS version_id, v.version
  FROM list_sources s JOIN list_versions v ON v.id = s.active_version_id
  WHERE s.disabled_at IS NULL
  ORDER BY s.id`;

// Entities and their names are read as two streams in the same order (the same active entities, sorted by id), and
// merged: one pass over each table, rather than a look-up of names per entity.
const INDEXABLE_ENTITIES = `
  SELECT e.id, e.type,
         coalesce(e.document -> 'birthDates', '[]') AS birth_dates,
         (coalesce(e.document -> 'countries', '[]') || coalesce(e.document -> 'nationalities', '[]')) AS countries,
         coalesce(e.document -> 'identifiers', '[]') AS identifiers
  FROM entities e JOIN list_sources s ON s.id = e.source_id AND s.active_version_id IS NOT NULL AND s.disabled_at IS NULL
  WHERE e.removed_in_version_id IS NULL
  ORDER BY e.id`;

const INDEXABLE_NAMES = `
  SELECT n.entity_id, n.name, n.kind
  FROM entity_names n
  JOIN entities e ON e.id = n.entity_id
  JOIN list_sources s ON s.id = e.source_id AND s.active_version_id IS NOT NULL AND s.disabled_at IS NULL
  WHERE e.removed_in_version_id IS NULL
  ORDER BY n.entity_id, n.position`;

const LIST_SUMMARIES = `
  SELECT s.id, s.name, s.authority, s.url, s.license, s.disabled_at,
         v.id AS version_id, v.version, v.format, v.published_at, v.activated_at, v.entity_count, v.name_count,
         v.added_count, v.removed_count, v.changed_count
  FROM list_sources s LEFT JOIN list_versions v ON v.id = s.active_version_id
  ORDER BY s.id`;

const ENTITY_BY_ID = `SELECT id, source_id, document, removed_in_version_id FROM entities WHERE id = $1`;

/** Rows fetched per round trip when loading the index: bounded memory on million-name lists. */
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
 * to, so an index never mixes two versions of a list. Read through cursors, a page at a time: one
 * scan of each table however large the list (keyset pages re-planned per page grew with the list).
 */
export async function loadIndexableEntities(
  pool: Pool,
  options: { pageSize?: number } = {},
): Promise<{ versions: ActiveListVersion[]; entities: IndexableEntity[] }> {
  const pageSize = options.pageSize ?? INDEX_PAGE_SIZE;
  const client = await pool.connect();
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const versions = await activeListVersions(client);
    await client.query(`DECLARE index_entities NO SCROLL CURSOR FOR ${INDEXABLE_ENTITIES}`);
    await client.query(`DECLARE index_names NO SCROLL CURSOR FOR ${INDEXABLE_NAMES}`);
    const rows = new CursorPages<{
      id: string;
      type: EntityType;
      birth_dates: string[];
      countries: string[];
      identifiers: Identifier[];
    }>(client, 'index_entities', pageSize);
    const names = new CursorPages<{ entity_id: string; name: string; kind: EntityName['kind'] }>(
      client,
      'index_names',
      pageSize,
    );
    const entities: IndexableEntity[] = [];
    for (;;) {
      if (rows.drained) await rows.fetch();
      const r = rows.take();
      if (r === undefined) break;
      const entityNames: IndexableEntity['names'] = [];
      // Both streams hold the same entities in the same order: an entity's names are the run carrying its id.
      for (;;) {
        if (names.drained) await names.fetch();
        if (names.current?.entity_id !== r.id) break;
        const n = names.take() as { name: string; kind: EntityName['kind'] };
        entityNames.push({ value: n.name, kind: n.kind });
      }
      entities.push({
        id: r.id,
        type: r.type,
        names: entityNames,
        birthDates: r.birth_dates,
        countries: r.countries,
        identifiers: r.identifiers.map((i) => ({ type: i.type, value: i.value })),
      });
    }
    // A name left over means the two streams were not in the same order: fail rather than index names away.
    if (names.drained) await names.fetch();
    if (names.current !== undefined)
      throw new Error(`Loading the index: the names of ${names.current.entity_id} were not read with their entity`);
    await client.query('COMMIT');
    return { versions, entities };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

/**
 * Rows of an open cursor, fetched a page at a time. Reading is synchronous; the caller fetches when `drained`
 * (a million rows read through an await each would cost more than the query).
 */
class CursorPages<Row> {
  private rows: Row[] = [];
  private at = 0;
  private exhausted = false;

  constructor(
    private readonly client: PoolClient,
    private readonly cursor: string,
    private readonly pageSize: number,
  ) {}

  /** True when the page is read and the cursor may hold more. */
  get drained(): boolean {
    return this.at >= this.rows.length && !this.exhausted;
  }

  async fetch(): Promise<void> {
    this.rows = (await this.client.query<Row & QueryResultRow>(`FETCH ${this.pageSize} FROM ${this.cursor}`)).rows;
    this.at = 0;
    this.exhausted = this.rows.length < this.pageSize;
  }

  /** The next row, not taken; undefined at the end or when drained. */
  get current(): Row | undefined {
    return this.rows[this.at];
  }

  take(): Row | undefined {
    return this.rows[this.at++];
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
    enabled: r.disabled_at === null,
    disabledAt: r.disabled_at ? new Date(r.disabled_at).toISOString() : null,
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
  const row = (
    await db.query<{ id: string; source_id: string; document: ListedEntity; removed_in_version_id: string | null }>(
      ENTITY_BY_ID,
      [id],
    )
  ).rows[0];
  return row && { id: row.id, sourceId: row.source_id, removed: row.removed_in_version_id !== null, ...row.document };
}

export interface ListVersionView {
  id: string;
  version: number;
  status: 'importing' | 'active' | 'superseded' | 'failed';
  format: string;
  files: { path: string; bytes: number; sha256: string }[];
  publishedAt: string | null;
  startedAt: string;
  activatedAt: string | null;
  entityCount: number;
  nameCount: number;
  delta: { added: number; removed: number; changed: number };
  /** While importing: 0 to 95 as the files are read and staged, 100 once active. */
  percent: number;
  progress: { bytesRead: number; bytesTotal: number; entitiesStaged: number };
  warningCount: number;
  error: Record<string, unknown> | null;
}

const VERSIONS_OF_SOURCE = `
  SELECT id, version, status, format, files, published_at, started_at, activated_at, entity_count, name_count,
         added_count, removed_count, changed_count, coalesce(warning_count, jsonb_array_length(warnings)) AS warning_count, error,
         progress_percent, bytes_read, bytes_total, entities_staged
  FROM list_versions WHERE source_id = $1 AND ($2::int IS NULL OR version = $2)
  ORDER BY version DESC`;

const DELTA_OF_VERSION = `
  SELECT c.entity_id, c.change, c.fields, coalesce(e.primary_name, c.previous -> 'names' -> 0 ->> 'value') AS name
  FROM list_versions v
  JOIN list_version_changes c ON c.version_id = v.id
  LEFT JOIN entities e ON e.id = c.entity_id
  WHERE v.source_id = $1 AND v.version = $2 AND c.entity_id > $3
  ORDER BY c.entity_id
  LIMIT $4`;

/** Trigram similarity over every stored name; accents and case folded the same way as on write. */
const SEARCH_ENTITIES = `
  SELECT e.id, e.source_id, e.type, e.primary_name, e.programs, best.name AS matched_name, best.kind AS matched_name_kind, best.similarity
  FROM (
    SELECT DISTINCT ON (n.entity_id) n.entity_id, n.name, n.kind, similarity(n.search_name, lower(unaccent($1))) AS similarity
    FROM entity_names n
    WHERE n.search_name % lower(unaccent($1))
       -- The query is text to find, not a pattern: its own %, _ and backslash are escaped.
       OR n.search_name LIKE '%' || replace(replace(replace(lower(unaccent($1)), '\\', '\\\\'), '%', '\\%'), '_', '\\_') || '%'
    ORDER BY n.entity_id, similarity DESC
  ) best
  JOIN entities e ON e.id = best.entity_id AND e.removed_in_version_id IS NULL
  ORDER BY best.similarity DESC, e.id
  LIMIT $2`;

/** One version of a source, or undefined. */
export async function findListVersion(
  db: Pool,
  sourceId: string,
  version: number,
): Promise<ListVersionView | undefined> {
  return (await listVersions(db, sourceId, version))[0];
}

export async function listVersions(db: Pool, sourceId: string, only?: number): Promise<ListVersionView[]> {
  const { rows } = await db.query(VERSIONS_OF_SOURCE, [sourceId, only ?? null]);
  return rows.map((r) => ({
    id: String(r.id),
    version: r.version,
    status: r.status,
    format: r.format,
    files: r.files,
    publishedAt: r.published_at ? new Date(r.published_at).toISOString() : null,
    startedAt: new Date(r.started_at).toISOString(),
    activatedAt: r.activated_at ? new Date(r.activated_at).toISOString() : null,
    entityCount: r.entity_count,
    nameCount: r.name_count,
    delta: { added: r.added_count, removed: r.removed_count, changed: r.changed_count },
    percent: r.progress_percent,
    progress: { bytesRead: Number(r.bytes_read), bytesTotal: Number(r.bytes_total), entitiesStaged: r.entities_staged },
    warningCount: r.warning_count,
    error: r.error,
  }));
}

export interface DeltaEntry {
  entityId: string;
  name: string | null;
  change: 'added' | 'removed' | 'changed';
  fields: string[];
}

/** One page of a version's delta, in entity id order; pass the last entity id as `after` for the next page. */
export async function versionDelta(
  db: Pool,
  sourceId: string,
  version: number,
  page: { after: string; limit: number },
): Promise<DeltaEntry[]> {
  const { rows } = await db.query(DELTA_OF_VERSION, [sourceId, version, page.after, page.limit]);
  return rows.map((r) => ({ entityId: r.entity_id, name: r.name, change: r.change, fields: r.fields }));
}

export interface EntitySearchHit {
  id: string;
  sourceId: string;
  type: EntityType;
  name: string;
  programs: string[];
  matchedName: string;
  matchedNameKind: string;
  similarity: number;
}

/** Name search for people browsing the lists (not screening: screening goes through the matcher). */
export async function searchEntities(db: Pool, query: string, limit: number): Promise<EntitySearchHit[]> {
  const { rows } = await db.query(SEARCH_ENTITIES, [query, limit]);
  return rows.map((r) => ({
    id: r.id,
    sourceId: r.source_id,
    type: r.type,
    name: r.primary_name,
    programs: r.programs,
    matchedName: r.matched_name,
    matchedNameKind: r.matched_name_kind,
    similarity: Math.round(r.similarity * 1000) / 1000,
  }));
}
