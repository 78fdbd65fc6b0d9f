/** The longest Retry-After we take literally; beyond it the capped backoff applies (a receiver cannot park us for a week). */
const MAX_RETRY_AFTER_MS = 24 * 3_600_000;

/**
 * Exponential backoff with "equal jitter": half of the exponential step is fixed, half random, so
 * retries of many deliveries spread out without ever coming back sooner than half the step.
 */
export function backoffDelay(
  attempt: number,
  options: { baseMs: number; maxMs: number },
  random: () => number = Math.random,
): number {
  const step = Math.min(options.maxMs, options.baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(step / 2 + (random() * step) / 2);
}

/** Retry-After as delta seconds or an HTTP date; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | undefined, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Math.min(Number(trimmed) * 1000, MAX_RETRY_AFTER_MS);
  const at = Date.parse(trimmed);
  if (Number.isNaN(at)) return undefined;
  return Math.min(Math.max(0, at - now), MAX_RETRY_AFTER_MS);
}

/** When to try again: the backoff, or later when the receiver asked for it, never past the cap. */
export function nextRetryDelay(
  attempt: number,
  retryAfterMs: number | undefined,
  options: { baseMs: number; maxMs: number },
  random?: () => number,
): number {
  return Math.min(options.maxMs, Math.max(backoffDelay(attempt, options, random), retryAfterMs ?? 0));
}
