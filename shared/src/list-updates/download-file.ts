import { createWriteStream } from 'node:fs';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { displayUrl } from './download-sources';

export type FetchLike = (
  url: string,
  init: { signal: AbortSignal; headers?: Record<string, string> },
) => Promise<Response>;

export interface DownloadLimits {
  /** For the whole file, headers and body: a stalled server fails rather than hangs the update. */
  timeoutMs: number;
  maxBytes: number;
}

/** Why a download failed, with the URL stripped of its query string (it may carry a token). */
export class DownloadError extends Error {
  constructor(
    message: string,
    readonly url: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'DownloadError';
  }
}

/**
 * Streams one URL to a file, never holding the body in memory, and returns its size. Fails on a
 * non-2xx answer, on a body over `maxBytes` (declared or actual) and after `timeoutMs`.
 */
export async function downloadFile(
  fetchImpl: FetchLike,
  url: string,
  destination: string,
  limits: DownloadLimits,
  onBytes?: (bytes: number, total?: number) => void,
): Promise<number> {
  const shown = displayUrl(url);
  const signal = AbortSignal.timeout(limits.timeoutMs);
  const fail = (error: unknown): never => {
    if (error instanceof DownloadError) throw error;
    const reason = signal.aborted ? `no complete answer within ${limits.timeoutMs} ms` : describeNetworkError(error);
    throw new DownloadError(`${shown}: ${reason}`, shown, { cause: error });
  };
  const response = await fetchImpl(url, { signal, headers: { accept: '*/*' } }).catch(fail);
  if (!response.ok || !response.body) {
    await response.body?.cancel().catch(() => undefined);
    throw new DownloadError(
      `${shown}: HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`,
      shown,
    );
  }
  const declared = Number(response.headers.get('content-length') ?? NaN);
  const total = Number.isFinite(declared) ? declared : undefined;
  if (total !== undefined && total > limits.maxBytes) {
    await response.body.cancel().catch(() => undefined);
    throw new DownloadError(`${shown}: ${total} bytes is over the ${limits.maxBytes}-byte limit`, shown);
  }
  let bytes = 0;
  const capped = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      bytes += chunk.length;
      if (bytes > limits.maxBytes)
        return done(new DownloadError(`${shown}: more than the ${limits.maxBytes}-byte limit`, shown));
      onBytes?.(bytes, total);
      done(null, chunk);
    },
  });
  await pipeline(
    Readable.fromWeb(response.body as WebReadableStream<Uint8Array>),
    capped,
    createWriteStream(destination),
  ).catch(fail);
  return bytes;
}

/** fetch says only "fetch failed"; the reason (ECONNREFUSED, ENOTFOUND, a TLS error) is in its cause. */
function describeNetworkError(error: unknown): string {
  const e = error as Error & { cause?: { code?: string; message?: string } };
  const cause = e.cause?.code ?? e.cause?.message;
  return cause ? `${e.message} (${cause})` : (e.message ?? String(error));
}
