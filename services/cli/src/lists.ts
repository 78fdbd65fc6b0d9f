import { parseArgs } from 'node:util';
import { loadConfig, ConfigError } from '@sanctions/shared/config';
import { createPool, migrate } from '@sanctions/shared/db';
import { resolveStores } from './running-stores';
import {
  importList,
  isListSourceId,
  LIST_SOURCES,
  listSummaries,
  setListEnabled,
  type ListImportResult,
} from '@sanctions/shared/lists';
import { IMPORT_FORMATS, openList, type ImportFormat } from '@sanctions/shared/lists/importers';
import {
  isDownloadableList,
  LIST_DOWNLOADS,
  listUpdateOptionsFromConfig,
  updateLists,
  type ListUpdateProgress,
  type ListUpdateResult,
} from '@sanctions/shared/list-updates';
import { createLogger } from '@sanctions/shared/logging';
import { channels, createRedis } from '@sanctions/shared/queues';
import { runCommand } from '@sanctions/shared/lifecycle';
import { ProgressBar } from './progress-bar';

const USAGE = `Usage:
  npm run lists -- import --format <format> --path <file-or-dir>
  npm run lists -- status
  npm run lists -- disable <list> [--reason <why>]     e.g. disable seed, once official lists are loaded
  npm run lists -- enable <list>
  npm run lists -- update [--source <id>]...

Update downloads the lists in LIST_UPDATE_SOURCES (or each --source) from their official URLs
(LIST_UPDATE_URLS overrides them) and imports any that changed. Lists: ${Object.keys(LIST_DOWNLOADS).join(', ')}

Formats: ${IMPORT_FORMATS.join(', ')}
--path is the list's file, or a folder holding it (for OFAC CSV: sdn.csv with alt.csv, add.csv and sdn_comments.csv).

Writes to DATABASE_URL, or with none set to the embedded Postgres of a running \`npm start\`
(found through .data/service.json). Running workers are told to rebuild their index at once
(through REDIS_URL, or that \`npm start\`'s Redis).`;

function formatAge(iso: string): string {
  const hours = (Date.now() - Date.parse(iso)) / 3_600_000;
  return hours < 1
    ? `${Math.round(hours * 60)} min`
    : hours < 48
      ? `${hours.toFixed(1)} h`
      : `${Math.round(hours / 24)} days`;
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
    for (const w of result.warnings.slice(0, 10))
      lines.push(`    ${w.file}${w.line ? `:${w.line}` : ''}${w.element ? ` <${w.element}>` : ''}: ${w.message}`);
    if (result.warnings.length > 10)
      lines.push(`    … and ${result.warnings.length - 10} more (stored with the version)`);
  }
  return lines.join('\n');
}

export function summariseUpdate(result: ListUpdateResult): string {
  const name = result.source.padEnd(10);
  if (result.status === 'failed') return `${name} FAILED: ${result.error}; the current version stays active`;
  const delta = result.delta
    ? `  (+${result.delta.added} added, -${result.delta.removed} removed, ~${result.delta.changed} changed)`
    : '';
  const warnings = result.warnings ? `, ${result.warnings} warning(s)` : '';
  return result.status === 'updated'
    ? `${name} updated: version ${result.version} is active, ${result.entityCount} entities${warnings}${delta}`
    : `${name} unchanged: version ${result.version} stays active`;
}

/** One progress bar per file being downloaded, then one while the list is imported. */
function updateProgress(): { onProgress: (p: ListUpdateProgress) => void; finish: () => void } {
  let key = '';
  let bar: ProgressBar | undefined;
  const finish = () => bar?.finish(`${key}: done`);
  const onProgress = (p: ListUpdateProgress) => {
    const next = p.stage === 'downloading' ? `Downloading ${p.sourceId} ${p.file}` : `Importing ${p.sourceId}`;
    if (next !== key) {
      finish();
      key = next;
      bar = new ProgressBar(next);
    }
    // A download without a Content-Length has no total: show the bytes alone.
    bar?.update(p.bytes, p.totalBytes ?? 0, `${(p.bytes / 1e6).toFixed(1)} MB`);
  };
  return { onProgress, finish };
}

async function main(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      format: { type: 'string' },
      path: { type: 'string' },
      source: { type: 'string', multiple: true },
      reason: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const command = positionals[0];
  if (values.help || !command) {
    process.stdout.write(`${USAGE}\n`);
    return command ? 0 : 2;
  }
  const config = loadConfig();
  const stores = await resolveStores(config);
  const pool = createPool(stores.databaseUrl, 4);
  const notify = async (sourceId: string) => {
    if (!stores.redisUrl) return;
    const redis = createRedis(stores.redisUrl);
    await redis.publish(channels(stores.queuePrefix).listVersionChanged, sourceId).finally(() => redis.quit());
  };
  try {
    await migrate(pool);
    if (command === 'status') {
      for (const list of await listSummaries(pool)) {
        const v = list.activeVersion;
        process.stdout.write(
          v
            ? `${list.id.padEnd(14)} ${list.enabled ? '' : 'DISABLED '}version ${v.version}  ${String(v.entityCount).padStart(7)} entities  ${String(v.nameCount).padStart(7)} names  activated ${formatAge(v.activatedAt)} ago${v.publishedAt ? `, published ${v.publishedAt.slice(0, 10)}` : ''}\n`
            : `${list.id.padEnd(14)} no active version\n`,
        );
      }
      return 0;
    }
    if (command === 'disable' || command === 'enable') {
      const source = positionals[1] ?? values.source?.[0];
      if (!source || !isListSourceId(source))
        throw new ConfigError(`Name the list to ${command}: one of ${Object.keys(LIST_SOURCES).join(', ')}`);
      const change = await setListEnabled(pool, source, command === 'enable', {
        actor: 'lists-cli',
        reason: values.reason,
      });
      if (change.changed) await notify(source);
      process.stdout.write(
        change.enabled
          ? `${source}: enabled${change.changed ? '' : ' already'}; screenings use it again\n`
          : `${source}: disabled${change.changed ? '' : ' already'}; new screenings no longer use it (its entities stay stored; enable it again with: npm run lists -- enable ${source})\n`,
      );
      return 0;
    }
    if (command === 'import') {
      const format = values.format as ImportFormat | undefined;
      if (!format || !(IMPORT_FORMATS as readonly string[]).includes(format))
        throw new ConfigError(`--format must be one of: ${IMPORT_FORMATS.join(', ')}`);
      if (!values.path) throw new ConfigError('--path is required');
      const bar = new ProgressBar(`Importing ${format}`);
      const parsed = await openList(format, values.path, {
        onProgress: (read, total) => bar.update(read, total, `${(read / 1e6).toFixed(1)} MB`),
      });
      const result = await importList(pool, parsed);
      bar.finish(summarise(result));
      if (result.status === 'activated') await notify(result.sourceId);
      return 0;
    }
    if (command === 'update') {
      const sources = values.source ?? config.listUpdates.sources;
      const unknown = sources.filter((s) => !isDownloadableList(s));
      if (unknown.length > 0)
        throw new ConfigError(
          `Cannot update ${unknown.join(', ')}: lists that can be downloaded are ${Object.keys(LIST_DOWNLOADS).join(', ')}`,
        );
      const redis = stores.redisUrl ? createRedis(stores.redisUrl) : undefined;
      const progress = updateProgress();
      try {
        const results = await updateLists(pool, {
          ...listUpdateOptionsFromConfig(config),
          sources,
          logger: createLogger('silent'),
          onProgress: progress.onProgress,
          publish: redis
            ? (sourceId) => redis.publish(channels(stores.queuePrefix).listVersionChanged, sourceId)
            : undefined,
        });
        progress.finish();
        for (const result of results) process.stdout.write(`${summariseUpdate(result)}\n`);
        return results.some((r) => r.status === 'failed') ? 1 : 0;
      } finally {
        await redis?.quit().catch(() => undefined);
      }
    }
    process.stderr.write(`Unknown command ${command}\n${USAGE}\n`);
    return 2;
  } finally {
    await pool.end();
  }
}

if (require.main === module) runCommand(() => main(process.argv.slice(2)));
