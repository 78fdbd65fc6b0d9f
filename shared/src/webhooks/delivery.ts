import type { Queue } from 'bullmq';
import type { Pool } from 'pg';
import type { AppConfig } from '../config';
import { withTransaction } from '../db';
import type { Logger } from '../logging';
import { WEBHOOK_DELIVERY_JOB_OPTIONS } from '../queues';
import { nextRetryDelay, parseRetryAfter } from './backoff';
import { postWebhook, type PostResult } from './http-post';
import { signatureHeader } from './signature';
import { AllowList, TargetRefusedError, vetTarget, type Resolver } from './ssrf';
import { deliveryJob, type DeliveryJob } from './webhook-request';
import * as sql from './webhook-sql';

export const USER_AGENT = 'sanctions-screening-webhooks/1';

/** Time for recording an attempt after its request timed out, before the reconciler may start the next one. */
const LEASE_MARGIN_MS = 30_000;

/** What a delivery attempt needs of the webhooks configuration. */
export type DeliverySettings = Pick<
  AppConfig['webhooks'],
  'allowedHosts' | 'timeoutMs' | 'maxRetryMs' | 'disableAfterMs' | 'backoffBaseMs' | 'backoffMaxMs'
>;

export interface DeliveryDeps {
  pool: Pool;
  queue: Queue<DeliveryJob>;
  logger: Logger;
  settings: DeliverySettings;
  allow: AllowList;
  resolve?: Resolver;
}

export type DeliveryOutcome = 'skipped' | 'succeeded' | 'retrying' | 'dead';

interface Verdict {
  status: 'succeeded' | 'retry' | 'dead';
  statusCode: number | null;
  error: string | null;
  excerpt: string | null;
  latencyMs: number;
  retryAfterMs?: number;
  /** Whether the receiver failed (counts toward disabling the subscription). */
  receiverFailed: boolean;
}

/** 408, 429 and 5xx may pass; other 4xx will not, and a redirect is never followed. */
function judge(result: PostResult): Verdict {
  if (result.kind === 'error')
    return {
      status: 'retry',
      statusCode: null,
      error: result.error,
      excerpt: null,
      latencyMs: result.latencyMs,
      receiverFailed: true,
    };
  const { statusCode: code, excerpt, latencyMs } = result;
  const base = { statusCode: code, excerpt: excerpt || null, latencyMs };
  if (code >= 200 && code < 300) return { ...base, status: 'succeeded', error: null, receiverFailed: false };
  if (code === 408 || code === 429 || code >= 500) {
    return {
      ...base,
      status: 'retry',
      error: `the receiver answered ${code}`,
      retryAfterMs: parseRetryAfter(result.retryAfter),
      receiverFailed: true,
    };
  }
  if (code >= 300 && code < 400) {
    return {
      ...base,
      status: 'dead',
      error: `the receiver answered ${code} to ${result.location ?? 'nowhere'}; redirects are not followed`,
      receiverFailed: true,
    };
  }
  return {
    ...base,
    status: 'dead',
    error: `the receiver answered ${code}; only 408, 429 and 5xx are retried`,
    receiverFailed: true,
  };
}

/**
 * Runs attempt `job.attempt` of a delivery: claims it in Postgres (a stale or duplicated job finds
 * nothing to do), checks the target again (DNS may have changed since creation), signs and sends,
 * then records the attempt and its consequence in one transaction: delivered, retried later with
 * backoff (a new job for the next attempt), or dead-lettered once the retry window is spent.
 */
export async function performDelivery(deps: DeliveryDeps, job: DeliveryJob): Promise<DeliveryOutcome> {
  const { pool, settings } = deps;
  const claimed = (
    await pool.query(sql.CLAIM_ATTEMPT, [job.deliveryId, job.attempt, settings.timeoutMs + LEASE_MARGIN_MS])
  ).rows[0];
  if (!claimed) return 'skipped';
  const startedAt = new Date();
  const verdict = await attempt(deps, claimed, job.attempt);

  let status = verdict.status;
  let error = verdict.error;
  let nextAttemptAt: Date | null = null;
  if (status === 'retry') {
    const delay = nextRetryDelay(job.attempt, verdict.retryAfterMs, {
      baseMs: settings.backoffBaseMs,
      maxMs: settings.backoffMaxMs,
    });
    nextAttemptAt = new Date(Date.now() + delay);
    if (nextAttemptAt > new Date(claimed.retry_until)) {
      status = 'dead';
      error = `gave up after ${job.attempt} attempts: ${error}`;
    }
  }
  const finalStatus = status === 'retry' ? 'pending' : status;

  const recorded = await withTransaction(pool, async (tx) => {
    // Subscription before delivery, the order in which deleting a subscription locks them: no deadlock.
    const subscription = await tx.query(sql.LOCK_SUBSCRIPTION, [claimed.subscription_id]);
    if (subscription.rowCount === 0) return false;
    // Nothing to finish when the reconciler's next attempt took over.
    const finished = await tx.query(sql.FINISH_ATTEMPT, [
      job.deliveryId,
      job.attempt,
      finalStatus,
      verdict.statusCode,
      error,
      nextAttemptAt,
    ]);
    if (finished.rowCount === 0) return false;
    await tx.query(sql.INSERT_ATTEMPT, [
      job.deliveryId,
      job.attempt,
      startedAt,
      verdict.statusCode,
      verdict.latencyMs,
      verdict.error,
      verdict.excerpt,
    ]);
    if (verdict.status === 'succeeded') await tx.query(sql.SUBSCRIPTION_SUCCEEDED, [claimed.subscription_id]);
    else if (verdict.receiverFailed) {
      const sub = (
        await tx.query<{ status: string }>(sql.SUBSCRIPTION_FAILED, [
          claimed.subscription_id,
          settings.disableAfterMs,
          error,
        ])
      ).rows[0];
      if (sub?.status === 'disabled')
        deps.logger.warn('webhook subscription disabled after failing continuously', {
          subscriptionId: claimed.subscription_id,
        });
    }
    return true;
  });
  if (!recorded) return 'skipped';

  if (status === 'retry' && nextAttemptAt) {
    const next = deliveryJob(job.deliveryId, job.attempt + 1);
    await deps.queue
      .add(next.name, next.data, {
        ...WEBHOOK_DELIVERY_JOB_OPTIONS,
        ...next.opts,
        delay: Math.max(0, nextAttemptAt.getTime() - Date.now()),
      })
      .catch((e: unknown) =>
        deps.logger.warn('retry recorded but not queued; the reconciler will queue it', {
          deliveryId: job.deliveryId,
          error: e,
        }),
      );
    return 'retrying';
  }
  return status === 'succeeded' ? 'succeeded' : 'dead';
}

async function attempt(deps: DeliveryDeps, claimed: Record<string, any>, attemptNo: number): Promise<Verdict> {
  const notSent = (error: string, receiverFailed: boolean): Verdict => ({
    status: 'dead',
    statusCode: null,
    error,
    excerpt: null,
    latencyMs: 0,
    receiverFailed,
  });
  if (claimed.subscription_status !== 'active') return notSent('not sent: the subscription is disabled', false);
  let target;
  try {
    target = await vetTarget(claimed.url, deps.allow, deps.resolve);
  } catch (error) {
    if (error instanceof TargetRefusedError) return notSent(`not sent: the URL is refused: ${error.message}`, true);
    throw error;
  }
  const body = JSON.stringify({
    id: claimed.event_id,
    type: claimed.type,
    createdAt: new Date(claimed.event_created_at).toISOString(),
    data: claimed.data,
  });
  const timestamp = Math.floor(Date.now() / 1000);
  const secrets = claimed.previous_secret ? [claimed.secret, claimed.previous_secret] : [claimed.secret];
  const headers = {
    'content-type': 'application/json',
    'user-agent': USER_AGENT,
    'x-event-id': claimed.event_id,
    'x-event-type': claimed.type,
    'x-timestamp': String(timestamp),
    'x-signature': signatureHeader(secrets, timestamp, body),
    'x-delivery-id': claimed.id,
    'x-delivery-attempt': String(attemptNo),
  };
  return judge(await postWebhook(target, body, headers, deps.settings.timeoutMs));
}
