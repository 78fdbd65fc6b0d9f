import type { PoolClient } from 'pg';
import { applySuppressions, type SuppressedMatch, type SuppressibleMatch } from '../suppressions';
import * as sql from './batch-sql';

interface ScreenedRow<M extends SuppressibleMatch> {
  line: number;
  row: { reference: string | null; name: string; birth_date: string | null };
  matches: M[];
}

/**
 * Moves the suppressed matches of a chunk's rows aside, in the chunk's write transaction and before hit or no_hit is
 * decided: one indexed query for the whole chunk. The rows' `matches` are replaced by what is kept.
 */
export async function suppressChunkMatches<M extends SuppressibleMatch>(
  tx: PoolClient,
  workspaceId: string,
  screened: ScreenedRow<M>[],
): Promise<SuppressedMatch[][]> {
  const { kept, suppressed } = await applySuppressions(
    tx,
    workspaceId,
    screened.map((s) => ({ reference: s.row.reference, name: s.row.name, birthDate: s.row.birth_date })),
    screened.map((s) => s.matches),
  );
  screened.forEach((s, i) => (s.matches = kept[i]!));
  return suppressed;
}

/** Stores each row's suppressed matches with its result (rows without any keep the default, none). */
export async function recordSuppressedMatches(
  tx: PoolClient,
  batchId: string,
  screened: readonly { line: number }[],
  suppressed: SuppressedMatch[][],
): Promise<void> {
  const lines: number[] = [];
  const values: string[] = [];
  suppressed.forEach((s, i) => {
    if (s.length === 0) return;
    lines.push(screened[i]!.line);
    values.push(JSON.stringify(s));
  });
  if (lines.length > 0) await tx.query(sql.SET_SUPPRESSED_MATCHES, [batchId, lines, values]);
}
