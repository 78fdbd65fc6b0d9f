import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Pool } from 'pg';
import type { AppConfig } from '../config';
import { importList } from '../lists';
import { openList, relocator } from '../lists/importers';
import type { Logger } from '../logging';
import { downloadFile, type DownloadLimits, type FetchLike } from './download-file';
import { displayUrl, isDownloadableList, resolveDownload, type ListUrlOverride } from './download-sources';

/** Official lists are tens of MB; this bounds a broken or hostile server, not a real list. */
export const DEFAULT_MAX_DOWNLOAD_BYTES = 500 * 1024 * 1024;
export const DEFAULT_DOWNLOAD_TIMEOUT_MS = 120_000;

export type ListUpdateProgress =
  | { sourceId: string; stage: 'downloading'; file: string; bytes: number; totalBytes?: number }
  | { sourceId: string; stage: 'importing'; bytes: number; totalBytes: number };

export interface ListUpdateOptions {
  /** List ids, e.g. ['ofac-sdn', 'un-sc']. */
  sources: readonly string[];
  /** Per list id: one URL (a base URL for lists of several files) or a URL per file name. */
  urls?: Readonly<Record<string, ListUrlOverride>>;
  logger: Logger;
  fetchImpl?: FetchLike;
  timeoutMs?: number;
  maxBytes?: number;
  onProgress?: (progress: ListUpdateProgress) => void;
  /** Called with the list id after a new version is activated (to tell workers to rebuild their index). */
  publish?: (sourceId: string) => Promise<unknown>;
}

export interface ListUpdateResult {
  source: string;
  /** `failed`: nothing changed, the previous version (if any) stays active; `error` says why. */
  status: 'updated' | 'unchanged' | 'failed';
  error?: string;
  version?: number;
  entityCount?: number;
  delta?: { added: number; removed: number; changed: number };
  warnings?: number;
}

/** The update options a process gets from its config. */
export function listUpdateOptionsFromConfig(
  config: AppConfig,
): Pick<ListUpdateOptions, 'sources' | 'urls' | 'timeoutMs' | 'maxBytes'> {
  const { sources, urls, timeoutMs, maxBytes } = config.listUpdates;
  return { sources, urls, timeoutMs, maxBytes };
}

/**
 * Downloads each list from its official URL (or the configured override) into a temporary
 * directory, streaming, and imports it as a new version. Identical files change nothing. A list
 * that cannot be downloaded or parsed keeps its current version and is reported as `failed`; one
 * list failing never stops the others, and this never throws for it.
 */
export async function updateLists(pool: Pool, options: ListUpdateOptions): Promise<ListUpdateResult[]> {
  const results: ListUpdateResult[] = [];
  for (const source of options.sources) {
    const result = await updateList(pool, source, options).catch((error: unknown): ListUpdateResult => ({
      source,
      status: 'failed',
      error: (error as Error).message ?? String(error),
    }));
    if (result.status === 'failed')
      options.logger.warn('list update failed; the current version stays active', { source, error: result.error });
    else options.logger.info('list update done', { ...result });
    results.push(result);
  }
  return results;
}

async function updateList(pool: Pool, source: string, options: ListUpdateOptions): Promise<ListUpdateResult> {
  if (!isDownloadableList(source))
    return { source, status: 'failed', error: `no official download is known for "${source}"` };
  const download = resolveDownload(source, options.urls?.[source]);
  const missing = download.files.filter((f) => !f.url).map((f) => f.name);
  if (missing.length > 0) {
    return {
      source,
      status: 'failed',
      error: `no download URL for ${missing.join(', ')}; set one in LIST_UPDATE_URLS`,
    };
  }
  const limits: DownloadLimits = {
    timeoutMs: options.timeoutMs ?? DEFAULT_DOWNLOAD_TIMEOUT_MS,
    maxBytes: options.maxBytes ?? DEFAULT_MAX_DOWNLOAD_BYTES,
  };
  const fetchImpl = options.fetchImpl ?? ((url, init) => fetch(url, init));
  const dir = await mkdtemp(join(tmpdir(), `list-update-${source}-`));
  try {
    const shownUrls = new Map<string, string>();
    for (const file of download.files) {
      const path = join(dir, file.name);
      await downloadFile(fetchImpl, file.url!, path, limits, (bytes, totalBytes) =>
        options.onProgress?.({ sourceId: source, stage: 'downloading', file: file.name, bytes, totalBytes }),
      );
      shownUrls.set(path, displayUrl(file.url!));
    }
    // Lists of several files (OFAC's CSVs) are opened as a directory, the others as their one file.
    const target = download.files.length === 1 ? join(dir, download.files[0]!.name) : dir;
    const relocate = relocator(shownUrls);
    const parsed = await openList(download.format, target, {
      onProgress: (bytes, totalBytes) =>
        options.onProgress?.({ sourceId: source, stage: 'importing', bytes, totalBytes }),
    }).catch((error: unknown) => {
      throw relocate.error(error);
    });
    const imported = await importList(pool, relocate.list(parsed));
    const result: ListUpdateResult = {
      source,
      status: imported.status === 'activated' ? 'updated' : 'unchanged',
      version: imported.version,
      entityCount: imported.entityCount,
      delta: imported.delta,
      warnings: imported.warnings.length,
    };
    if (imported.status === 'activated' && options.publish) {
      // Workers also poll Postgres, so a lost notification only delays their rebuild.
      await options
        .publish(source)
        .catch((error: unknown) => options.logger.warn('could not announce the new list version', { source, error }));
    }
    return result;
  } finally {
    await rm(dir, { recursive: true, force: true }).catch(() => undefined);
  }
}
