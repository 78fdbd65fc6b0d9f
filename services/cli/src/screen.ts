import { createReadStream, createWriteStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '@sanctions/shared/config';
import { runCommand } from '@sanctions/shared/lifecycle';
import { ProgressBar } from './progress-bar';

const USAGE = `Usage:
  npm run screen -- name "<name>" [--type person|organization|vessel|aircraft] [--birth-date YYYY[-MM[-DD]]] [--country XX] [--reference <your id>]
  npm run screen -- batch <file.csv> [--wait] [--out results.csv]

Talks to the API at API_URL (default http://127.0.0.1:3000) with API_KEY (or BOOTSTRAP_API_KEY).`;

/** How often --wait asks the API for a batch's progress. */
const POLL_MS = 500;

interface Client {
  url: string;
  key: string;
}

/** The API did not answer at all: say where we looked and how to start it, not "fetch failed". */
export class ApiUnreachableError extends Error {
  constructor(url: string, cause: unknown) {
    const reason = (cause as { cause?: { code?: string; message?: string } }).cause?.code ?? (cause as Error).message;
    super(
      `Could not reach the API at ${url} (${reason}).\n` +
        'Start it with `npm start` (in another terminal), or set API_URL to where it runs (e.g. API_URL=http://127.0.0.1:3000).',
      { cause },
    );
    this.name = 'ApiUnreachableError';
  }
}

async function request(client: Client, path: string, init: RequestInit & { duplex?: 'half' } = {}): Promise<Response> {
  let res: Response;
  try {
    res = await fetch(client.url + path, {
      ...init,
      headers: { authorization: `Bearer ${client.key}`, ...(init.headers ?? {}) },
    });
  } catch (error) {
    throw new ApiUnreachableError(client.url, error);
  }
  if (res.ok) return res;
  const body = await res.text();
  let detail = body;
  try {
    const problem = JSON.parse(body) as {
      detail?: string;
      errors?: { field: string; line?: number; message: string }[];
    };
    detail = [
      problem.detail,
      ...(problem.errors ?? []).map((e) => `  ${e.field}${e.line ? ` (line ${e.line})` : ''}: ${e.message}`),
    ]
      .filter(Boolean)
      .join('\n');
  } catch {
    // not a problem document: show the body as it is
  }
  throw new Error(`${init.method ?? 'GET'} ${path} answered ${res.status}: ${detail}`);
}

export function describeScreening(view: {
  id?: string;
  reference?: string | null;
  decision: string | null;
  status: string;
  listVersion: string | null;
  matches: {
    name: string;
    entityId: string;
    matchedName: string;
    score: number;
    programs: string[];
    explanation: string[];
    citations: { title: string; url?: string }[];
  }[];
}): string {
  const id = view.id ? `screening ${view.id}${view.reference ? ` (reference ${view.reference})` : ''}` : undefined;
  if (view.status !== 'done')
    return [`status: ${view.status}`, id && `  ${id}: read it later with GET /v1/screenings/${view.id}`]
      .filter(Boolean)
      .join('\n');
  const lines = [`${view.decision === 'hit' ? 'HIT' : 'no hit'} (lists ${view.listVersion})`];
  if (id) lines.push(`  ${id}`);
  for (const m of view.matches) {
    lines.push(
      `  ${m.name} [${m.entityId}] score ${m.score}, matched "${m.matchedName}", programs ${m.programs.join(', ')}`,
    );
    for (const sentence of m.explanation) lines.push(`    ${sentence}`);
    for (const c of m.citations) lines.push(`    source: ${c.title}${c.url ? ` <${c.url}>` : ''}`);
  }
  return lines.join('\n');
}

export async function runScreenCli(
  argv: string[],
  out: (line: string) => void = (l) => process.stdout.write(`${l}\n`),
): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      type: { type: 'string' },
      'birth-date': { type: 'string' },
      country: { type: 'string' },
      reference: { type: 'string' },
      wait: { type: 'boolean' },
      out: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const [command, target] = positionals;
  if (values.help || !command || !target) {
    out(USAGE);
    return values.help ? 0 : 2;
  }
  const config = loadConfig();
  if (!config.apiClient.key) throw new ConfigError('Set API_KEY (or BOOTSTRAP_API_KEY) to the key the API gave you');
  const client = { url: config.apiClient.url, key: config.apiClient.key };

  if (command === 'name') {
    const body = {
      name: target,
      type: values.type,
      birthDate: values['birth-date'],
      country: values.country,
      reference: values.reference,
    };
    const res = await request(client, '/v1/screenings?wait=true', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    out(describeScreening((await res.json()) as Parameters<typeof describeScreening>[0]));
    return 0;
  }
  if (command === 'batch') {
    const size = (await stat(target)).size;
    const upload = await request(client, '/v1/batches', {
      method: 'POST',
      headers: { 'content-type': 'text/csv' },
      body: Readable.toWeb(createReadStream(target)) as ReadableStream,
      duplex: 'half',
    });
    const { id } = (await upload.json()) as { id: string };
    out(`batch ${id} accepted (${(size / 1e6).toFixed(1)} MB)`);
    if (!values.wait && !values.out) return 0;
    const bar = new ProgressBar(`Screening ${id.slice(0, 8)}`);
    for (;;) {
      const batch = (await (await request(client, `/v1/batches/${id}`)).json()) as {
        status: string;
        processed: number;
        total: number;
        invalidRows: number;
        hits: number;
      };
      const screenable = batch.total - batch.invalidRows;
      bar.update(batch.processed, screenable, `${batch.processed}/${screenable} rows, ${batch.hits} hits`);
      if (!['receiving', 'queued', 'running'].includes(batch.status)) {
        bar.finish(
          `batch ${id} ${batch.status}: ${batch.processed} rows screened, ${batch.hits} hits, ${batch.invalidRows} invalid rows`,
        );
        if (batch.status !== 'done') return 1;
        break;
      }
      await new Promise((r) => setTimeout(r, POLL_MS));
    }
    if (values.out) {
      const results = await request(client, `/v1/batches/${id}/results`, { headers: { accept: 'text/csv' } });
      await pipeline(Readable.fromWeb(results.body as never), createWriteStream(values.out));
      out(`results written to ${values.out}`);
    }
    return 0;
  }
  out(USAGE);
  return 2;
}

if (require.main === module) runCommand(() => runScreenCli(process.argv.slice(2)));
