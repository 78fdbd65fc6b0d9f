import type { Pool, PoolClient } from 'pg';
import { withTransaction } from '../db';
import { AppError, forbidden, notFound, validationFailed } from '../errors';
import { suppressFalsePositives } from '../suppressions';
import { recordEvent } from '../webhooks';
import { getAlert } from './alert-query';
import type { AssignAlertInput, DecisionInput } from './alert-request';
import * as sql from './alert-sql';
import { afterAssignment, afterDecision, ASSIGNABLE, DECIDABLE } from './alert-state';
import type { AlertAction, AlertActor, AlertOutcome, AlertStatus, AlertView, Disposition } from './alert-types';

export interface ReviewSettings {
  /** REVIEW_FOUR_EYES: a fully decided alert waits for a second key's approval. */
  fourEyes: boolean;
}

const conflict = (status: AlertStatus, what: string) =>
  new AppError('conflict', `This alert is ${status.replace('_', ' ')}: ${what}`);

/** Locks the alert of the actor's workspace for the rest of the transaction; another workspace's alert is not found. */
async function lockAlert(tx: PoolClient, id: string, actor: AlertActor): Promise<AlertStatus> {
  const row = (await tx.query<{ status: AlertStatus }>(sql.ALERT_FOR_UPDATE, [id, actor.workspaceId])).rows[0];
  if (!row) throw notFound(`Alert ${id}`);
  return row.status;
}

/** Moves the alert from the status read under the lock; a transition that lost a race finds nothing to move. */
async function move(
  tx: PoolClient,
  id: string,
  from: AlertStatus,
  to: AlertStatus,
  options: { assignee?: string | null; outcome?: AlertOutcome } = {},
): Promise<void> {
  const moved = await tx.query(sql.MOVE_ALERT, [
    id,
    from,
    to,
    options.assignee !== undefined,
    options.assignee ?? null,
    options.outcome ?? null,
  ]);
  if (moved.rowCount === 0) throw conflict(from, 'it changed while this request was handled; read it again');
  if (to === 'closed') await recordEvent(tx, { type: 'alert.closed', alertId: id });
}

async function appendEvent(
  tx: PoolClient,
  id: string,
  actor: AlertActor,
  action: AlertAction,
  details: Record<string, unknown>,
): Promise<void> {
  await tx.query(sql.INSERT_EVENT, [id, actor.keyId, actor.name, action, JSON.stringify(details)]);
}

async function review(
  pool: Pool,
  id: string,
  actor: AlertActor,
  work: (tx: PoolClient, status: AlertStatus) => Promise<void>,
): Promise<AlertView> {
  return withTransaction(pool, async (tx) => {
    await work(tx, await lockAlert(tx, id, actor));
    return (await getAlert(tx, id, actor.workspaceId))!;
  });
}

/** Assigns the alert to a key of its workspace ("me": the caller), or unassigns it (null). */
export async function assignAlert(
  pool: Pool,
  id: string,
  actor: AlertActor,
  input: AssignAlertInput,
): Promise<AlertView> {
  return review(pool, id, actor, async (tx, status) => {
    const assigneeId = input.assignee === 'me' ? actor.keyId : input.assignee;
    let assigneeName: string | null = null;
    if (assigneeId !== null) {
      const key = (await tx.query<{ name: string }>(sql.KEY_OF_WORKSPACE, [assigneeId, actor.workspaceId])).rows[0];
      if (!key)
        throw validationFailed('The assignee is not a key of this workspace', [
          { field: 'assignee', message: 'is not an active key of this workspace' },
        ]);
      assigneeName = key.name;
    }
    if (!ASSIGNABLE.includes(status)) throw conflict(status, 'a closed alert is not assigned');
    const dispositions = (
      await tx.query<{ disposition: Disposition | null }>(sql.DISPOSITIONS_OF_ALERT, [id])
    ).rows.map((r) => r.disposition);
    const next = afterAssignment(
      status,
      assigneeId,
      dispositions.some((d) => d !== null),
    );
    await move(tx, id, status, next, { assignee: assigneeId });
    await appendEvent(tx, id, actor, 'assigned', {
      assignee: assigneeId === null ? null : { keyId: assigneeId, name: assigneeName },
      status: next,
    });
  });
}

/**
 * Records a decision on one match (named by any record of its designation); a later decision on it replaces this one,
 * and the history keeps both. When every match is a true match or a false positive the alert is submitted: it waits
 * for approval under four-eyes review, else it closes with its outcome.
 */
export async function decideAlert(
  pool: Pool,
  id: string,
  actor: AlertActor,
  input: DecisionInput,
  settings: ReviewSettings,
): Promise<AlertView> {
  return review(pool, id, actor, async (tx, status) => {
    if (!DECIDABLE.includes(status)) throw conflict(status, 'no decision can be recorded on it');
    const match = (
      await tx.query<{ entity_id: string }>(sql.DECIDE_MATCH, [
        id,
        input.entityId,
        input.disposition,
        input.note,
        actor.keyId,
      ])
    ).rows[0];
    if (!match)
      throw validationFailed('The entity is not on this alert', [
        { field: 'entityId', message: `${input.entityId} is not an entity of this alert's matches` },
      ]);
    await appendEvent(tx, id, actor, 'decided', {
      entityId: match.entity_id,
      ...(match.entity_id !== input.entityId && { decidedOn: input.entityId }),
      disposition: input.disposition,
      note: input.note,
    });
    const dispositions = (
      await tx.query<{ disposition: Disposition | null }>(sql.DISPOSITIONS_OF_ALERT, [id])
    ).rows.map((r) => r.disposition);
    const next = afterDecision(dispositions, settings.fourEyes);
    if (next.status === 'in_review') {
      if (status !== 'in_review') await move(tx, id, status, 'in_review');
      return;
    }
    if (next.status === 'pending_approval') {
      await move(tx, id, status, 'pending_approval');
      await appendEvent(tx, id, actor, 'submitted', { outcome: next.outcome });
      return;
    }
    await move(tx, id, status, 'closed', { outcome: next.outcome });
    await appendEvent(tx, id, actor, 'closed', { outcome: next.outcome });
    if (next.outcome === 'false_positive') await suppressFalsePositives(tx, id, null);
  });
}

/** Approves a submitted alert, closing it. A key that made any of the decisions being approved is refused. */
export async function approveAlert(
  pool: Pool,
  id: string,
  actor: AlertActor,
  input: { note?: string },
): Promise<AlertView> {
  return review(pool, id, actor, async (tx, status) => {
    if (status !== 'pending_approval') throw conflict(status, 'only an alert pending approval can be approved');
    const { decided } = (await tx.query<{ decided: boolean }>(sql.DECIDED_THIS_ROUND, [id, actor.keyId])).rows[0]!;
    if (decided)
      throw forbidden('This key made decisions on this alert: a second person must approve it (four-eyes review)');
    const dispositions = (
      await tx.query<{ disposition: Disposition | null }>(sql.DISPOSITIONS_OF_ALERT, [id])
    ).rows.map((r) => r.disposition);
    const next = afterDecision(dispositions, false);
    if (next.status !== 'closed') throw conflict(status, 'not every match is decided');
    await move(tx, id, status, 'closed', { outcome: next.outcome });
    await appendEvent(tx, id, actor, 'approved', { ...(input.note && { note: input.note }) });
    await appendEvent(tx, id, actor, 'closed', { outcome: next.outcome });
    if (next.outcome === 'false_positive') await suppressFalsePositives(tx, id, actor.keyId);
  });
}

/** Sends a submitted alert back to review with a note; its dispositions are cleared (the history keeps them). */
export async function rejectAlert(
  pool: Pool,
  id: string,
  actor: AlertActor,
  input: { note: string },
): Promise<AlertView> {
  return review(pool, id, actor, async (tx, status) => {
    if (status !== 'pending_approval') throw conflict(status, 'only an alert pending approval can be rejected');
    await tx.query(sql.CLEAR_DISPOSITIONS, [id]);
    await move(tx, id, status, 'in_review');
    await appendEvent(tx, id, actor, 'rejected', { note: input.note });
  });
}
