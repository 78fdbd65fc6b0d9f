import type { Queue } from 'bullmq';
import type { Pool } from 'pg';
import { WEBHOOK_DELIVERY_JOB_OPTIONS } from '../queues';
import { deliveryJob, type DeliveryJob } from './webhook-request';
import * as sql from './webhook-sql';

/** Events fanned out per statement: one round trip for many events, short row locks. */
const DISPATCH_PAGE = 200;
/** Overdue deliveries re-queued per reconciler pass. */
const RECONCILE_LIMIT = 1000;

async function enqueue(queue: Queue<DeliveryJob>, deliveries: { id: string; attempts: number }[]): Promise<void> {
  if (deliveries.length === 0) return;
  await queue.addBulk(
    deliveries.map((d) => {
      const job = deliveryJob(d.id, d.attempts + 1);
      return { name: job.name, data: job.data, opts: { ...WEBHOOK_DELIVERY_JOB_OPTIONS, ...job.opts } };
    }),
  );
}

/**
 * Turns undispatched outbox events into deliveries for the subscriptions that take them and queues
 * their first attempt. The deliveries are committed before they are queued: a failed queueing is
 * made good by the reconciler. Returns how many events and deliveries it handled.
 */
export async function dispatchEvents(
  deps: { pool: Pool; queue: Queue<DeliveryJob> },
  options: { maxRetryMs: number },
): Promise<{ events: number; deliveries: number }> {
  let events = 0;
  let deliveries = 0;
  for (;;) {
    const row = (
      await deps.pool.query<{ events: number; deliveries: { id: string; attempts: number }[] }>(sql.DISPATCH_EVENTS, [
        DISPATCH_PAGE,
        options.maxRetryMs,
      ])
    ).rows[0];
    if (!row || row.events === 0) break;
    events += row.events;
    deliveries += row.deliveries.length;
    await enqueue(deps.queue, row.deliveries);
    if (row.events < DISPATCH_PAGE) break;
  }
  return { events, deliveries };
}

/**
 * Postgres is the truth: a pending delivery whose attempt is overdue by the grace period lost its
 * job (Redis restarted or flushed, or the queueing failed). Its next attempt is queued again under
 * the same deterministic job id, so a job that still exists is not doubled.
 */
export async function requeueOverdueDeliveries(
  deps: { pool: Pool; queue: Queue<DeliveryJob> },
  graceMs: number,
): Promise<number> {
  const { rows } = await deps.pool.query<{ id: string; attempts: number }>(sql.OVERDUE_DELIVERIES, [
    graceMs,
    RECONCILE_LIMIT,
  ]);
  await enqueue(deps.queue, rows);
  return rows.length;
}
