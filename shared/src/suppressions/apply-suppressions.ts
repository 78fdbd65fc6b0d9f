import type { PoolClient } from 'pg';
import { customerKey, type ScreenedCustomer } from './customer-key';
import * as sql from './suppression-sql';

/** A match left out of a result because the customer's officer cleared it before, for the same listed record. */
export interface SuppressedMatch {
  entityId: string;
  name: string;
  score: number;
  suppressionId: string;
}

/** What a screening match must carry to be suppressed: its record, and every record of its designation. */
export interface SuppressibleMatch {
  entityId: string;
  entityIds?: readonly string[];
  score: number;
}

/**
 * Moves suppressed matches out of each customer's matches, inside the caller's write transaction and before it
 * decides hit or no_hit: one indexed query for all the customers given (a single screening, one batch chunk, one
 * monitoring chunk). `matches[i]` are the matches of `customers[i]`. A match is suppressed when a live suppression
 * of that customer names one of its records and the record's content is still what it was when cleared.
 */
export async function applySuppressions<M extends SuppressibleMatch>(
  tx: PoolClient,
  workspaceId: string,
  customers: readonly ScreenedCustomer[],
  matches: readonly (readonly M[])[],
): Promise<{ kept: M[][]; suppressed: SuppressedMatch[][] }> {
  const keys = customers.map(customerKey);
  const withMatches = [...new Set(keys.filter((_, i) => (matches[i]?.length ?? 0) > 0))];
  if (withMatches.length === 0) return { kept: matches.map((m) => [...m]), suppressed: matches.map(() => []) };
  const { rows } = await tx.query<SuppressionRow>(sql.LIVE_SUPPRESSIONS_OF_CUSTOMERS, [workspaceId, withMatches]);
  return partition(keys, matches, rows);
}

interface SuppressionRow {
  id: string;
  customer_key: string;
  entity_id: string;
  primary_name: string;
}

export function partition<M extends SuppressibleMatch>(
  keys: readonly string[],
  matches: readonly (readonly M[])[],
  rows: readonly SuppressionRow[],
): { kept: M[][]; suppressed: SuppressedMatch[][] } {
  const kept = matches.map((m) => [...m]);
  const suppressed: SuppressedMatch[][] = matches.map(() => []);
  if (rows.length === 0) return { kept, suppressed };
  const byCustomer = new Map<string, Map<string, { id: string; name: string }>>();
  for (const r of rows) {
    let entities = byCustomer.get(r.customer_key);
    if (!entities) byCustomer.set(r.customer_key, (entities = new Map()));
    entities.set(r.entity_id, { id: r.id, name: r.primary_name });
  }
  keys.forEach((key, i) => {
    const entities = byCustomer.get(key);
    if (!entities) return;
    kept[i] = [];
    for (const match of matches[i] ?? []) {
      const records = match.entityIds?.length ? match.entityIds : [match.entityId];
      const hitBy = records.map((id) => entities.get(id)).find(Boolean);
      if (hitBy)
        suppressed[i]!.push({
          entityId: match.entityId,
          name: hitBy.name,
          score: Math.round(match.score * 1000) / 1000,
          suppressionId: hitBy.id,
        });
      else kept[i]!.push(match);
    }
  });
  return { kept, suppressed };
}
