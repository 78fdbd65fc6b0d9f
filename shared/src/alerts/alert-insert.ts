import { randomUUID } from 'node:crypto';
import type { PoolClient } from 'pg';
import { recordEvent } from '../webhooks';
import * as sql from './alert-insert-sql';
import type { AlertQuery, AlertSource } from './alert-types';

/** A match as a screening produced it; `entityIds` (every record of its designation) is read from the lists when absent. */
export interface AlertMatchInput {
  entityId: string;
  entityIds?: readonly string[];
  matchedName: string;
  matchedNameKind: string;
  score: number;
  explanation: readonly string[];
}

/** A hit result to alert on. Its natural key is `screeningId`, (`batchId`, `line`) or (`runId`, workspace, `customerReference`). */
export interface NewAlert {
  workspaceId: string;
  source: AlertSource;
  screeningId?: string | null;
  batchId?: string | null;
  line?: number | null;
  runId?: string | null;
  /** Monitoring: the customer's reference in the workspace (also the alert's `reference` when that is not given). */
  customerReference?: string | null;
  reference?: string | null;
  query: AlertQuery;
  matches: readonly AlertMatchInput[];
  /** The key whose screening or batch this is, shown as the actor of `created`; none for monitoring. */
  actorKeyId?: string | null;
}

/**
 * Makes the alerts of hit results inside the caller's transaction (the one that records the results), and their
 * `alert.created` outbox events. Idempotent: a result that already has its alert (a redelivered job), or a batch row
 * or monitoring result the same as one already alerted on (same subject, same designations, same listed content),
 * makes none. Results without a match make none. Returns the ids of the alerts made.
 */
export async function insertAlerts(
  tx: PoolClient,
  alerts: readonly NewAlert[],
  options: { jitAlreadyOff?: boolean } = {},
): Promise<string[]> {
  const input = alerts
    .filter((a) => a.matches.length > 0)
    .map((a) => ({
      id: randomUUID(),
      workspace_id: a.workspaceId,
      source: a.source,
      screening_id: a.screeningId ?? null,
      batch_id: a.batchId ?? null,
      line: a.line ?? null,
      run_id: a.runId ?? null,
      customer_reference: a.customerReference ?? null,
      reference: a.reference ?? a.customerReference ?? null,
      query: a.query,
      actor_key_id: a.actorKeyId ?? null,
      matches: a.matches,
    }));
  if (input.length === 0) return [];
  // The planner cannot estimate the JSON functions and prices the statement high enough to JIT-compile it, which
  // costs seconds for a statement that runs in milliseconds; this transaction does not need JIT.
  if (!options.jitAlreadyOff) await tx.query(sql.NO_JIT);
  const { rows } = await tx.query<{ id: string }>(sql.INSERT_ALERTS, [JSON.stringify(input)]);
  const ids = rows.map((r) => r.id);
  if (ids.length > 0) await recordEvent(tx, { type: 'alert.created', alertIds: ids });
  return ids;
}

/** `insertAlerts` for one result: the id of the alert made, or undefined when it exists already. */
export async function insertAlert(tx: PoolClient, alert: NewAlert): Promise<string | undefined> {
  return (await insertAlerts(tx, [alert]))[0];
}
