import type { PoolClient } from 'pg';
import { partition, type SuppressedMatch, type SuppressibleMatch } from './apply-suppressions';
import { normalizeName } from '../matching';
import { subjectKeyOfNormalized, type ScreenedCustomer } from './customer-key';

/**
 * `LIVE_SUPPRESSIONS_OF_SCREENING` for a group of screenings ($1 their ids, $2 their subject keys), in one lookup.
 * A screening whose row is not stored yet (its job carries it: $3 true, $4 its key, $5 its reference) is in its key's
 * workspace, as the row will be; the others' workspace and reference are read from their rows.
 */
const LIVE_SUPPRESSIONS_OF_SCREENINGS = `
  SELECT x.screening_id, s.id, s.customer_key, s.entity_id, e.primary_name
  FROM unnest($1::uuid[], $2::text[], $3::bool[], $4::uuid[], $5::text[])
       AS x (screening_id, subject_key, carried, api_key_id, reference)
  LEFT JOIN screenings q ON q.id = x.screening_id AND NOT x.carried
  LEFT JOIN api_keys k ON k.id = x.api_key_id AND x.carried
  CROSS JOIN LATERAL (
    SELECT CASE WHEN x.carried THEN coalesce(k.workspace_id, 'default') ELSE q.workspace_id END AS workspace_id,
           CASE WHEN x.carried THEN x.reference ELSE q.reference END AS reference
  ) w
  JOIN suppressions s ON s.workspace_id = w.workspace_id AND s.customer_key = coalesce('ref:' || w.reference, x.subject_key)
                     AND s.ended_at IS NULL
  JOIN entities e ON e.id = s.entity_id AND e.content_hash = s.entity_hash`;

/**
 * `applySuppressionsToScreening` for the screenings a worker records together: one indexed lookup for all of them,
 * and none when nothing matched. Each screening's workspace and reference are read from its row, as for one (or from
 * its job, when the worker will insert the row). Only
 * the screenings that matched something need their subject key; `normalizedName`, when the caller has it, saves
 * normalizing the name again for it.
 */
export async function applySuppressionsToScreenings<M extends SuppressibleMatch>(
  client: PoolClient,
  screenings: readonly {
    screeningId: string;
    query: Pick<ScreenedCustomer, 'name' | 'birthDate'>;
    /** The query's name as normalizeName gives it. */
    normalizedName?: string;
    matches: readonly M[];
    /** The row's key and reference when it is not stored yet (the worker inserts it with the result). */
    unstoredRow?: { apiKeyId: string | null; reference?: string };
  }[],
): Promise<{ kept: M[]; suppressed: SuppressedMatch[] }[]> {
  const asked = screenings.flatMap((s, i) => (s.matches.length > 0 ? [i] : []));
  // customerKey's key for a screening without a reference (a reference is matched in SQL, from the row).
  const subjectKeys = new Map(
    asked.map((i) => {
      const s = screenings[i]!;
      const name = s.normalizedName ?? normalizeName(s.query.name);
      return [i, subjectKeyOfNormalized(name, s.query.birthDate)];
    }),
  );
  const rowsOf = new Map<string, { id: string; customer_key: string; entity_id: string; primary_name: string }[]>();
  if (asked.length > 0) {
    const { rows } = await client.query<{
      screening_id: string;
      id: string;
      customer_key: string;
      entity_id: string;
      primary_name: string;
    }>(LIVE_SUPPRESSIONS_OF_SCREENINGS, [
      asked.map((i) => screenings[i]!.screeningId),
      asked.map((i) => subjectKeys.get(i)!),
      asked.map((i) => screenings[i]!.unstoredRow !== undefined),
      asked.map((i) => screenings[i]!.unstoredRow?.apiKeyId ?? null),
      asked.map((i) => screenings[i]!.unstoredRow?.reference ?? null),
    ]);
    for (const r of rows) rowsOf.set(r.screening_id, [...(rowsOf.get(r.screening_id) ?? []), r]);
  }
  return screenings.map((s, i) => {
    // Nothing matched: nothing to suppress.
    if (s.matches.length === 0) return { kept: [], suppressed: [] };
    const rows = rowsOf.get(s.screeningId) ?? [];
    // The key the rows came back under stands for this one screening, whichever it was (reference or subject).
    const { kept, suppressed } = partition([rows[0]?.customer_key ?? subjectKeys.get(i)!], [s.matches], rows);
    return { kept: kept[0]!, suppressed: suppressed[0]! };
  });
}
