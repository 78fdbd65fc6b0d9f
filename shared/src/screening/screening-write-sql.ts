import { alertWrites } from '../alerts';
import { rowsOfArrays } from '../db';
import { designationEvidence } from '../designations';
import { liveSuppressionsOfScreenings } from '../suppressions';
import { alertEventsFrom, screeningEventsFrom } from '../webhooks';

/** The columns a flipped screening answers with: the row as SCREENING_BY_ID reads it, and what the CTEs below use. */
const DONE_COLUMNS = `s.id, s.workspace_id, s.api_key_id, s.reference, s.status, s.decision, s.best_score, s.threshold, s.name,
              s.entity_type, s.birth_date, s.country, s.list_versions, s.near_misses, s.suppressed_matches, s.error,
              s.created_at, s.screened_at`;

/**
 * The screenings of one group ($1…$20, one element per screening: the result; what its history row needs beyond the
 * screening's own columns: the normalized name, the match count and the list-version label; then whether the API left
 * its row to this write, that row's columns, and the customer key its suppressions are looked up under when it
 * matched something), flipped queued → done exactly once: a screening already done (a
 * retried or duplicated job) is not in `done`, so nothing below writes for it. A row the API recorded is updated; a
 * row it left to the worker (a waiting request's) is inserted done until its deadline (insert_until: before the API
 * can have given up waiting), or, when the API recorded it queued meanwhile (its wait ran out), updated like the
 * others. Past the deadline it is only updated: no row then means the API answered its client an error, and a row
 * inserted now would be a screening nobody was told of (screened twice on the client's retry). The two sets are apart
 * by id and by one now(), so no row is written twice.
 *
 * `suppressionGuard`: the statement looks up the live suppressions of the screenings that matched (`live`, in the
 * snapshot it writes with) and flips nothing when there is one, unless $21 says the caller has sifted the matches by
 * them already. Most hits have no suppression, and then the lookup costs no round trip of its own.
 */
function flipToDone(suppressionGuard: boolean): string {
  const live = suppressionGuard
    ? `, live AS (${liveSuppressionsOfScreenings(
        `(SELECT i.id AS screening_id, i.subject_key, i.inserts AS carried, i.api_key_id, i.reference
          FROM input i WHERE i.subject_key IS NOT NULL) AS x`,
      )}
  )`
    : '';
  const guard = suppressionGuard ? 'AND ($21::bool OR NOT EXISTS (SELECT 1 FROM live))' : '';
  return `
  input AS (
    SELECT i.* FROM ${rowsOfArrays(
      1,
      [
        'uuid',
        'text',
        'real',
        'real',
        'jsonb',
        'jsonb',
        'jsonb',
        'text',
        'int',
        'text',
        'bool',
        'uuid',
        'text',
        'text',
        'text',
        'text',
        'text',
        'timestamptz',
        'timestamptz',
        'text',
      ],
      'i',
      [
        'id',
        'decision',
        'best_score',
        'threshold',
        'list_versions',
        'near_misses',
        'suppressed_matches',
        'name_key',
        'match_count',
        'list_version',
        'inserts',
        'api_key_id',
        'name',
        'entity_type',
        'birth_date',
        'country',
        'reference',
        'created_at',
        'insert_until',
        'subject_key',
      ],
    )}
  )${live}, updated AS (
    UPDATE screenings s
    SET status = 'done', decision = i.decision, best_score = i.best_score, threshold = i.threshold,
        list_versions = i.list_versions, near_misses = i.near_misses, suppressed_matches = i.suppressed_matches,
        screened_at = now(), error = NULL
    FROM input i
    WHERE s.id = i.id AND s.status = 'queued' AND NOT (i.inserts AND now() < coalesce(i.insert_until, 'infinity'))
      ${guard}
    RETURNING ${DONE_COLUMNS}
  ), inserted AS (
    INSERT INTO screenings AS s (id, api_key_id, workspace_id, status, name, entity_type, birth_date, country, reference,
                                 decision, best_score, threshold, list_versions, near_misses, suppressed_matches,
                                 created_at, screened_at)
    SELECT i.id, i.api_key_id, coalesce(k.workspace_id, 'default'), 'done', i.name, i.entity_type, i.birth_date,
           i.country, i.reference, i.decision, i.best_score, i.threshold, i.list_versions, i.near_misses,
           i.suppressed_matches, i.created_at, now()
    FROM input i LEFT JOIN api_keys k ON k.id = i.api_key_id
    WHERE i.inserts AND now() < coalesce(i.insert_until, 'infinity') ${guard}
    ON CONFLICT (id) DO UPDATE
    SET status = 'done', decision = excluded.decision, best_score = excluded.best_score, threshold = excluded.threshold,
        list_versions = excluded.list_versions, near_misses = excluded.near_misses,
        suppressed_matches = excluded.suppressed_matches, screened_at = excluded.screened_at, error = NULL
    WHERE s.status = 'queued'
    RETURNING ${DONE_COLUMNS}
  ), done AS (
    SELECT * FROM updated UNION ALL SELECT * FROM inserted
  )`;
}

/**
 * What the statement answers for each screening it flipped: the row as SCREENING_BY_ID reads it (its matches from
 * `matches`, in rank order), so the worker can announce the answer itself, and the count of outbox events written.
 */
function answersFrom(matches: string | null, events: string[]): string {
  const ofScreening = matches
    ? `(SELECT coalesce(json_agg(m ORDER BY m.rank), '[]') FROM ${matches} m WHERE m.screening_id = d.id)`
    : `'[]'::json`;
  const outbox = events.map((e) => `(SELECT count(*) FROM ${e})`).join(' + ');
  return `
  SELECT d.*, ${ofScreening} AS matches, (${outbox})::int AS outbox_events
  FROM done d`;
}

/**
 * The history row of each screening flipped here (GET /v1/screenings), in the same statement so it exists exactly
 * when the result does.
 */
const HISTORY_OF_DONE = `
  history AS (
    INSERT INTO screening_history (id, workspace_id, source, screened_at, reference, name, name_key, entity_type,
                                   birth_date, country, decision, top_score, match_count, list_version)
    SELECT d.id, d.workspace_id, 'screening', d.screened_at, d.reference, d.name, h.name_key, d.entity_type,
           d.birth_date, d.country, d.decision, d.best_score, h.match_count, h.list_version
    FROM done d
    JOIN input h ON h.id = d.id
    ON CONFLICT (id) DO NOTHING
  )`;

/**
 * A group of screenings without a match: the results and their outbox events in one statement, which commits on its
 * own (one round trip, one WAL flush for the group). Returns the screenings this statement recorded.
 */
export const RECORD_SCREENINGS_WITHOUT_MATCHES = `
  WITH ${flipToDone(false)},
  events AS (${screeningEventsFrom('done s', 'screening_matches', 'true')} RETURNING id),
  ${HISTORY_OF_DONE}
  ${answersFrom(null, ['events'])}`;

/**
 * A group with matches ($22…$29, one element per match, `$22` its screening; $21 true when the caller has sifted
 * them by the live suppressions, see flipToDone): the results, the matches with what the
 * officer must see copied from the lists (one per designation, the evidence of every record of it), the hits' alerts
 * ($30: id, screening_id, query and matches of each hit, made for the screenings flipped here only, so a redelivered
 * job alerts on nothing) and the outbox events, built from the rows this statement wrote (its CTEs see one snapshot,
 * so the tables would look empty). Matches of a screening not flipped here are not written. One statement: it
 * commits on its own, one round trip and one WAL flush for the group. It answers at least one row: with `id` null and
 * `live_suppressions` the rows found when a suppression refused the write (nothing written), else one row per
 * screening flipped (none flipped: one row of nulls).
 */
export const RECORD_SCREENINGS = `
  WITH ${flipToDone(true)},
  written AS (
    INSERT INTO screening_matches (screening_id, rank, entity_id, entity_ids, entity_name, entity_type, matched_name,
                                   matched_name_kind, score, programs, lists, explanation, citations)
    SELECT m.screening_id, m.rank, e.id, r.ids, e.primary_name, e.type, m.matched_name, m.matched_name_kind, m.score,
           ev.programs, ev.lists, m.explanation, ev.citations
    FROM ${rowsOfArrays(22, ['uuid', 'int', 'text', 'text', 'text', 'real', 'jsonb', 'jsonb'], 'm', [
      'screening_id',
      'rank',
      'entity_id',
      'matched_name',
      'matched_name_kind',
      'score',
      'explanation',
      'entity_ids',
    ])}
    JOIN done d ON d.id = m.screening_id
    JOIN entities e ON e.id = m.entity_id
    CROSS JOIN LATERAL (SELECT ARRAY(SELECT jsonb_array_elements_text(m.entity_ids)) AS ids) r
    CROSS JOIN LATERAL (SELECT ${designationEvidence('r.ids')}) ev
    ON CONFLICT (screening_id, entity_id) DO NOTHING
    RETURNING screening_id, rank, entity_id, entity_ids, entity_name, entity_type, matched_name, matched_name_kind, score,
              programs, lists, explanation, citations
  ),
  events AS (${screeningEventsFrom('done s', 'written', 'true')} RETURNING id),
  ${HISTORY_OF_DONE},
  alert_input AS (
    SELECT a.id, d.workspace_id, 'screening' AS source, d.id AS screening_id, NULL::uuid AS batch_id, NULL::integer AS line,
           NULL::text AS run_id, NULL::text AS customer_reference, d.reference, a.query, d.api_key_id AS actor_key_id, a.matches
    FROM jsonb_to_recordset($30::jsonb) AS a (id uuid, screening_id uuid, query jsonb, matches jsonb)
    JOIN done d ON d.id = a.screening_id
  ),
  ${alertWrites(
    'alert_input',
    // The evidence the matches above copied for the same records: copied once, not twice.
    `SELECT w.lists, w.programs, w.citations FROM alert_input ai JOIN written w ON w.screening_id = ai.screening_id
     WHERE ai.id = x.alert_id AND w.entity_id = x.entity_id`,
  )},
  alert_created_events AS (${alertEventsFrom('alert_made a', 'alert_made_matches', "'alert.created'", 'true')} RETURNING id)
  SELECT r.*, (SELECT json_agg(l) FROM live l WHERE NOT $21::bool) AS live_suppressions
  FROM (SELECT 1) AS one
  LEFT JOIN (${answersFrom('written', ['events', 'alert_created_events'])}) AS r ON true`;

/**
 * The JSON functions of the match and alert CTEs look costly to the planner, which would JIT-compile the statement
 * for seconds; it runs in milliseconds. Set once on each connection a worker writes groups with matches on.
 */
export const NO_JIT = `SET jit = off`;
