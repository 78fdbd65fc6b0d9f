import type { Redis } from 'ioredis';
import type { Logger } from '../logging';
import type { VerifiedKeyCache } from './verified-key-cache';

/** What changed: one key (revoked, rotated, scopes re-armed) or a whole workspace's keys. */
export type KeyChange = { keyId: string } | { workspaceId: string };

/** Told after a key change commits, so that every API process forgets what it cached of the key. */
export interface KeyChangeAnnouncer {
  announce(change: KeyChange): Promise<void>;
}

/**
 * A Redis that does not answer must not hold up the revocation, which is committed already: the other processes'
 * subscribers are then most likely down too, and a process whose subscriber is down reads every key from Postgres.
 */
const PUBLISH_TIMEOUT_MS = 1_000;

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer from Redis within ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/** Publishes changes on the deployment's channel; a publish that fails is logged, and cached entries expire anyway. */
export function redisKeyChangeAnnouncer(
  redis: Redis,
  channel: string,
  logger: Logger,
  localCache?: VerifiedKeyCache,
): KeyChangeAnnouncer {
  return {
    async announce(change) {
      // This process forgets at once, without waiting for its own message to come back.
      if (localCache) applyChange(localCache, change);
      try {
        await withTimeout(redis.publish(channel, JSON.stringify(change)), PUBLISH_TIMEOUT_MS);
      } catch (error) {
        logger.error('api key change not announced; other processes keep the key until their cache entry expires', {
          ...change,
          error: (error as Error).message,
        });
      }
    },
  };
}

function applyChange(cache: VerifiedKeyCache, change: KeyChange): void {
  if ('keyId' in change) cache.dropKey(change.keyId);
  else cache.dropWorkspace(change.workspaceId);
}

/**
 * Keeps a cache in step with announced changes on its own subscriber connection. While that connection is down the
 * cache is off (and emptied), and it comes back empty once resubscribed: messages sent meanwhile are lost.
 */
export async function listenForKeyChanges(
  subscriber: Redis,
  channel: string,
  cache: VerifiedKeyCache,
  logger: Logger,
): Promise<{ stop(): Promise<void> }> {
  subscriber.on('message', (from: string, message: string) => {
    if (from !== channel) return;
    try {
      applyChange(cache, JSON.parse(message) as KeyChange);
    } catch {
      logger.warn('unreadable api key change message; dropping the whole key cache', { message });
      cache.clear();
    }
  });
  subscriber.on('close', () => cache.setEnabled(false));
  subscriber.on('ready', () => {
    // ioredis resubscribes by itself; subscribing again here tells when that is done.
    subscriber.subscribe(channel).then(
      () => cache.setEnabled(true),
      () => cache.setEnabled(false),
    );
  });
  await subscriber.subscribe(channel);
  cache.setEnabled(true);
  return {
    async stop() {
      cache.setEnabled(false);
      await subscriber.quit().catch(() => subscriber.disconnect());
    },
  };
}
