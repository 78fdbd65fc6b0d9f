import { call } from './http';
import { TEST_API_KEY } from './test-stores';

/** POST /v1/batches with the test key: the answer's status, content type and JSON body. */
export async function uploadBatch(url: string, body: string | Buffer, headers: Record<string, string> = {}) {
  const res = await fetch(`${url}/v1/batches`, {
    method: 'POST',
    headers: { authorization: `Bearer ${TEST_API_KEY}`, 'content-type': 'text/csv', ...headers },
    body,
  });
  const contentType = res.headers.get('content-type') ?? '';
  return { status: res.status, contentType, body: (await res.json()) as any };
}

/** GET /v1/batches/:id until the batch is no longer receiving, queued or running (10 s at most). */
export async function waitUntilBatchFinished(url: string, id: string) {
  let res = await call(url, 'GET', `/v1/batches/${id}`);
  for (let i = 0; i < 200 && ['receiving', 'queued', 'running'].includes(res.body.status); i++) {
    await new Promise((r) => setTimeout(r, 50));
    res = await call(url, 'GET', `/v1/batches/${id}`);
  }
  return res;
}
