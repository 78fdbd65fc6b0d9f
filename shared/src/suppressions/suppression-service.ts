import { randomUUID } from 'node:crypto';
import type { Pool, PoolClient } from 'pg';
import { withTransaction } from '../db';
import { AppError, notFound, validationFailed } from '../errors';
import { customerKey, subjectOf } from './customer-key';
import * as sql from './suppression-sql';

export interface SuppressionView {
  id: string;
  workspace: string;
  reference: string | null;
  subject: string | null;
  entityId: string;
  entityName: string | null;
  entityHash: string;
  alertId: string | null;
  note: string | null;
  /** Key names: who cleared the match, and who approved that. */
  createdBy: string | null;
  approvedBy: string | null;
  createdAt: string;
  /** When the listed record changed, so the suppression stopped applying; null while it applies. */
  lapsedAt: string | null;
  endedAt: string | null;
  endedBy: string | null;
}

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

function rowToSuppression(r: Record<string, any>): SuppressionView {
  return {
    id: r.id,
    workspace: r.workspace_id,
    reference: r.reference,
    subject: r.subject,
    entityId: r.entity_id,
    entityName: r.entity_name,
    entityHash: r.entity_hash,
    alertId: r.alert_id,
    note: r.note,
    createdBy: r.created_by,
    approvedBy: r.approved_by,
    createdAt: new Date(r.created_at).toISOString(),
    lapsedAt: iso(r.lapsed_at),
    endedAt: iso(r.ended_at),
    endedBy: r.ended_by,
  };
}

/**
 * The hook of an alert's close: called in the transaction that closes it with outcome false_positive (after the
 * approval, under four-eyes), it turns each false_positive match into a suppression for the alert's customer.
 * Returns the ids made.
 */
export async function suppressFalsePositives(
  tx: PoolClient,
  alertId: string,
  approvedByKeyId: string | null,
): Promise<string[]> {
  const alert = (
    await tx.query<{ reference: string | null; query: { name: string; birthDate?: string } }>(sql.ALERT_CUSTOMER, [
      alertId,
    ])
  ).rows[0];
  if (!alert) return [];
  const customer = { reference: alert.reference, name: alert.query.name, birthDate: alert.query.birthDate ?? null };
  const { rows } = await tx.query<{ id: string }>(sql.SUPPRESS_FALSE_POSITIVES, [
    alertId,
    subjectOf(customer),
    customerKey(customer),
    approvedByKeyId,
  ]);
  return rows.map((r) => r.id);
}

export async function getSuppression(
  pool: Pool | PoolClient,
  id: string,
  workspaceId: string,
): Promise<SuppressionView | undefined> {
  const row = (await pool.query(sql.SUPPRESSION_BY_ID, [id, workspaceId])).rows[0];
  return row && rowToSuppression(row);
}

/** The workspace's suppressions, newest first, after the suppression `cursor`. */
export async function listSuppressions(
  pool: Pool,
  options: {
    workspaceId: string;
    reference?: string;
    entityId?: string;
    lapsed?: boolean;
    cursor?: string;
    limit: number;
  },
): Promise<SuppressionView[]> {
  const { rows } = await pool.query(sql.SUPPRESSIONS_PAGE, [
    options.workspaceId,
    options.reference ?? null,
    options.entityId ?? null,
    options.lapsed ?? null,
    options.cursor ?? null,
    options.limit,
  ]);
  return rows.map(rowToSuppression);
}

/**
 * A false-positive decision made elsewhere (another system, before this one): suppresses the record as listed now
 * for the customer with that reference. The same import twice returns the live suppression it made the first time.
 */
export async function importSuppression(
  pool: Pool,
  input: { workspaceId: string; reference: string; entityId: string; note: string | null; keyId: string },
): Promise<{ suppression: SuppressionView; created: boolean }> {
  return withTransaction(pool, async (tx) => {
    if ((await tx.query(sql.ENTITY_EXISTS, [input.entityId])).rowCount === 0) {
      throw validationFailed('No listed entity has this id', [
        { field: 'entityId', message: `no active listed entity ${input.entityId}` },
      ]);
    }
    const id = randomUUID();
    const made = (
      await tx.query(sql.IMPORT_SUPPRESSION, [
        id,
        input.workspaceId,
        input.reference,
        input.entityId,
        input.note,
        input.keyId,
      ])
    ).rows[0];
    const existing = made
      ? undefined
      : (await tx.query(sql.LIVE_SUPPRESSION_ID, [input.workspaceId, input.reference, input.entityId])).rows[0];
    const suppression = await getSuppression(tx, made?.id ?? existing?.id, input.workspaceId);
    if (!suppression) throw new Error(`suppression for ${input.reference} / ${input.entityId} neither made nor found`);
    return { suppression, created: Boolean(made) };
  });
}

/** Ends a suppression: later screenings of the customer show the match again. Its alert's history records who ended it. */
export async function endSuppression(
  pool: Pool,
  id: string,
  workspaceId: string,
  keyId: string,
): Promise<SuppressionView> {
  return withTransaction(pool, async (tx) => {
    const ended = (
      await tx.query<{ id: string; alert_id: string | null; entity_id: string }>(sql.END_SUPPRESSION, [
        id,
        workspaceId,
        keyId,
      ])
    ).rows[0];
    if (!ended) {
      const exists = (await tx.query(sql.SUPPRESSION_EXISTS, [id, workspaceId])).rows[0];
      if (!exists) throw notFound(`Suppression ${id}`);
      throw new AppError('conflict', `Suppression ${id} has already ended`);
    }
    if (ended.alert_id)
      await tx.query(sql.INSERT_SUPPRESSION_ENDED_EVENT, [ended.alert_id, keyId, id, ended.entity_id]);
    return (await getSuppression(tx, id, workspaceId))!;
  });
}
