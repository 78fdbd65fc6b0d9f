import path from 'node:path';
import { z } from 'zod';

/** The repository root, from shared/src/config or shared/dist/config alike. */
export const REPO_ROOT = path.resolve(__dirname, '../../..');

const optionalString = z.preprocess((v) => (v === '' ? undefined : v), z.string().optional());
const intFrom = (fallback: number, min = 0) => z.coerce.number().int().min(min).default(fallback);

/** A list id's download override: one URL (a base URL for lists of several files) or a URL per file name. */
const listUpdateUrls = z.record(z.string(), z.union([z.url(), z.record(z.string(), z.url())]));
const jsonObject = z.preprocess((v, ctx) => {
  if (v === undefined || v === '') return {};
  try {
    return JSON.parse(String(v));
  } catch {
    ctx.addIssue({
      code: 'custom',
      message: 'must be a JSON object such as {"un-sc":"https://mirror.example/un.xml"}',
    });
    return z.NEVER;
  }
}, listUpdateUrls);
const commaList = (fallback: string) =>
  z.preprocess(
    (v) =>
      String(v === undefined || v === '' ? fallback : v)
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    z.array(z.string().regex(/^[a-z0-9-]+$/, 'list ids are lowercase words joined by dashes, e.g. ofac-sdn')),
  );

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  HOST: z.string().default('127.0.0.1'),
  PORT: intFrom(3000),
  DATABASE_URL: optionalString.pipe(z.url().optional()),
  DATABASE_POOL_MAX: intFrom(10, 1),
  REDIS_URL: optionalString.pipe(z.url().optional()),
  /** Braces make every BullMQ key hash to one slot, so Redis Cluster works too. */
  QUEUE_PREFIX: z.string().min(1).default('{sanctions}'),
  BOOTSTRAP_API_KEY: optionalString.pipe(
    z.string().min(16, 'BOOTSTRAP_API_KEY must be at least 16 characters').optional(),
  ),
  MATCH_THRESHOLD: z.preprocess((v) => (v === '' ? undefined : v), z.coerce.number().min(0).max(1).optional()),
  MATCH_LIMIT: intFrom(10, 1),
  /**
   * Candidates scoring from this calibrated probability up to the threshold are returned as near misses, never hits;
   * absent, the matcher's DEFAULT_NEAR_MISS_FLOOR.
   */
  NEAR_MISS_FLOOR: z.preprocess((v) => (v === '' ? undefined : v), z.coerce.number().min(0).max(1).optional()),
  SCREENING_WAIT_MAX_MS: intFrom(10_000, 0),
  WORKER_CONCURRENCY: intFrom(32, 1),
  /** Batch chunks are hundreds of rows each: two in flight overlap one's SQL with the other's matching. */
  BATCH_CHUNK_CONCURRENCY: intFrom(2, 1),
  /** How long a job stays claimed by a worker that stopped answering, and how often the others look (BullMQ lockDuration, stalledInterval). */
  WORKER_LOCK_DURATION_MS: intFrom(30_000, 500),
  WORKER_STALLED_INTERVAL_MS: intFrom(30_000, 100),
  /** A 1M-row file arrives in under a minute; an upload still arriving after this long has been abandoned. */
  BATCH_UPLOAD_TIMEOUT_MS: intFrom(2 * 3600_000, 1000),
  RECONCILE_INTERVAL_MS: intFrom(30_000, 100),
  RECONCILE_GRACE_MS: intFrom(30_000, 0),
  INDEX_REFRESH_INTERVAL_MS: intFrom(60_000, 100),
  /** JSON bodies are single records and small settings; past 1 MB one is refused (413) whatever this says. */
  MAX_JSON_BODY_BYTES: intFrom(64 * 1024, 1024).pipe(z.number().max(1024 * 1024, 'must be at most 1048576 (1 MB)')),
  /** Browser origins allowed to call the API (CORS), e.g. https://console.example.com; none by default. */
  CORS_ORIGINS: z.preprocess(
    (v) =>
      String(v ?? '')
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    z.array(
      z
        .string()
        .regex(
          /^https?:\/\/[^/\s]+$/,
          'entries are origins such as https://console.example.com (scheme, host, optional port; no path)',
        ),
    ),
  ),
  /** A whole request, body included, must arrive within this: a 250 MB customer file at 1 MB/s takes about 4 minutes. */
  HTTP_REQUEST_TIMEOUT_MS: intFrom(15 * 60_000, 1000),
  /** A million customer rows is ~200 MB of CSV. */
  MAX_BATCH_BYTES: intFrom(250 * 1024 * 1024, 1024),
  /** Per file of a list uploaded to POST /v1/lists/:source/versions; the largest official list file is about 100 MB. */
  MAX_LIST_UPLOAD_BYTES: intFrom(500 * 1024 * 1024, 1024),
  EMBEDDED_PG_DIR: z.string().default(path.join(REPO_ROOT, '.data', 'pglite')),
  SEED_PATH: z.string().default(path.join(REPO_ROOT, 'seeds', 'human-rights-day-2021.json')),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
  /** The lists `npm run lists -- update` and the lists worker download; EU FSF needs a tokenised URL, so it is off by default. */
  LIST_UPDATE_SOURCES: commaList('ofac-sdn,ofac-cons,un-sc'),
  /** JSON: list id → URL (a base URL for OFAC's several files) or { file name → URL }; overrides the official URLs. */
  LIST_UPDATE_URLS: jsonObject,
  LIST_UPDATE_CRON: z.string().min(1).default('0 */6 * * *'),
  /** Where `npm run screen` sends its requests, and with which key (falls back to BOOTSTRAP_API_KEY). */
  API_URL: z.url().default('http://127.0.0.1:3000'),
  API_KEY: optionalString,
  LIST_UPDATE_TIMEOUT_MS: intFrom(120_000, 100),
  LIST_UPDATE_MAX_BYTES: intFrom(500 * 1024 * 1024, 1),
  /** Hosts, IPs or CIDRs that webhooks may target although private or loopback, and over plain http. */
  WEBHOOK_ALLOWED_HOSTS: z.preprocess(
    (v) =>
      String(v ?? '')
        .split(',')
        .map((s) => s.trim().toLowerCase())
        .filter(Boolean),
    z.array(
      z
        .string()
        .regex(
          /^(\[?[a-z0-9.:-]+\]?)(\/\d{1,3})?$/,
          'entries are host names, IP addresses or CIDRs, e.g. 127.0.0.1,10.0.0.0/8,hooks.internal',
        ),
    ),
  ),
  WEBHOOK_TIMEOUT_MS: intFrom(10_000, 100),
  WEBHOOK_MAX_RETRY_HOURS: z.coerce.number().positive().default(24),
  WEBHOOK_DISABLE_AFTER_HOURS: z.coerce.number().positive().default(72),
  WEBHOOK_BACKOFF_BASE_MS: intFrom(10_000, 1),
  WEBHOOK_BACKOFF_MAX_MS: intFrom(3_600_000, 1),
  WEBHOOK_DISPATCH_INTERVAL_MS: intFrom(1_000, 10),
  WEBHOOK_CONCURRENCY: intFrom(16, 1),
  /** The delivery log (events, deliveries, attempts) is operational history, not screening evidence: kept this long. */
  WEBHOOK_RETENTION_DAYS: z.coerce.number().positive().default(90),
  /** Four-eyes review: a fully decided alert waits for a second key's approval instead of closing. */
  /** Requests per minute an API key may make when the key sets no rateLimitPerMinute of its own. */
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000).default(6000),
  /** When set, this process also serves GET /metrics without a key on this port (0: any free port), for a scraper inside the network. */
  METRICS_PORT: z.preprocess((v) => (v === '' ? undefined : v), z.coerce.number().int().min(0).max(65_535).optional()),
  REVIEW_FOUR_EYES: z
    .preprocess(
      (v) => (v === undefined || v === '' ? 'false' : String(v).trim().toLowerCase()),
      z.enum(['true', 'false', '1', '0'], { error: 'must be true or false' }),
    )
    .transform((v) => v === 'true' || v === '1'),
});

export type Env = z.infer<typeof envSchema>;

export interface AppConfig {
  apiClient: { url: string; key?: string };
  env: Env['NODE_ENV'];
  http: {
    host: string;
    port: number;
    maxJsonBodyBytes: number;
    maxBatchBytes: number;
    maxListUploadBytes: number;
    requestTimeoutMs: number;
    corsOrigins: string[];
  };
  databaseUrl?: string;
  databasePoolMax: number;
  redisUrl?: string;
  queuePrefix: string;
  bootstrapApiKey?: string;
  matching: { threshold?: number; limit: number; nearMissFloor?: number };
  screening: { waitMaxMs: number };
  worker: {
    concurrency: number;
    batchChunkConcurrency: number;
    lockDurationMs: number;
    stalledIntervalMs: number;
    reconcileIntervalMs: number;
    reconcileGraceMs: number;
    indexRefreshIntervalMs: number;
    batchUploadTimeoutMs: number;
  };
  embeddedPgDir: string;
  seedPath: string;
  logLevel: Env['LOG_LEVEL'];
  listUpdates: {
    sources: string[];
    urls: Record<string, string | Record<string, string>>;
    cron: string;
    timeoutMs: number;
    maxBytes: number;
  };
  webhooks: {
    allowedHosts: string[];
    timeoutMs: number;
    maxRetryMs: number;
    disableAfterMs: number;
    backoffBaseMs: number;
    backoffMaxMs: number;
    dispatchIntervalMs: number;
    concurrency: number;
    retentionMs: number;
  };
  review: { fourEyes: boolean };
  rateLimit: { perMinute: number };
  metrics: { port?: number };
}

export class ConfigError extends Error {}

/** Reads and validates the environment once, at boot. Nothing else reads process.env. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  return {
    env: e.NODE_ENV,
    http: {
      host: e.HOST,
      port: e.PORT,
      maxJsonBodyBytes: e.MAX_JSON_BODY_BYTES,
      maxBatchBytes: e.MAX_BATCH_BYTES,
      maxListUploadBytes: e.MAX_LIST_UPLOAD_BYTES,
      requestTimeoutMs: e.HTTP_REQUEST_TIMEOUT_MS,
      corsOrigins: e.CORS_ORIGINS,
    },
    databaseUrl: e.DATABASE_URL,
    databasePoolMax: e.DATABASE_POOL_MAX,
    redisUrl: e.REDIS_URL,
    queuePrefix: e.QUEUE_PREFIX,
    bootstrapApiKey: e.BOOTSTRAP_API_KEY,
    matching: { threshold: e.MATCH_THRESHOLD, limit: e.MATCH_LIMIT, nearMissFloor: e.NEAR_MISS_FLOOR },
    screening: { waitMaxMs: e.SCREENING_WAIT_MAX_MS },
    worker: {
      concurrency: e.WORKER_CONCURRENCY,
      batchChunkConcurrency: e.BATCH_CHUNK_CONCURRENCY,
      lockDurationMs: e.WORKER_LOCK_DURATION_MS,
      stalledIntervalMs: e.WORKER_STALLED_INTERVAL_MS,
      reconcileIntervalMs: e.RECONCILE_INTERVAL_MS,
      reconcileGraceMs: e.RECONCILE_GRACE_MS,
      indexRefreshIntervalMs: e.INDEX_REFRESH_INTERVAL_MS,
      batchUploadTimeoutMs: e.BATCH_UPLOAD_TIMEOUT_MS,
    },
    embeddedPgDir: e.EMBEDDED_PG_DIR,
    seedPath: e.SEED_PATH,
    logLevel: e.LOG_LEVEL,
    apiClient: { url: e.API_URL.replace(/\/$/, ''), key: e.API_KEY ?? e.BOOTSTRAP_API_KEY },
    listUpdates: {
      sources: e.LIST_UPDATE_SOURCES,
      urls: e.LIST_UPDATE_URLS,
      cron: e.LIST_UPDATE_CRON,
      timeoutMs: e.LIST_UPDATE_TIMEOUT_MS,
      maxBytes: e.LIST_UPDATE_MAX_BYTES,
    },
    webhooks: {
      allowedHosts: e.WEBHOOK_ALLOWED_HOSTS,
      timeoutMs: e.WEBHOOK_TIMEOUT_MS,
      maxRetryMs: Math.round(e.WEBHOOK_MAX_RETRY_HOURS * 3_600_000),
      disableAfterMs: Math.round(e.WEBHOOK_DISABLE_AFTER_HOURS * 3_600_000),
      backoffBaseMs: e.WEBHOOK_BACKOFF_BASE_MS,
      backoffMaxMs: e.WEBHOOK_BACKOFF_MAX_MS,
      dispatchIntervalMs: e.WEBHOOK_DISPATCH_INTERVAL_MS,
      concurrency: e.WEBHOOK_CONCURRENCY,
      retentionMs: Math.round(e.WEBHOOK_RETENTION_DAYS * 86_400_000),
    },
    review: { fourEyes: e.REVIEW_FOUR_EYES },
    rateLimit: { perMinute: e.RATE_LIMIT_PER_MINUTE },
    metrics: { port: e.METRICS_PORT },
  };
}

/** For processes that cannot run without both stores (the API and a worker run alone). */
export function requireConnections(config: AppConfig): { databaseUrl: string; redisUrl: string } {
  const missing = [!config.databaseUrl && 'DATABASE_URL', !config.redisUrl && 'REDIS_URL'].filter(Boolean);
  if (missing.length > 0 || !config.databaseUrl || !config.redisUrl) {
    throw new ConfigError(
      `${missing.join(' and ')} must be set to run this process alone. ` +
        'Use `npm start` for a single process that starts an embedded Postgres and a local redis-server for you.',
    );
  }
  return { databaseUrl: config.databaseUrl, redisUrl: config.redisUrl };
}
