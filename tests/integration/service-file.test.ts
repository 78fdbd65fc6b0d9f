import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {
  findRunningService,
  publishServiceInfo,
  serviceFilePath,
  withdrawServiceInfo,
} from '@sanctions/shared/local-infra';

/** How the lists CLI finds a running `npm start`, and what it says when there is none. */
describe('.data/service.json', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'service-file-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  const info = (pid: number) => ({
    pid,
    apiUrl: 'http://127.0.0.1:3000',
    databaseUrl: 'postgres://postgres@127.0.0.1:5555/postgres',
    queuePrefix: '{sanctions}',
    startedAt: '2026-12-03T08:00:00.000Z',
  });

  it('lives beside the embedded Postgres folder', () => {
    expect(serviceFilePath('/repo/.data/pglite')).toBe('/repo/.data/service.json');
  });

  it('finds a live service, and says why when the file is missing or its process is gone', async () => {
    const file = path.join(dir, 'service.json');
    expect(await findRunningService(file)).toEqual({
      missing: `no running \`npm start\` was found (it writes ${file} while it runs)`,
    });
    await publishServiceInfo(file, info(process.pid));
    expect(await findRunningService(file)).toEqual({ info: info(process.pid) });
    // A process that has exited: its pid answers no signal.
    const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']).stdout.toString();
    await writeFile(file, JSON.stringify(info(Number(gone))));
    expect(await findRunningService(file)).toEqual({
      missing: `the \`npm start\` that wrote ${file} (pid ${gone}) is no longer running`,
    });
  });

  it('is withdrawn only by the process that wrote it', async () => {
    const file = path.join(dir, 'other.json');
    await publishServiceInfo(file, info(process.pid + 1));
    await withdrawServiceInfo(file);
    expect(existsSync(file)).toBe(true);
    await publishServiceInfo(file, info(process.pid));
    await withdrawServiceInfo(file);
    expect(existsSync(file)).toBe(false);
  });
});
