import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { runScreenCli } from '../../services/cli/src/screen';
import { createSeededDatabase } from '../support/list-factories';
import { startService, type RunningService } from '../support/running-service';
import { testConfig, TEST_API_KEY, type TestDatabase } from '../support/test-stores';

let db: TestDatabase;
let service: RunningService;
let dir: string;
const env = { ...process.env };

beforeAll(async () => {
  db = await createSeededDatabase();
  service = await startService(testConfig(db.url));
  dir = await mkdtemp(path.join(os.tmpdir(), 'screen-cli-'));
  process.env.API_URL = service.url;
  process.env.API_KEY = TEST_API_KEY;
});
afterAll(async () => {
  process.env = env;
  await rm(dir, { recursive: true, force: true });
  await service?.stop();
  await db?.drop();
});

describe('npm run screen', () => {
  it('screens one name and prints the match, its explanation and its sources', async () => {
    const lines: string[] = [];
    expect(await runScreenCli(['name', 'Ri Yong-gil'], (l) => lines.push(l))).toBe(0);
    const text = lines.join('\n');
    expect(text).toMatch(/^HIT \(lists seed@1\)/);
    expect(text).toContain('RI, Yong Gil [seed:ofac-33936]');
    expect(text).toContain('sanctionssearch.ofac.treas.gov/Details.aspx?id=33936');
  });

  it('uploads a CSV, waits with progress, and writes the results file', async () => {
    const input = path.join(dir, 'customers.csv');
    const output = path.join(dir, 'results.csv');
    await writeFile(input, 'Full Name,Customer ID\nSense Time Group,C-1\nJane Doe,C-2\n,C-3\n');
    const lines: string[] = [];
    expect(await runScreenCli(['batch', input, '--wait', '--out', output], (l) => lines.push(l))).toBe(0);
    expect(lines.join('\n')).toContain(`results written to ${output}`);
    const csv = (await readFile(output, 'utf8')).trim().split(/\r?\n/);
    expect(csv[0]).toMatch(/^line,reference,name,decision,score,entity_id/);
    expect(csv.find((l) => l.includes('C-1'))).toMatch(/,hit,.*seed:ofac-33114/);
    expect(csv.find((l) => l.includes('C-2'))).toMatch(/,no_hit,/);
  });

  it('says what the API refused', async () => {
    const bad = path.join(dir, 'bad.csv');
    await writeFile(bad, 'id,email\n1,a@b.c\n');
    await expect(runScreenCli(['batch', bad], () => undefined)).rejects.toThrow(/POST \/v1\/batches answered 400/);
  });

  it('sends --reference, and prints the screening id so it can be found again', async () => {
    const lines: string[] = [];
    expect(await runScreenCli(['name', 'Jane Doe', '--reference', 'cust-42'], (l) => lines.push(l))).toBe(0);
    const id = lines.join('\n').match(/screening ([0-9a-f-]{36}) \(reference cust-42\)/)?.[1];
    expect(id).toBeDefined();
    const stored = await db.pool.query('SELECT reference FROM screenings WHERE id = $1', [id]);
    expect(stored.rows[0]).toEqual({ reference: 'cust-42' });
  });

  it('when the API is not there, says which URL it tried and how to start it', async () => {
    const server = (await import('node:net')).createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as { port: number }).port;
    await new Promise((resolve) => server.close(resolve));
    process.env.API_URL = `http://127.0.0.1:${port}`;
    try {
      await expect(runScreenCli(['name', 'Jane Doe'], () => undefined)).rejects.toThrow(
        new RegExp(
          `Could not reach the API at http://127\\.0\\.0\\.1:${port} \\(ECONNREFUSED\\)\\.\\nStart it with \`npm start\``,
        ),
      );
    } finally {
      process.env.API_URL = service.url;
    }
  });
});
