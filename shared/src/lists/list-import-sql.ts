/** SQL of the list import: stage, diff against the active version, apply, switch. Runs in one transaction from DIFF onwards. */

export const UPSERT_SOURCE = `
  INSERT INTO list_sources (id, name, authority, url, license)
  VALUES ($1, $2, $3, $4, $5)
  ON CONFLICT (id) DO UPDATE SET name = excluded.name, authority = excluded.authority, url = excluded.url, license = excluded.license`;

export const ACTIVE_VERSION = `
  SELECT v.id, v.version, v.content_hash, v.files
  FROM list_sources s JOIN list_versions v ON v.id = s.active_version_id
  WHERE s.id = $1`;

export const CREATE_VERSION = `
  INSERT INTO list_versions (source_id, version, status, format, files, published_at)
  SELECT $1, coalesce(max(version), 0) + 1, 'importing', $2, $3, $4
  FROM list_versions WHERE source_id = $1
  RETURNING id, version`;

export const STAGE_ENTITIES = `
  INSERT INTO list_import_staging (version_id, source_entity_id, content_hash, document)
  SELECT $1, source_entity_id, content_hash, document
  FROM unnest($2::text[], $3::text[], $4::jsonb[]) AS s (source_entity_id, content_hash, document)`;

/** A delta file is a patch: entities it neither changes nor deletes carry over from the active version unchanged. */
export const CARRY_OVER_ACTIVE = `
  INSERT INTO list_import_staging (version_id, source_entity_id, content_hash, document)
  SELECT $1, e.source_entity_id, e.content_hash, e.document
  FROM entities e
  WHERE e.source_id = $2 AND e.removed_in_version_id IS NULL
    AND NOT (e.source_entity_id = ANY ($3::text[]))
    AND NOT EXISTS (SELECT 1 FROM list_import_staging s WHERE s.version_id = $1 AND s.source_entity_id = e.source_entity_id)`;

export const STAGED_CONTENT_HASH = `
  SELECT md5(coalesce(string_agg(source_entity_id || '=' || content_hash, ',' ORDER BY source_entity_id), '')) AS content_hash,
         count(*)::int AS entity_count
  FROM list_import_staging WHERE version_id = $1`;

/** Added (new or re-listed), changed (content differs, with the top-level fields that differ) and removed entities. */
export const RECORD_DELTA = `
  INSERT INTO list_version_changes (version_id, entity_id, change, fields, previous)
  SELECT $1, $2 || ':' || s.source_entity_id, 'added', '{}', NULL
  FROM list_import_staging s
  LEFT JOIN entities e ON e.source_id = $2 AND e.source_entity_id = s.source_entity_id AND e.removed_in_version_id IS NULL
  WHERE s.version_id = $1 AND e.id IS NULL
  UNION ALL
  SELECT $1, e.id, 'changed',
         (SELECT coalesce(array_agg(key ORDER BY key), '{}')
          FROM jsonb_each(s.document) AS n FULL JOIN jsonb_each(e.document) AS o USING (key)
          WHERE n.value IS DISTINCT FROM o.value),
         e.document
  FROM list_import_staging s
  JOIN entities e ON e.source_id = $2 AND e.source_entity_id = s.source_entity_id AND e.removed_in_version_id IS NULL
  WHERE s.version_id = $1 AND e.content_hash <> s.content_hash
  UNION ALL
  SELECT $1, e.id, 'removed', '{}', e.document
  FROM entities e
  WHERE e.source_id = $2 AND e.removed_in_version_id IS NULL
    AND NOT EXISTS (SELECT 1 FROM list_import_staging s WHERE s.version_id = $1 AND s.source_entity_id = e.source_entity_id)`;

export const UPSERT_CHANGED_ENTITIES = `
  INSERT INTO entities (id, source_id, source_entity_id, type, primary_name, programs, document, content_hash,
                        listed_in_version_id, updated_in_version_id, removed_in_version_id)
  SELECT c.entity_id, $2, s.source_entity_id, s.document ->> 'type',
         coalesce((SELECT n ->> 'value' FROM jsonb_array_elements(s.document -> 'names') AS n WHERE n ->> 'kind' = 'primary' LIMIT 1),
                  s.document -> 'names' -> 0 ->> 'value'),
         ARRAY(SELECT jsonb_array_elements_text(s.document -> 'programs')),
         s.document, s.content_hash, $1, $1, NULL
  FROM list_version_changes c
  JOIN list_import_staging s ON s.version_id = $1 AND $2 || ':' || s.source_entity_id = c.entity_id
  WHERE c.version_id = $1 AND c.change IN ('added', 'changed')
  ON CONFLICT (id) DO UPDATE SET
    type = excluded.type, primary_name = excluded.primary_name, programs = excluded.programs,
    document = excluded.document, content_hash = excluded.content_hash,
    updated_in_version_id = excluded.updated_in_version_id,
    listed_in_version_id = CASE WHEN entities.removed_in_version_id IS NULL THEN entities.listed_in_version_id ELSE excluded.listed_in_version_id END,
    removed_in_version_id = NULL`;

export const MARK_REMOVED = `
  UPDATE entities e SET removed_in_version_id = $1
  FROM list_version_changes c
  WHERE c.version_id = $1 AND c.change = 'removed' AND e.id = c.entity_id`;

export const DELETE_CHANGED_NAMES = `
  DELETE FROM entity_names n USING list_version_changes c
  WHERE c.version_id = $1 AND c.change IN ('added', 'changed') AND n.entity_id = c.entity_id`;

export const DELETE_CHANGED_CITATIONS = `
  DELETE FROM citations ct USING list_version_changes c
  WHERE c.version_id = $1 AND c.change IN ('added', 'changed') AND ct.entity_id = c.entity_id`;

export const INSERT_NAMES = `
  INSERT INTO entity_names (entity_id, position, name, kind, script, search_name)
  SELECT c.entity_id, n.position - 1, n.name ->> 'value', n.name ->> 'kind', n.name ->> 'script', lower(unaccent(n.name ->> 'value'))
  FROM list_version_changes c
  JOIN entities e ON e.id = c.entity_id
  CROSS JOIN LATERAL jsonb_array_elements(e.document -> 'names') WITH ORDINALITY AS n (name, position)
  WHERE c.version_id = $1 AND c.change IN ('added', 'changed')`;

export const INSERT_CITATIONS = `
  INSERT INTO citations (entity_id, position, title, url, publisher, authority, program, listed_on, source_row_id, retrieved_at, note)
  SELECT c.entity_id, ct.position - 1, ct.c ->> 'title', ct.c ->> 'url', ct.c ->> 'publisher', ct.c ->> 'authority',
         ct.c ->> 'program', (ct.c ->> 'listedOn')::date, ct.c ->> 'sourceRowId', (ct.c ->> 'retrievedAt')::timestamptz, ct.c ->> 'note'
  FROM list_version_changes c
  JOIN entities e ON e.id = c.entity_id
  CROSS JOIN LATERAL jsonb_array_elements(e.document -> 'citations') WITH ORDINALITY AS ct (c, position)
  WHERE c.version_id = $1 AND c.change IN ('added', 'changed')`;

export const COUNT_DELTA = `
  SELECT count(*) FILTER (WHERE change = 'added')::int AS added,
         count(*) FILTER (WHERE change = 'removed')::int AS removed,
         count(*) FILTER (WHERE change = 'changed')::int AS changed
  FROM list_version_changes WHERE version_id = $1`;

export const COUNT_ACTIVE = `
  SELECT count(DISTINCT e.id)::int AS entity_count, count(n.*)::int AS name_count
  FROM entities e LEFT JOIN entity_names n ON n.entity_id = e.id
  WHERE e.source_id = $1 AND e.removed_in_version_id IS NULL`;

export const SUPERSEDE_PREVIOUS = `
  UPDATE list_versions SET status = 'superseded'
  WHERE source_id = $1 AND status = 'active' AND id <> $2`;

export const ACTIVATE_VERSION = `
  UPDATE list_versions
  SET status = 'active', content_hash = $2, entity_count = $3, name_count = $4,
      added_count = $5, removed_count = $6, changed_count = $7, warnings = $8,
      finished_at = now(), activated_at = now()
  WHERE id = $1`;

export const POINT_SOURCE_AT_VERSION = `UPDATE list_sources SET active_version_id = $2 WHERE id = $1`;

export const ANALYZE_STAGING = `ANALYZE list_import_staging`;

export const CLEAR_STAGING = `DELETE FROM list_import_staging WHERE version_id = $1`;

export const DISCARD_VERSION = `DELETE FROM list_versions WHERE id = $1`;

export const FAIL_VERSION = `
  UPDATE list_versions SET status = 'failed', error = $2, warnings = $3, finished_at = now() WHERE id = $1`;

/** Every warning of a version, a page at a time: positions $2 to $2 + n - 1. */
export const STORE_WARNINGS = `
  INSERT INTO list_version_warnings (version_id, position, file, line, element, field, message)
  SELECT $1, $2 + w.ordinality - 1, w.file, w.line, w.element, w.field, w.message
  FROM unnest($3::text[], $4::int[], $5::text[], $6::text[], $7::text[]) WITH ORDINALITY AS w (file, line, element, field, message, ordinality)`;

export const SET_WARNING_COUNT = `UPDATE list_versions SET warning_count = $2 WHERE id = $1`;

/** How far an import has got, for GET /v1/lists/:source/versions while it runs. */
export const RECORD_PROGRESS = `
  UPDATE list_versions SET bytes_read = $2, bytes_total = $3, entities_staged = $4, progress_percent = $5
  WHERE id = $1 AND status = 'importing'`;

export const COMPLETE_PROGRESS = `UPDATE list_versions SET progress_percent = 100, bytes_read = bytes_total WHERE id = $1`;

/** After an activation: statistics for the rows it wrote. */
export const ANALYZE_LIST_TABLES = `ANALYZE entities, entity_names, citations`;
