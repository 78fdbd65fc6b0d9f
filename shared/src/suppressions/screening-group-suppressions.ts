import { partition, type SuppressedMatch, type SuppressibleMatch } from './apply-suppressions';
import { normalizeName } from '../matching';
import { subjectKeyOfNormalized, type ScreenedCustomer } from './customer-key';

/** A screening of a group, as far as its suppressions care. */
export interface GroupScreening<M extends SuppressibleMatch> {
  screeningId: string;
  query: Pick<ScreenedCustomer, 'name' | 'birthDate'>;
  /** The query's name as normalizeName gives it. */
  normalizedName?: string;
  matches: readonly M[];
  /** The row's key and reference when it is not stored yet (the worker inserts it with the result). */
  unstoredRow?: { apiKeyId: string | null; reference?: string };
}

/** A live suppression of a screening's customer, as the group lookup answers it. */
export interface ScreeningSuppressionRow {
  screening_id: string;
  id: string;
  customer_key: string;
  entity_id: string;
  primary_name: string;
}

/**
 * The live suppressions (`LIVE_SUPPRESSIONS_OF_CUSTOMERS`, with each screening's workspace and reference read in the
 * same statement) of a group of screenings, read from `screenings`, a FROM item with the columns
 * (screening_id, subject_key, carried, api_key_id, reference): one row per screening asked. A screening whose row is
 * not stored yet (its job carries it: carried true, with its key and reference) is in its key's workspace, as the row
 * will be; the others' workspace and reference are read from their rows. A CTE of the group's write
 * (screening-write-sql), which reads it in the snapshot it writes with.
 */
export function liveSuppressionsOfScreenings(screenings: string): string {
  return `
  SELECT x.screening_id, s.id, s.customer_key, s.entity_id, e.primary_name
  FROM ${screenings}
  LEFT JOIN screenings q ON q.id = x.screening_id AND NOT x.carried
  LEFT JOIN api_keys k ON k.id = x.api_key_id AND x.carried
  CROSS JOIN LATERAL (
    SELECT CASE WHEN x.carried THEN coalesce(k.workspace_id, 'default') ELSE q.workspace_id END AS workspace_id,
           CASE WHEN x.carried THEN x.reference ELSE q.reference END AS reference
  ) w
  JOIN suppressions s ON s.workspace_id = w.workspace_id AND s.customer_key = coalesce('ref:' || w.reference, x.subject_key)
                     AND s.ended_at IS NULL
  JOIN entities e ON e.id = s.entity_id AND e.content_hash = s.entity_hash`;
}

/**
 * The customer key each screening that matched something is looked up under when it has no reference (a reference is
 * matched in SQL, from the row or the job); null for a screening without matches, which is not asked. `normalizedName`,
 * when the caller has it, saves normalizing the name again.
 */
export function subjectKeysOfGroup(screenings: readonly GroupScreening<SuppressibleMatch>[]): (string | null)[] {
  return screenings.map((s) =>
    s.matches.length === 0
      ? null
      : subjectKeyOfNormalized(s.normalizedName ?? normalizeName(s.query.name), s.query.birthDate),
  );
}

/** Each screening's matches, kept or set aside by the live suppressions the group lookup found (`rows`). */
export function siftGroup<M extends SuppressibleMatch>(
  screenings: readonly GroupScreening<M>[],
  subjectKeys: readonly (string | null)[],
  rows: readonly ScreeningSuppressionRow[],
): { kept: M[]; suppressed: SuppressedMatch[] }[] {
  const rowsOf = new Map<string, ScreeningSuppressionRow[]>();
  for (const r of rows) rowsOf.set(r.screening_id, [...(rowsOf.get(r.screening_id) ?? []), r]);
  return screenings.map((s, i) => {
    // Nothing matched: nothing to suppress.
    if (s.matches.length === 0) return { kept: [], suppressed: [] };
    const found = rowsOf.get(s.screeningId) ?? [];
    // The key the rows came back under stands for this one screening, whichever it was (reference or subject).
    const { kept, suppressed } = partition([found[0]?.customer_key ?? subjectKeys[i]!], [s.matches], found);
    return { kept: kept[0]!, suppressed: suppressed[0]! };
  });
}
