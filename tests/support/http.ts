import { checkResponse } from './contract';
import { TEST_API_KEY } from './test-stores';

export interface HttpResult<T = any> {
  status: number;
  contentType: string;
  body: T;
  headers: Headers;
}

/** A real HTTP call to the API under test; its answer is checked against /openapi.json (see contract.ts). */
export async function call<T = any>(
  baseUrl: string,
  method: string,
  path: string,
  options: {
    body?: unknown;
    rawBody?: string;
    contentType?: string;
    apiKey?: string | null;
    headers?: Record<string, string>;
    skipContract?: boolean;
  } = {},
): Promise<HttpResult<T>> {
  const headers: Record<string, string> = { ...options.headers };
  const apiKey = options.apiKey === undefined ? TEST_API_KEY : options.apiKey;
  if (apiKey) headers.authorization = `Bearer ${apiKey}`;
  let body: string | undefined;
  if (options.rawBody !== undefined) body = options.rawBody;
  else if (options.body !== undefined) body = JSON.stringify(options.body);
  if (body !== undefined) headers['content-type'] = options.contentType ?? 'application/json';
  const res = await fetch(baseUrl + path, { method, headers, body });
  const contentType = res.headers.get('content-type') ?? '';
  const text = await res.text();
  const parsed = contentType.includes('json') && text ? JSON.parse(text) : text;
  if (!options.skipContract) checkResponse(method, baseUrl + path, res.status, contentType, parsed);
  return { status: res.status, contentType, headers: res.headers, body: parsed };
}
