import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { createApp } from '../../services/api/src/app';
import type { ApiDeps } from '../../services/api/src/api-deps';
import { openApiDocument } from '../../services/api/src/openapi/openapi-document';
import { loadConfig } from '@sanctions/shared/config';
import { quietLogger } from './test-stores';

/**
 * Every response an integration test receives through call() is checked against /openapi.json (the
 * document the app generates): its status must be one the operation lists, its media type one the
 * status lists, and a JSON body must match that schema. A test that sees an undocumented answer fails.
 */
type Operation = { responses: Record<string, { content?: Record<string, { schema: unknown }> }> };
interface Compiled {
  pattern: RegExp;
  template: string;
  operations: Record<string, Operation>;
}

let compiled: { routes: Compiled[]; ajv: Ajv2020; validators: Map<unknown, ValidateFunction> } | undefined;

function load() {
  if (compiled) return compiled;
  // Building an app documents its routes (nothing connects): the API may run in another process.
  createApp({ config: loadConfig({}), logger: quietLogger } as ApiDeps);
  const document = openApiDocument('contract') as any;
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema({ $id: 'openapi', components: document.components });
  const routes = Object.entries(document.paths as Record<string, Record<string, Operation>>).map(
    ([template, operations]) => ({
      template,
      pattern: new RegExp(`^${template.replace(/\{\w+\}/g, '[^/]+')}$`),
      operations,
    }),
  );
  // Literal paths before templated ones, so /v1/batches/x/results is not read as /v1/batches/{id}.
  routes.sort((a, b) => (a.template.match(/\{/g)?.length ?? 0) - (b.template.match(/\{/g)?.length ?? 0));
  compiled = { routes, ajv, validators: new Map() };
  return compiled;
}

const withRefs = (schema: unknown) =>
  JSON.parse(JSON.stringify(schema).replace(/"#\/components\//g, '"openapi#/components/'));

/** Throws, naming the operation and what differs, when a response is not what the document says. */
export function checkResponse(method: string, url: string, status: number, contentType: string, body: unknown): void {
  const { routes, ajv, validators } = load();
  const path = new URL(url).pathname;
  const route = routes.find((r) => r.pattern.test(path) && r.operations[method.toLowerCase()]);
  if (!route) {
    // No operation for this path: only our 404 (or the 405-like 404 of an unknown method) may answer.
    if (path.startsWith('/v1') && status !== 404)
      throw new Error(`contract: ${method} ${path} answered ${status} but no operation documents it`);
    return;
  }
  const operation = route.operations[method.toLowerCase()]!;
  const where = `${method.toUpperCase()} ${route.template} → ${status}`;
  const response = operation.responses[String(status)];
  if (!response)
    throw new Error(
      `contract: ${where} is not a documented status (documented: ${Object.keys(operation.responses).join(', ')})`,
    );
  if (!response.content) {
    if (body !== '' && body !== undefined)
      throw new Error(`contract: ${where} documents no body but one came (${contentType})`);
    return;
  }
  const mediaType = contentType.split(';')[0]!.trim();
  const media = response.content[mediaType];
  if (!media)
    throw new Error(
      `contract: ${where} answered ${mediaType}, documented: ${Object.keys(response.content).join(', ')}`,
    );
  if (!mediaType.includes('json')) return;
  let validate = validators.get(media.schema);
  if (!validate) {
    validate = ajv.compile(withRefs(media.schema));
    validators.set(media.schema, validate);
  }
  if (!validate(body))
    throw new Error(
      `contract: ${where} body does not match the document: ${ajv.errorsText(validate.errors, { separator: '; ' })}`,
    );
}
