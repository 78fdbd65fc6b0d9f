import { designationEvidence } from '../designations';

/**
 * The CTEs that make the alerts of hit results from `input` (a CTE or table with the columns of INSERT_ALERTS' input):
 * the alert rows (`alert_made`, returning what the alert.created event shows), their matches (`alert_made_matches`:
 * one per designation, with the evidence of every record copied from the lists) and their `created` history.
 * Each alert is keyed by the result it came from, so a redelivered job makes nothing twice; a batch row re-screened
 * (or a monitoring run finding again) with the same subject, designations and listed content makes nothing either.
 * A match without `entityIds` is expanded to every active record of its designation. A screening group's write uses
 * them as part of its one statement (screening-write-sql), and passes `evidence`: the lists, programs and citations
 * of match `x` it has already copied from the lists for the same records, instead of copying them again.
 */
export function alertWrites(input: string, evidence = `SELECT ${designationEvidence('x.entity_ids')}`): string {
  return `
  alert_matched AS (
    SELECT i.id AS alert_id, mm.position::smallint AS position, mm.m, mm.m ->> 'entityId' AS entity_id,
           CASE WHEN jsonb_typeof(mm.m -> 'entityIds') = 'array' THEN ARRAY(SELECT jsonb_array_elements_text(mm.m -> 'entityIds'))
                ELSE ARRAY(SELECT d.id FROM entities p
                           JOIN entities d ON d.designation_key = p.designation_key AND (d.removed_in_version_id IS NULL OR d.id = p.id)
                           WHERE p.id = mm.m ->> 'entityId'
                           ORDER BY d.id <> p.id, d.source_id = 'seed', d.id) END AS entity_ids
    FROM ${input} i CROSS JOIN LATERAL jsonb_array_elements(i.matches) WITH ORDINALITY AS mm (m, position)
  ), alert_made AS (
    INSERT INTO alerts (id, workspace_id, source, screening_id, batch_id, line, run_id, customer_reference, reference, query,
                        best_score, lists, result_key)
    SELECT i.id, i.workspace_id, i.source, i.screening_id, i.batch_id, i.line, i.run_id, i.customer_reference, i.reference,
           jsonb_strip_nulls(i.query),
           (SELECT max((x.m ->> 'score')::real) FROM alert_matched x WHERE x.alert_id = i.id),
           ARRAY(SELECT DISTINCT e.source_id FROM alert_matched x JOIN entities e ON e.id = ANY (x.entity_ids) WHERE x.alert_id = i.id ORDER BY 1),
           md5(coalesce('reference:' || i.reference, 'line:' || i.line::text, 'query') || '|' || jsonb_strip_nulls(i.query)::text || '|' ||
               coalesce((SELECT string_agg(e.designation_key || '=' || e.content_hash, ',' ORDER BY e.designation_key, e.id)
                         FROM alert_matched x JOIN entities e ON e.id = ANY (x.entity_ids) WHERE x.alert_id = i.id), ''))
    FROM ${input} i
    ON CONFLICT DO NOTHING
    RETURNING id, workspace_id, status, source, reference, outcome, screening_id, batch_id, line, run_id, best_score, lists,
              created_at, closed_at
  ), alert_made_matches AS (
    INSERT INTO alert_matches (alert_id, position, entity_id, entity_ids, designation_key, entity_name, entity_type, matched_name,
                               matched_name_kind, score, lists, programs, explanation, citations, content_hashes)
    SELECT x.alert_id, x.position, e.id, x.entity_ids, e.designation_key, e.primary_name, e.type, x.m ->> 'matchedName',
           x.m ->> 'matchedNameKind', (x.m ->> 'score')::real, ev.lists, ev.programs, coalesce(x.m -> 'explanation', '[]'),
           ev.citations,
           ARRAY(SELECT r.content_hash FROM unnest(x.entity_ids) WITH ORDINALITY AS u (id, o) JOIN entities r ON r.id = u.id ORDER BY u.o)
    FROM alert_matched x
    JOIN alert_made made ON made.id = x.alert_id
    -- One primary-key probe per match: as a plain join the planner, which takes the JSON input for 10,000 matches,
    -- hashes every listed entity instead (a full scan per write, 20-50 ms with three lists loaded).
    CROSS JOIN LATERAL (SELECT * FROM entities WHERE id = x.entity_id OFFSET 0) e
    CROSS JOIN LATERAL (${evidence}) ev
    RETURNING alert_id, position, entity_id, entity_ids, entity_name, score, programs, disposition
  ), alert_created_history AS (
    INSERT INTO alert_events (alert_id, actor_key_id, actor_name, action, details)
    SELECT i.id, k.id, coalesce(k.name, 'system'), 'created',
           jsonb_strip_nulls(jsonb_build_object('source', i.source, 'screeningId', i.screening_id, 'batchId', i.batch_id,
                                                'line', i.line, 'runId', i.run_id, 'matches', jsonb_array_length(i.matches)))
    FROM alert_made made JOIN ${input} i ON i.id = made.id LEFT JOIN api_keys k ON k.id = i.actor_key_id
  )`;
}

/**
 * Makes the alerts of hit results, in the transaction that records them, in one statement (alertWrites). Returns the
 * ids made.
 */
export const INSERT_ALERTS = `
  WITH input AS (
    SELECT * FROM jsonb_to_recordset($1::jsonb) AS i (
      id uuid, workspace_id text, source text, screening_id uuid, batch_id uuid, line integer, run_id text,
      customer_reference text, reference text, query jsonb, actor_key_id uuid, matches jsonb)
  ), ${alertWrites('input')}
  SELECT id FROM alert_made`;

/** For the rest of the caller's transaction only. */
export const NO_JIT = `SET LOCAL jit = off`;
