import type { RouteConfig, ResponseConfig } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import type { Scope } from '@sanctions/shared/auth';
import { PROBLEM_CONTENT_TYPE } from '../http/problem';
import { problemSchema } from './common-schemas';

export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';
/** The errors a route may answer besides those every /v1 route has (400, 401, 403, 429, 503). */
export type RouteError = 400 | 404 | 409 | 413 | 415;

type ZodObjectSchema = z.ZodObject<z.ZodRawShape>;

interface ResponseDoc {
  description: string;
  /** A JSON body; omit for an empty one (204). */
  schema?: z.ZodType;
  /** Other bodies (a PDF, a CSV, an event stream), by media type. */
  content?: Record<string, z.ZodType>;
  headers?: ZodObjectSchema;
}

export interface RouteDoc {
  method: HttpMethod;
  /** As Express writes it: `/v1/alerts/:id`. */
  path: string;
  summary: string;
  description?: string;
  tag: string;
  /** The scope the key needs; null for a route that needs no key. */
  scope: Scope | null;
  params?: ZodObjectSchema;
  query?: ZodObjectSchema;
  headers?: ZodObjectSchema;
  /** A JSON body by default; other media types (multipart, CSV) by name. */
  body?:
    | { schema: z.ZodType; required?: boolean; description?: string }
    | { content: Record<string, z.ZodType>; description?: string };
  responses: Partial<Record<200 | 201 | 202 | 204, ResponseDoc>>;
  errors?: RouteError[];
  /** An error answered with a body of its own (readiness's checks). */
  extraResponses?: Record<number, ResponseDoc>;
}

const ERROR_DESCRIPTIONS: Record<number, string> = {
  400: 'A parameter or field is not valid; `errors` names each one and why',
  401: 'No API key, or one that is unknown or revoked',
  403: 'The API key lacks the scope this operation needs',
  404: 'No such object in this workspace',
  409: 'The object is not in a state that allows this',
  413: 'The body is larger than allowed',
  415: 'The body is not of a media type this operation takes',
  429: 'Too many requests from this API key; retry after Retry-After seconds',
  503: 'The database or queue cannot be reached right now; retry after Retry-After seconds',
};

/** Every route behind an API key may answer these: 400 too, as a NUL byte in the path or query is refused on all of them. */
const KEYED_ERRORS = [400, 401, 403, 429, 503] as const;

const problem = (status: number): ResponseConfig => ({
  description: ERROR_DESCRIPTIONS[status] ?? 'A problem',
  content: { [PROBLEM_CONTENT_TYPE]: { schema: problemSchema } },
});

/** `/v1/alerts/:id` → `/v1/alerts/{id}` */
export const openApiPath = (expressPath: string) => expressPath.replace(/:(\w+)/g, '{$1}');

/** The documented routes, by method and Express path; documenting one again replaces it (an app is built per test). */
const documented = new Map<string, RouteConfig>();

export const routeKey = (method: string, expressPath: string) => `${method.toUpperCase()} ${expressPath}`;

function pathParams(expressPath: string): ZodObjectSchema | undefined {
  const names = [...expressPath.matchAll(/:(\w+)/g)].map((m) => m[1]!);
  return names.length === 0 ? undefined : z.object(Object.fromEntries(names.map((name) => [name, z.string()])));
}

function toResponse(doc: ResponseDoc): ResponseConfig {
  const content: Record<string, { schema: z.ZodType }> = {};
  if (doc.schema) content['application/json'] = { schema: doc.schema };
  for (const [type, schema] of Object.entries(doc.content ?? {})) content[type] = { schema };
  return {
    description: doc.description,
    ...(Object.keys(content).length > 0 && { content }),
    ...(doc.headers && { headers: doc.headers }),
  };
}

/**
 * Describes one route in /openapi.json; call it next to the route it documents. The request schemas
 * passed here should be the ones the route validates with, so the document says what the code checks.
 */
export function documentRoute(doc: RouteDoc): void {
  const responses: Record<string, ResponseConfig> = {};
  for (const [status, response] of Object.entries(doc.responses)) responses[status] = toResponse(response!);
  const errors = [...(doc.errors ?? []), ...(doc.scope ? KEYED_ERRORS : [])].sort();
  for (const status of new Set(errors)) responses[String(status)] = problem(status);
  for (const [status, response] of Object.entries(doc.extraResponses ?? {})) responses[status] = toResponse(response);
  const params = doc.params ?? pathParams(doc.path);
  const body =
    doc.body &&
    ('schema' in doc.body
      ? {
          required: doc.body.required ?? true,
          description: doc.body.description,
          content: { 'application/json': { schema: doc.body.schema } },
        }
      : {
          required: true,
          description: doc.body.description,
          content: Object.fromEntries(Object.entries(doc.body.content).map(([type, schema]) => [type, { schema }])),
        });
  const scopeText = !doc.scope
    ? '\n\nNo API key needed.'
    : doc.scope === 'admin'
      ? '\n\nScope: `admin`.'
      : `\n\nScope: \`${doc.scope}\` (or \`admin\`).`;
  documented.set(routeKey(doc.method, doc.path), {
    method: doc.method,
    path: openApiPath(doc.path),
    operationId: operationId(doc.method, doc.path),
    summary: doc.summary,
    description: (doc.description ?? doc.summary) + scopeText,
    tags: [doc.tag],
    security: doc.scope ? [{ bearer: [doc.scope] }] : [],
    'x-scopes': doc.scope ? [doc.scope] : [],
    request: {
      ...(params && { params }),
      ...(doc.query && { query: doc.query }),
      ...(doc.headers && { headers: doc.headers }),
      ...(body && { body }),
    },
    responses,
  } as RouteConfig);
}

/** `post /v1/alerts/:id/approve` → `postAlertsIdApprove`: stable, readable, unique per route. */
function operationId(method: string, expressPath: string): string {
  const words = expressPath
    .replace(/^\/v1\//, '/')
    .split(/[/:-]+/)
    .filter(Boolean);
  return method + words.map((w) => w[0]!.toUpperCase() + w.slice(1)).join('');
}

export const documentedRoutes = (): RouteConfig[] => [...documented.values()];
/** Whether the route documents query parameters; one that documents none takes none (see refuseQueryWhereNone). */
export const documentsQuery = (method: string, expressPath: string) =>
  Boolean(documented.get(routeKey(method, expressPath))?.request?.query);
export const isDocumented = (method: string, expressPath: string) => documented.has(routeKey(method, expressPath));
