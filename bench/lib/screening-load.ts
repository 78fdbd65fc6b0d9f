import { Agent, request } from 'node:http';
import path from 'node:path';
import type { MatchableEntity } from '../../shared/src/matching';
import { dataDir, readCsvObjects } from './list-reader';
import { generateClass, seededRng, VARIATION_CLASSES } from './variations';

/** One screening as the client saw it. */
export interface Answer {
  id: string;
  status: number;
  /** Milliseconds from sending the request to the last byte of the answer. */
  ms: number;
  /** The body's screening status ("done" for a 200, "queued" for a 202). */
  screening: string;
  decision: string | null;
  entityIds: string[];
}

/**
 * The traffic of a screening desk: half synthetic people who are on no list (the yente benchmark's negatives, most real
 * traffic), half variations of listed names (typos, reordering, transliteration…), so that a share of the answers carry
 * matches, explanations and citations. Seeded, so every run sends the same names in the same order.
 */
export function screeningNames(entities: MatchableEntity[], count: number, seed = 42): string[] {
  const bench = path.join(dataDir(), 'benchmark_name_matching_yente');
  const negatives = [
    ...readCsvObjects(path.join(bench, 'negatives_global.csv')),
    ...readCsvObjects(path.join(bench, 'negatives_us.csv')),
  ]
    .map((r) => r['full_name'] ?? '')
    .filter((n) => n.trim() !== '');
  const classes = VARIATION_CLASSES.filter((c) => c.positive);
  const positives = classes.flatMap((c, i) =>
    generateClass(c, entities, Math.ceil(count / 2 / classes.length) + 1, 100 + i).map((q) => q.query),
  );
  const rng = seededRng(seed);
  return Array.from({ length: count }, (_, i) => {
    const from = i % 2 === 0 ? negatives : positives;
    return from[Math.floor(rng() * from.length)] as string;
  });
}

/** POST /v1/screenings?wait=true over a kept-alive connection; resolves with what the client needs to check it. */
function screenOnce(agent: Agent, base: URL, apiKey: string, name: string): Promise<Answer> {
  const body = JSON.stringify({ name });
  const started = process.hrtime.bigint();
  return new Promise((resolve, reject) => {
    const req = request(
      {
        agent,
        host: base.hostname,
        port: base.port,
        method: 'POST',
        path: '/v1/screenings?wait=true',
        headers: {
          authorization: `Bearer ${apiKey}`,
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const ms = Number(process.hrtime.bigint() - started) / 1e6;
          const text = Buffer.concat(chunks).toString('utf8');
          if (res.statusCode !== 200 && res.statusCode !== 202)
            return reject(new Error(`POST /v1/screenings: ${res.statusCode} ${text.slice(0, 300)}`));
          const json = JSON.parse(text);
          resolve({
            id: json.id,
            status: res.statusCode,
            ms,
            screening: json.status,
            decision: json.decision ?? null,
            entityIds: (json.matches ?? []).map((m: { entityId: string }) => m.entityId),
          });
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/**
 * Closed-loop clients: `concurrency` of them, each sending its next name as soon as its last answer arrived, until
 * `names` are all sent (or `stopped()` says so). Returns every answer and the wall time from the first request to the last answer.
 */
export async function runClosedLoop(
  base: string,
  apiKey: string,
  names: readonly string[],
  concurrency: number,
  stopped: () => boolean = () => false,
): Promise<{ answers: Answer[]; wallMs: number }> {
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  const url = new URL(base);
  const answers: Answer[] = [];
  let next = 0;
  const started = process.hrtime.bigint();
  try {
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (next < names.length && !stopped()) answers.push(await screenOnce(agent, url, apiKey, names[next++]!));
      }),
    );
  } finally {
    agent.destroy();
  }
  return { answers, wallMs: Number(process.hrtime.bigint() - started) / 1e6 };
}

export interface LatencyFigures {
  requests: number;
  p50: number;
  p99: number;
  mean: number;
  answersPerSecond: number;
  max: number;
  /** Answers slower than 400 ms (a missed announcement waits for the 500 ms fallback poll). */
  over400: number;
  /** Answers that came back 202 (not ready within SCREENING_WAIT_MAX_MS). */
  notReady: number;
  hits: number;
}

export function latencyFigures(answers: Answer[], wallMs: number): LatencyFigures {
  const sorted = Float64Array.from(answers.map((a) => a.ms)).sort();
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))] ?? NaN;
  return {
    requests: answers.length,
    p50: at(0.5),
    p99: at(0.99),
    mean: sorted.reduce((a, b) => a + b, 0) / sorted.length,
    max: sorted[sorted.length - 1] ?? NaN,
    over400: answers.filter((a) => a.ms > 400).length,
    answersPerSecond: (answers.length / wallMs) * 1000,
    notReady: answers.filter((a) => a.status === 202).length,
    hits: answers.filter((a) => a.decision === 'hit').length,
  };
}
