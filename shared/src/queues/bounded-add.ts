import type { Queue } from 'bullmq';

/**
 * How long a request waits for Redis to take its job. Redis answers an add in about a millisecond;
 * past this it is down or stalled, and the job is left to the reconciler, which re-derives it from
 * Postgres. BullMQ's offline queue would otherwise hold the request for the whole outage.
 */
export const QUEUE_ADD_TIMEOUT_MS = 500;

export class QueueUnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'QueueUnavailableError';
  }
}

function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new QueueUnavailableError(`${what} took longer than ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Runs `add` on `queue` only while its connection is up, and waits for it at most `timeoutMs`.
 * Throws QueueUnavailableError otherwise; the caller's row is in Postgres, so the job is not lost.
 * While disconnected nothing is handed to the offline queue, so an outage does not pile commands
 * up in memory. An add that times out may still complete later: jobs carry deterministic ids, so
 * it and the reconciler's add of the same job make one job, never two.
 */
export async function addWhileReachable<T>(
  queue: Queue<any>,
  add: () => Promise<T>,
  timeoutMs = QUEUE_ADD_TIMEOUT_MS,
): Promise<T> {
  const client = await within(queue.getBackend().client, timeoutMs, 'connecting to Redis');
  if (client.status !== 'ready') throw new QueueUnavailableError(`Redis connection is ${client.status}`);
  const settled = add();
  // The add goes on after a timeout; its own failure then is of no interest to anyone.
  settled.catch(() => undefined);
  return within(settled, timeoutMs, 'queueing the job');
}
