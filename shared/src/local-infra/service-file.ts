import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * What a running `npm start` publishes about itself, so that the command-line tools can reach the
 * same embedded Postgres and private Redis without the user copying URLs (those ports are chosen
 * at random on every start). Only the stores `npm start` started itself are written: a
 * DATABASE_URL the user set may hold a password, and the user already has it.
 */
export interface ServiceInfo {
  pid: number;
  apiUrl: string;
  /** The embedded Postgres, when `npm start` runs one. */
  databaseUrl?: string;
  /** The private redis-server, when `npm start` runs one. */
  redisUrl?: string;
  queuePrefix: string;
  startedAt: string;
}

/** Next to the embedded Postgres' folder: `.data/service.json` by default. */
export function serviceFilePath(embeddedPgDir: string): string {
  return path.join(path.dirname(path.resolve(embeddedPgDir)), 'service.json');
}

export async function publishServiceInfo(file: string, info: ServiceInfo): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  // Readable by this user only: the URLs lead to stores that trust whoever connects.
  await writeFile(file, `${JSON.stringify(info, null, 2)}\n`, { mode: 0o600 });
}

/** Removes the file if this process wrote it (a second `npm start` may have replaced it). */
export async function withdrawServiceInfo(file: string, pid = process.pid): Promise<void> {
  const info = await readServiceFile(file);
  if (info?.pid === pid) await rm(file, { force: true });
}

async function readServiceFile(file: string): Promise<ServiceInfo | undefined> {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as ServiceInfo;
  } catch {
    return undefined;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * The running service's published stores, or why there is none: no file (never started, or stopped
 * cleanly), or a file left by a process that is gone (killed).
 */
export async function findRunningService(file: string): Promise<{ info: ServiceInfo } | { missing: string }> {
  const info = await readServiceFile(file);
  if (!info || typeof info.pid !== 'number')
    return { missing: `no running \`npm start\` was found (it writes ${file} while it runs)` };
  if (!isAlive(info.pid))
    return { missing: `the \`npm start\` that wrote ${file} (pid ${info.pid}) is no longer running` };
  return { info };
}
