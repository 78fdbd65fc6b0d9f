/** The screening's workspace, and the name of the key that asked for it (keys keep their name after revocation). */
export const SCREENING_ORIGIN = `
  SELECT s.workspace_id, k.name AS key_name
  FROM screenings s LEFT JOIN api_keys k ON k.id = s.api_key_id
  WHERE s.id = $1 AND s.workspace_id = $2`;

/** The lists a screening was matched against, by (source, version), with the list's name and publication date. */
export const LIST_VERSION_DETAILS = `
  SELECT v.source_id, v.version, v.published_at, src.name
  FROM unnest($1::text[], $2::int[]) AS q (source_id, version)
  JOIN list_versions v ON v.source_id = q.source_id AND v.version = q.version
  JOIN list_sources src ON src.id = v.source_id`;
