/**
 * The designations that more than one active record share, each with its records: official lists before the seed
 * dataset (whose entries restate official records), then by id. Small (tens of groups on SDN + Consolidated + seed):
 * the worker keeps it beside its match index.
 */
export const SHARED_DESIGNATIONS = `
  SELECT e.designation_key, array_agg(e.id ORDER BY e.source_id = 'seed', e.id) AS ids
  FROM entities e JOIN list_sources s ON s.id = e.source_id AND s.active_version_id IS NOT NULL
  WHERE e.removed_in_version_id IS NULL
  GROUP BY e.designation_key
  HAVING count(*) > 1`;

/**
 * The evidence of a designation, from every record named in the text[] expression `ids` (in its order): the lists,
 * the programs and the citations of them all, each once, in record order. Used wherever a match is stored, so a
 * screening, a batch row and an alert carry the same evidence.
 */
export function designationEvidence(ids: string): string {
  return `
    ARRAY(SELECT e.source_id FROM unnest(${ids}) WITH ORDINALITY AS r (id, o) JOIN entities e ON e.id = r.id
          GROUP BY e.source_id ORDER BY min(r.o)) AS lists,
    ARRAY(SELECT p.program FROM unnest(${ids}) WITH ORDINALITY AS r (id, o) JOIN entities e ON e.id = r.id
          CROSS JOIN LATERAL unnest(e.programs) WITH ORDINALITY AS p (program, po)
          GROUP BY p.program ORDER BY min(r.o), min(p.po)) AS programs,
    coalesce((SELECT jsonb_agg(x.citation ORDER BY x.o, x.position) FROM (
               SELECT DISTINCT ON (j.citation) j.citation, r.o, c.position
               FROM unnest(${ids}) WITH ORDINALITY AS r (id, o)
               JOIN citations c ON c.entity_id = r.id
               CROSS JOIN LATERAL (SELECT jsonb_strip_nulls(jsonb_build_object(
                 'title', c.title, 'url', c.url, 'publisher', c.publisher, 'authority', c.authority, 'program', c.program,
                 'listedOn', c.listed_on, 'sourceRowId', c.source_row_id, 'note', c.note)) AS citation) j
               ORDER BY j.citation, r.o, c.position) x), '[]') AS citations,
    ARRAY(SELECT c.url FROM unnest(${ids}) WITH ORDINALITY AS r (id, o) JOIN citations c ON c.entity_id = r.id
          WHERE c.url IS NOT NULL GROUP BY c.url ORDER BY min(r.o), min(c.position)) AS citation_urls`;
}
