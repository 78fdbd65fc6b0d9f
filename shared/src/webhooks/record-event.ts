import type { PoolClient } from 'pg';
import * as sql from './event-sql';

export const EVENT_TYPES = [
  'screening.hit',
  'screening.completed',
  'batch.hit',
  'batch.completed',
  'list.updated',
  'alert.created',
  'alert.closed',
  'monitoring.run.completed',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

/** The fact an event reports; its payload is read from the rows the same transaction just wrote. */
export type EventFact =
  /** screening.completed, and screening.hit when the decision is a hit. */
  | { type: 'screening'; screeningId: string }
  /** One batch.hit per hit row in the line range. */
  | { type: 'batch.hit'; batchId: string; fromLine: number; toLine: number }
  | { type: 'batch.completed'; batchId: string }
  /** One alert.created per alert made. */
  | { type: 'alert.created'; alertIds: readonly string[] }
  | { type: 'alert.closed'; alertId: string }
  /** One monitoring.run.completed per workspace with monitored customers, with that workspace's counts. */
  | { type: 'monitoring.run.completed'; runId: string }
  | {
      type: 'list.updated';
      sourceId: string;
      version: number;
      versionId: string;
      entityCount: number;
      nameCount: number;
      delta: { added: number; removed: number; changed: number };
    };

/**
 * Writes the outbox events of a fact, in the caller's transaction, so that the event exists if and
 * only if the fact was committed. Delivery happens later, in the webhooks worker. Idempotent: the
 * same fact recorded twice yields its events once.
 */
export async function recordEvent(tx: PoolClient, fact: EventFact): Promise<void> {
  switch (fact.type) {
    case 'screening':
      await tx.query(sql.INSERT_SCREENING_EVENTS, [fact.screeningId]);
      return;
    case 'batch.hit':
      await tx.query(sql.INSERT_BATCH_HIT_EVENTS, [fact.batchId, fact.fromLine, fact.toLine]);
      return;
    case 'monitoring.run.completed':
      await tx.query(sql.INSERT_MONITORING_RUN_COMPLETED_EVENTS, [fact.runId]);
      return;
    case 'batch.completed':
      await tx.query(sql.INSERT_BATCH_COMPLETED_EVENT, [fact.batchId]);
      return;
    case 'alert.created':
      await tx.query(sql.INSERT_ALERT_EVENTS, ['alert.created', [...fact.alertIds]]);
      return;
    case 'alert.closed':
      await tx.query(sql.INSERT_ALERT_EVENTS, ['alert.closed', [fact.alertId]]);
      return;
    case 'list.updated': {
      const { type: _type, versionId, ...list } = fact;
      const data = {
        list: {
          source: list.sourceId,
          version: list.version,
          entityCount: list.entityCount,
          nameCount: list.nameCount,
          delta: list.delta,
        },
        links: {
          versions: `/v1/lists/${list.sourceId}/versions`,
          delta: `/v1/lists/${list.sourceId}/versions/${list.version}/delta`,
        },
      };
      await tx.query(sql.INSERT_LIST_UPDATED_EVENT, [versionId, list.sourceId, JSON.stringify(data)]);
      return;
    }
  }
}
