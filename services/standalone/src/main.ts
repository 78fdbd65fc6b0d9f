import path from 'node:path';
import { start as startApi } from '@sanctions/api';
import { start as startWorker } from '@sanctions/screening-worker';
import { start as startWebhooksWorker } from '@sanctions/webhooks-worker';
import { loadConfig, REPO_ROOT, type AppConfig } from '@sanctions/shared/config';
import { createPool, migrate } from '@sanctions/shared/db';
import {
  exitOnStartFailure,
  installProcessGuards,
  runShutdownSteps,
  runUntilSignalled,
} from '@sanctions/shared/lifecycle';
import { activeListVersions, importSeedFile } from '@sanctions/shared/lists';
import {
  publishServiceInfo,
  serviceFilePath,
  startEmbeddedPostgres,
  startLocalRedis,
  withdrawServiceInfo,
  type EmbeddedPostgres,
  type LocalRedis,
} from '@sanctions/shared/local-infra';
import { createLogger, type Logger } from '@sanctions/shared/logging';
import { openProcessMetrics } from '@sanctions/shared/metrics';

export interface Standalone {
  url: string;
  config: AppConfig;
  /** Set only on the very first start without BOOTSTRAP_API_KEY. */
  generatedApiKey?: string;
  infrastructure: { postgres: string; redis: string };
  /** Where the list data lives: the embedded Postgres' folder, or DATABASE_URL without its password. */
  dataLocation: { embedded: boolean; where: string };
  /** The file the lists CLI reads to find this service's stores (written only when it started one). */
  serviceFile?: string;
  lists: string[];
  /** GET /metrics without a key (the one registry of this process), when METRICS_PORT is set. */
  metricsUrl?: string;
  stop(): Promise<void>;
}

const displayPath = (p: string) => (path.relative(REPO_ROOT, p).startsWith('..') ? p : path.relative(REPO_ROOT, p));

/** PGlite serialises queries; a handful of connections is all it can use. */
const EMBEDDED_POOL_MAX = 4;

/**
 * The whole service in one process for a newcomer: an embedded Postgres when DATABASE_URL is
 * unset, a private redis-server when REDIS_URL is unset, migrations, the seed list when no list
 * is loaded, then the worker and the API.
 */
export async function startStandalone(env: NodeJS.ProcessEnv = process.env, logger?: Logger): Promise<Standalone> {
  let config = loadConfig(env);
  const log = logger ?? createLogger(config.logLevel, { process: 'standalone' });
  let embedded: EmbeddedPostgres | undefined;
  let localRedis: LocalRedis | undefined;
  const stops: (() => Promise<unknown>)[] = [];
  const stop = () => runShutdownSteps([...stops].reverse(), log);
  try {
    if (!config.databaseUrl) {
      embedded = await startEmbeddedPostgres(config.embeddedPgDir);
      stops.push(() => embedded!.stop());
      config = {
        ...config,
        databaseUrl: embedded.url,
        databasePoolMax: Math.min(config.databasePoolMax, EMBEDDED_POOL_MAX),
      };
    }
    if (!config.redisUrl) {
      localRedis = await startLocalRedis();
      stops.push(() => localRedis!.stop());
      config = { ...config, redisUrl: localRedis.url };
    }
    const lists = await prepareDatabase(config, log);
    // One process, one registry: the worker, the webhooks worker and the API record into it, and one /metrics shows all.
    const metricsEndpoint = await openProcessMetrics(config);
    stops.push(() => metricsEndpoint.close());
    const { metrics } = metricsEndpoint;
    const worker = await startWorker(config, log.child({ process: 'worker' }), {}, { metrics });
    stops.push(() => worker.stop());
    const webhooksWorker = await startWebhooksWorker(config, log.child({ process: 'webhooks-worker' }), { metrics });
    stops.push(() => webhooksWorker.stop());
    const api = await startApi(config, log.child({ process: 'api' }), { metrics });
    stops.push(() => api.stop());
    let serviceFile: string | undefined;
    if (embedded || localRedis) {
      // Their ports change on every start: publish them so `npm run lists` needs no DATABASE_URL.
      const file = serviceFilePath(config.embeddedPgDir);
      await publishServiceInfo(file, {
        pid: process.pid,
        apiUrl: api.url,
        databaseUrl: embedded?.url,
        redisUrl: localRedis?.url,
        queuePrefix: config.queuePrefix,
        startedAt: new Date().toISOString(),
      });
      stops.push(() => withdrawServiceInfo(file));
      serviceFile = file;
    }
    return {
      url: api.url,
      config,
      generatedApiKey: api.generatedApiKey,
      infrastructure: {
        postgres: embedded
          ? `embedded PGlite (data in ${displayPath(config.embeddedPgDir)})`
          : `${withoutPassword(config.databaseUrl!)} (DATABASE_URL)`,
        redis: localRedis
          ? `local redis-server at ${localRedis.url} (no persistence)`
          : `${withoutPassword(config.redisUrl!)} (REDIS_URL)`,
      },
      dataLocation: embedded
        ? { embedded: true, where: displayPath(config.embeddedPgDir) }
        : { embedded: false, where: withoutPassword(config.databaseUrl!) },
      serviceFile: serviceFile && displayPath(serviceFile),
      lists,
      metricsUrl: metricsEndpoint.url,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** Migrates and, when no list is loaded at all, loads the seed dataset so the first screening has something to match. */
async function prepareDatabase(config: AppConfig, logger: Logger): Promise<string[]> {
  const pool = createPool(config.databaseUrl!, 2);
  try {
    await migrate(pool);
    if ((await activeListVersions(pool)).length === 0) {
      const result = await importSeedFile(pool, config.seedPath);
      logger.info('loaded the seed list', { entities: result.entityCount, names: result.nameCount });
    }
    return (await activeListVersions(pool)).map((v) => `${v.sourceId}@${v.version}`);
  } finally {
    await pool.end();
  }
}

/** A connection URL as it may be shown: the password replaced, so a banner or a log line never carries it. */
export function withoutPassword(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(an unparsable URL)';
  }
}

/** The lines that tell a newcomer how to load an official list into the database this service uses. */
function importHint(s: Standalone, key: string): string[] {
  const env = s.dataLocation.embedded ? '' : 'DATABASE_URL=<the same URL> ';
  return [
    s.dataLocation.embedded
      ? `Load an official list into it (the lists CLI finds this service through ${s.serviceFile}):`
      : `Load an official list into it (the lists CLI needs the same DATABASE_URL and REDIS_URL):`,
    `  ${env}npm run lists -- update --source un-sc          # downloads the UN list and imports it`,
    `  ${env}npm run lists -- import --format un-xml --path consolidated.xml   # or a file you have`,
    `  curl -s -X POST '${s.url}/v1/lists/un-sc/versions' -H "Authorization: Bearer ${key}" -F file=@consolidated.xml`,
  ];
}

export function banner(s: Standalone): string {
  const key = s.generatedApiKey ?? '$BOOTSTRAP_API_KEY';
  return [
    '',
    `Sanctions screening is running at ${s.url}`,
    `  Postgres: ${s.infrastructure.postgres}`,
    `  Redis:    ${s.infrastructure.redis}`,
    `  Lists:    ${s.lists.join(', ') || 'none'}`,
    `  Data:     ${s.dataLocation.embedded ? `${s.dataLocation.where} (delete it to start afresh)` : `in the Postgres at ${s.dataLocation.where}`}`,
    ...(s.metricsUrl ? [`  Metrics:  ${s.metricsUrl} (no key needed on this port)`] : []),
    s.generatedApiKey
      ? `\nAn admin API key was created on this first start. It is shown only once; keep it:\n\n  ${s.generatedApiKey}\n`
      : s.config.bootstrapApiKey
        ? '  API key:  the BOOTSTRAP_API_KEY you set'
        : '  API key:  the one printed on the first start (or set BOOTSTRAP_API_KEY)',
    `The screening page: ${s.url}/ (paste the API key there)`,
    '',
    'Screen a name:',
    `  curl -s -X POST '${s.url}/v1/screenings?wait=true' \\`,
    `    -H "Authorization: Bearer ${key}" -H 'Content-Type: application/json' \\`,
    `    -d '{"name": "Sense Time Group"}'`,
    '',
    ...importHint(s, key),
    '',
    'Stop with Ctrl+C.',
    '',
  ].join('\n');
}

if (require.main === module) {
  const logger = createLogger(loadConfig().logLevel, { process: 'standalone' });
  installProcessGuards(logger);
  startStandalone(process.env, logger).then((s) => {
    process.stdout.write(banner(s));
    runUntilSignalled(s.stop, logger);
  }, exitOnStartFailure);
}
