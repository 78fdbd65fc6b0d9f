import type { PoolClient } from 'pg';
import { insertAlerts } from '../alerts';
import type { DesignationMatch } from '../designations';
import type { EntityType } from '../lists';

interface ScreenedRow {
  line: number;
  row: {
    reference: string | null;
    name: string;
    type: string | null;
    birth_date: string | null;
    country: string | null;
  };
  matches: DesignationMatch[];
}

/**
 * One alert per hit row this chunk's transaction wrote: rows an earlier attempt wrote already have theirs, and a row
 * re-screened (a new batch of the same rows) with the same result has its alert from the first screening.
 */
export async function alertOnHitRows(
  tx: PoolClient,
  batch: { id: string; workspaceId: string; apiKeyId: string | null },
  screened: readonly ScreenedRow[],
  written: readonly { line: number; decision: string }[],
): Promise<string[]> {
  const hitLines = new Set(written.filter((w) => w.decision === 'hit').map((w) => w.line));
  if (hitLines.size === 0) return [];
  return insertAlerts(
    tx,
    screened
      .filter((s) => hitLines.has(s.line))
      .map((s) => ({
        workspaceId: batch.workspaceId,
        source: 'batch' as const,
        batchId: batch.id,
        line: s.line,
        reference: s.row.reference,
        query: {
          name: s.row.name,
          ...(s.row.type && { type: s.row.type as EntityType }),
          ...(s.row.birth_date && { birthDate: s.row.birth_date }),
          ...(s.row.country && { country: s.row.country }),
        },
        matches: s.matches,
        actorKeyId: batch.apiKeyId,
      })),
  );
}
