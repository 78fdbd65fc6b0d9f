import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import type { VettedTarget } from './ssrf';

/** How much of a response body the attempt log keeps. */
export const RESPONSE_EXCERPT_BYTES = 1024;

export type PostResult =
  | {
      kind: 'response';
      statusCode: number;
      retryAfter: string | undefined;
      location: string | undefined;
      excerpt: string;
      latencyMs: number;
    }
  | { kind: 'error'; error: string; latencyMs: number };

/**
 * POSTs the body to the vetted address, whatever the host name resolves to by now (the lookup
 * answers with the address that was checked), with TLS still verified against the host name.
 * Never follows a redirect. The timeout bounds the whole exchange, reading the excerpt included.
 */
export function postWebhook(
  target: VettedTarget,
  body: string,
  headers: Record<string, string>,
  timeoutMs: number,
): Promise<PostResult> {
  const started = performance.now();
  const latency = () => Math.round(performance.now() - started);
  const pinned: LookupFunction = (_hostname, options, callback) => {
    if (options.all)
      (callback as unknown as (e: null, a: { address: string; family: number }[]) => void)(null, [
        { address: target.address, family: target.family },
      ]);
    else callback(null, target.address, target.family);
  };
  const client = target.url.protocol === 'https:' ? https : http;
  return new Promise<PostResult>((resolve) => {
    let settled = false;
    const finish = (result: PostResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(result);
    };
    const req = client.request(target.url, {
      method: 'POST',
      headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
      lookup: pinned,
      agent: false,
    });
    const timer = setTimeout(() => {
      finish({ kind: 'error', error: `timed out after ${timeoutMs} ms`, latencyMs: latency() });
      req.destroy();
    }, timeoutMs);
    req.on('error', (error: NodeJS.ErrnoException) =>
      finish({
        kind: 'error',
        error: textForPostgres(
          error.code && !error.message.includes(error.code) ? `${error.code}: ${error.message}` : error.message,
        ),
        latencyMs: latency(),
      }),
    );
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      const done = () => {
        finish({
          kind: 'response',
          statusCode: res.statusCode ?? 0,
          retryAfter: header(res.headers['retry-after']),
          location: header(res.headers.location),
          excerpt: textForPostgres(Buffer.concat(chunks).subarray(0, RESPONSE_EXCERPT_BYTES).toString('utf8')),
          latencyMs: latency(),
        });
        res.destroy();
      };
      res.on('data', (chunk: Buffer) => {
        chunks.push(chunk);
        size += chunk.length;
        if (size >= RESPONSE_EXCERPT_BYTES) done();
      });
      res.on('end', done);
      res.on('error', done);
      res.on('close', done);
    });
    req.end(body);
  });
}

/** Postgres text cannot hold NUL, and a receiver may answer anything. */
const textForPostgres = (text: string) => text.split('\u0000').join('');

const header = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);
