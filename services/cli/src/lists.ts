import { parseArgs } from 'node:util';
import { loadConfig, ConfigError } from '@sanctions/shared/config';
import { createPool, migrate } from '@sanctions/shared/db';
import { importList, listSummaries, type ListImportResult } from '@sanctions/shared/lists';
import { IMPORT_FORMATS, openList, type ImportFormat } from '@sanctions/shared/lists/importers';
import { channels, createRedis } from '@sanctions/shared/queues';
import { ProgressBar } from './progress-bar';

const USAGE = `Usage:
  npm run lists -- import --format <format> --path <file-or-dir>
  npm run lists -- status

Formats: ${IMPORT_FORMATS.join(', ')}
Needs DATABASE_URL; with REDIS_URL set, running workers are told to rebuild their index at once.`;

function formatAge(iso: string): string {
  const hours = (Date.now() - Date.parse(iso)) / 3_600_000;
  return hours < 1 ? `${Math.round(hours * 60)} min` : hours < 48 ? `${hours.toFixed(1)} h` : `${Math.round(hours / 24)} days`;
}

export function summarise(result: ListImportResult): string {
  const lines = [
    result.status === 'unchanged'
      ? `${result.sourceId}: unchanged, version ${result.version} stays active (${result.entityCount} entities)`
      : `${result.sourceId}: version ${result.version} is active: ${result.entityCount} entities, ${result.nameCount} names`,
    `  delta: +${result.delta.added} added, -${result.delta.removed} removed, ~${result.delta.changed} changed`,
  ];
  if (result.warnings.length > 0) {
    lines.push(`  ${result.warnings.length} warning(s):`);
    for (const w of result.warnings.slice(0, 10)) lines.push(`    ${w.file}${w.line ? `:${w.line}` : ''}${w.element ? ` <${w.element}>` : ''}: ${w.message}`);
    if (result.warnings.length > 10) lines.push(`    … and ${result.warnings.length - 10} more (stored with the version)`);
  }
  return lines.join('\n');
}

async function main(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { format: { type: 'string' }, path: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  });
  const command = positionals[0];
  if (values.help || !command) {
    process.stdout.write(`${USAGE}\n`);
    return command ? 0 : 2;
  }
  const config = loadConfig();
  if (!config.databaseUrl) throw new ConfigError('DATABASE_URL must be set (the lists CLI writes to the same Postgres the service uses)');
  const pool = createPool(config.databaseUrl, 4);
  try {
    await migrate(pool);
    if (command === 'status') {
      for (const list of await listSummaries(pool)) {
        const v = list.activeVersion;
        process.stdout.write(
          v
            ? `${list.id.padEnd(14)} version ${v.version}  ${String(v.entityCount).padStart(7)} entities  ${String(v.nameCount).padStart(7)} names  activated ${formatAge(v.activatedAt)} ago${v.publishedAt ? `, published ${v.publishedAt.slice(0, 10)}` : ''}\n`
            : `${list.id.padEnd(14)} no active version\n`,
        );
      }
      return 0;
    }
    if (command === 'import') {
      const format = values.format as ImportFormat | undefined;
      if (!format || !(IMPORT_FORMATS as readonly string[]).includes(format)) throw new ConfigError(`--format must be one of: ${IMPORT_FORMATS.join(', ')}`);
      if (!values.path) throw new ConfigError('--path is required');
      const bar = new ProgressBar(`Importing ${format}`);
      const parsed = await openList(format, values.path, { onProgress: (read, total) => bar.update(read, total, `${(read / 1e6).toFixed(1)} MB`) });
      if (parsed.deletedSourceEntityIds) {
        throw new ConfigError('This is a FollowTheMoney delta file; import a full entities export (delta application is not supported yet)');
      }
      const result = await importList(pool, parsed);
      bar.finish(summarise(result));
      if (result.status === 'activated' && config.redisUrl) {
        const redis = createRedis(config.redisUrl);
        await redis.publish(channels(config.queuePrefix).listVersionChanged, result.sourceId).finally(() => redis.quit());
      }
      return 0;
    }
    process.stderr.write(`Unknown command ${command}\n${USAGE}\n`);
    return 2;
  } finally {
    await pool.end();
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: Error) => {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    },
  );
}
