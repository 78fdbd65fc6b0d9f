import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '@sanctions/shared/config';
import {
  createApiKey,
  isScope,
  listApiKeys,
  OPERATOR,
  redisKeyChangeAnnouncer,
  revokeApiKey,
  SCOPES,
  workspaceNameSchema,
  type ApiKeyView,
  type KeyChangeAnnouncer,
  type Scope,
} from '@sanctions/shared/auth';
import { createPool, migrate, type Pool } from '@sanctions/shared/db';
import { runCommand } from '@sanctions/shared/lifecycle';
import { createLogger } from '@sanctions/shared/logging';
import { channels, createRedis } from '@sanctions/shared/queues';
import { resolveStores } from './running-stores';

const USAGE = `Usage:
  npm run keys -- create --name <name> --scopes <scope,scope,...> [--workspace <workspace>] [--rate-limit <per minute>]
  npm run keys -- list [--workspace <workspace>]
  npm run keys -- revoke <key id>

For operators: writes straight to the service's Postgres (DATABASE_URL, or with none set the embedded Postgres of a
running \`npm start\`), so it works before any key exists.
A new workspace name creates that workspace. The key is printed once; only its hash is stored.
Scopes: ${SCOPES.join(', ')}`;

export function formatKeys(keys: ApiKeyView[]): string {
  if (keys.length === 0) return 'No keys.';
  return keys
    .map(
      (k) =>
        `${k.id}  ${k.prefix}…  ${k.workspace.padEnd(16)} ${k.revokedAt ? 'REVOKED ' : 'active  '} ${k.name}  [${k.scopes.join(',')}]`,
    )
    .join('\n');
}

function parseScopes(raw: string | undefined): Scope[] {
  const scopes = (raw ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (scopes.length === 0) throw new ConfigError(`--scopes is required\n\n${USAGE}`);
  const unknown = scopes.filter((s) => !isScope(s));
  if (unknown.length > 0)
    throw new ConfigError(`Unknown scope(s): ${unknown.join(', ')}. Scopes: ${SCOPES.join(', ')}`);
  return scopes as Scope[];
}

function parseWorkspace(raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  if (!workspaceNameSchema.safeParse(raw).success)
    throw new ConfigError(`--workspace "${raw}" is not a workspace name (lower-case letters, digits, ".", "_", "-")`);
  return raw;
}

async function run(pool: Pool, argv: string[], changes?: KeyChangeAnnouncer): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      name: { type: 'string' },
      scopes: { type: 'string' },
      workspace: { type: 'string' },
      'rate-limit': { type: 'string' },
    },
  });
  const [command, arg] = positionals;
  if (command === 'create') {
    if (!values.name) throw new ConfigError(`--name is required\n\n${USAGE}`);
    const rateLimit = values['rate-limit'] === undefined ? undefined : Number(values['rate-limit']);
    if (rateLimit !== undefined && !(Number.isInteger(rateLimit) && rateLimit >= 1 && rateLimit <= 1_000_000)) {
      throw new ConfigError('--rate-limit must be a whole number of requests per minute, from 1 to 1000000');
    }
    const workspaceId = parseWorkspace(values.workspace);
    const { key, view } = await createApiKey(pool, {
      name: values.name,
      scopes: parseScopes(values.scopes),
      ...(workspaceId && { workspaceId }),
      ...(rateLimit !== undefined && { rateLimitPerMinute: rateLimit }),
    });
    process.stdout.write(
      `Created key ${view.id} "${view.name}" in workspace ${view.workspace} with scopes ${view.scopes.join(', ')}.\n`,
    );
    process.stdout.write(`It is shown only now; store it safely:\n\n  ${key}\n\n`);
    return 0;
  }
  if (command === 'list') {
    const workspace = parseWorkspace(values.workspace);
    process.stdout.write(`${formatKeys(await listApiKeys(pool, OPERATOR, workspace ? { workspace } : {}))}\n`);
    return 0;
  }
  if (command === 'revoke' && arg) {
    const revoked = await revokeApiKey(pool, OPERATOR, arg, changes);
    process.stdout.write(
      `Revoked key ${revoked.id} "${revoked.name}" (${revoked.workspace}); it is refused from now on.\n`,
    );
    return 0;
  }
  process.stderr.write(`${USAGE}\n`);
  return 2;
}

async function main(): Promise<number> {
  const stores = await resolveStores(loadConfig());
  const pool = createPool(stores.databaseUrl, 2);
  // Running API processes cache verified keys: a revocation is announced to them on the deployment's Redis.
  const logger = createLogger('warn', { process: 'keys' });
  const redis = stores.redisUrl ? createRedis(stores.redisUrl, { logger, name: 'keys' }) : undefined;
  const changes = redis && redisKeyChangeAnnouncer(redis, channels(stores.queuePrefix).apiKeyChanged, logger);
  try {
    await migrate(pool);
    return await run(pool, process.argv.slice(2), changes);
  } finally {
    await pool.end();
    await redis?.quit().catch(() => redis.disconnect());
  }
}

if (require.main === module) runCommand(main);

export { run as runKeysCommand };
