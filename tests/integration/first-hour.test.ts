import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { REPO_ROOT } from '@sanctions/shared/config';

/**
 * The newcomer's first hour, word for word from the README, on a fresh clone in an empty network
 * namespace: no Postgres, no Redis, no internet, no DATABASE_URL. `npm start` must bring up
 * everything, and the lists CLI must load the UN list into the embedded database it started.
 *
 * The clone is of the committed HEAD (what a newcomer gets), with this checkout's node_modules
 * hard-linked in, because `npm ci` needs the registry and the namespace has no network.
 */

const SHARED = process.env.SHARED_DATA_DIR
  ? path.dirname(path.resolve(process.env.SHARED_DATA_DIR))
  : path.resolve(REPO_ROOT, '../shared');
const canIsolate = spawnSync('unshare', ['-rn', 'true']).status === 0;
const hasData = existsSync(path.join(SHARED, 'data', 'un_consolidated'));
const runIt = canIsolate && hasData ? it : it.skip;
if (!canIsolate) process.stderr.write('first-hour test skipped: `unshare -rn` is not available here\n');
if (!hasData) process.stderr.write(`first-hour test skipped: ${SHARED}/data/un_consolidated is missing\n`);

/** The README's first-hour commands: the first bash block after its heading. */
function firstHourCommands(readme: string): string[] {
  const section = readme.split(/^## The first hour\s*$/m)[1];
  const block = section?.match(/```bash\n([\s\S]*?)```/)?.[1];
  if (!block) throw new Error('README.md has no bash block under "## The first hour"');
  return block.split('\n').filter((line) => line.trim() !== '' && !line.trim().startsWith('#'));
}

/** A bash script that runs each command as written, waiting for the banner after one sent to the background. */
function driver(commands: string[], log: string): string {
  const lines = ['set -m', `exec >${JSON.stringify(log)} 2>&1`, 'ip link set lo up', 'background=""'];
  for (const command of commands) {
    lines.push(`echo ${JSON.stringify(`::: ${command}`)}`);
    lines.push(command);
    if (/&\s*(#.*)?$/.test(command)) {
      lines.push('background="$!"');
      lines.push(
        `for i in $(seq 1 600); do grep -q 'Stop with Ctrl+C' ${JSON.stringify(log)} && break; sleep 0.2; done`,
      );
    } else {
      lines.push('echo "::: exit $?"');
    }
  }
  // SIGINT, as Ctrl+C would: the service stops cleanly and withdraws .data/service.json.
  lines.push(
    '[ -n "$background" ] && kill -INT -- "-$background"',
    'for i in $(seq 1 150); do [ -e .data/service.json ] || break; sleep 0.2; done',
    '[ -e .data/service.json ] && echo "::: still running" || echo "::: stopped"',
  );
  return lines.join('\n');
}

describe('the first hour, on a fresh clone with no servers and no network', () => {
  jest.setTimeout(240_000);
  let tmp: string;
  beforeAll(async () => {
    tmp = await mkdtemp(path.join(os.tmpdir(), 'sanctions-first-hour-'));
  });
  afterAll(async () => {
    await rm(tmp, { recursive: true, force: true });
  });

  runIt('npm start, then the lists CLI loads the UN list with no DATABASE_URL, then a UN name is a hit', async () => {
    const clone = path.join(tmp, 'sanctions');
    execFileSync('git', ['clone', '--quiet', REPO_ROOT, clone]);
    // Hard links: 180 MB of modules in well under a second. The workspace links are relative, so they point into the clone.
    execFileSync('cp', ['-al', path.join(REPO_ROOT, 'node_modules'), path.join(clone, 'node_modules')]);
    // ../shared beside the clone, as on the machine the README was written for.
    await symlink(SHARED, path.join(tmp, 'shared'));
    const home = path.join(tmp, 'home');
    await mkdir(home);
    const commands = firstHourCommands(readFileSync(path.join(clone, 'README.md'), 'utf8'));
    const log = path.join(tmp, 'first-hour.log');
    const script = path.join(tmp, 'first-hour.sh');
    await writeFile(script, driver(commands, log));
    const env = {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      HOME: home,
      npm_config_update_notifier: 'false',
      npm_config_fund: 'false',
    };
    const code = await new Promise<number | null>((resolve) => {
      const child = spawn('unshare', ['-rn', 'bash', script], { cwd: clone, env, stdio: 'ignore' });
      child.on('exit', resolve);
    });
    const output = await readFile(log, 'utf8');
    if (code !== 0 || !output.includes('::: stopped')) process.stderr.write(output);

    // The banner says where the data lives and how to load a list into it.
    expect(output).toMatch(/Data: +\.data\/pglite/);
    expect(output).toContain('npm run lists -- import --format un-xml --path');
    // The import found the running service, loaded the UN list and told the worker.
    expect(output).toMatch(/un-sc: version 1 is active: \d{3,} entities/);
    // Every README command succeeded.
    expect(output.match(/::: exit \d+/g)?.every((line) => line === '::: exit 0')).toBe(true);
    // The UN name is a hit, from the UN list, and the screening id is printed.
    expect(output).toMatch(/HIT \(lists [^)]*un-sc@1/);
    expect(output).toMatch(/BADEGE \[un-sc:/);
    expect(output).toMatch(/screening [0-9a-f-]{36}/);
    // Ctrl+C stopped it cleanly and it withdrew the file the CLI found it by.
    expect(output).toContain('::: stopped');
    expect(existsSync(path.join(clone, '.data', 'service.json'))).toBe(false);
  });
});
