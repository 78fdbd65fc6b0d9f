import { OpenApiGeneratorV31, OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import { SCOPES } from '@sanctions/shared/auth';
import { documentedRoutes } from './route-docs';

type OpenApiDocument = ReturnType<OpenApiGeneratorV31['generateDocument']>;

/**
 * The OpenAPI 3.1 document of the API, generated from the routes' documentRoute calls and the zod
 * schemas they name: nothing in it is written by hand. Built once per app, after its routes.
 */
export function openApiDocument(version: string): OpenApiDocument {
  const registry = new OpenAPIRegistry();
  registry.registerComponent('securitySchemes', 'bearer', {
    type: 'http',
    scheme: 'bearer',
    description: `An API key, sent as \`Authorization: Bearer <key>\`. Each operation names the scope it needs; \`admin\` implies all. Scopes: ${SCOPES.join(', ')}.`,
  });
  for (const route of documentedRoutes()) registry.registerPath(route);
  const document = new OpenApiGeneratorV31(registry.definitions, { sortComponents: 'alphabetically' }).generateDocument(
    {
      openapi: '3.1.0',
      info: {
        title: 'Sanctions screening API',
        version,
        description:
          'Screen names against sanctions lists, one at a time or by file, review the alerts, and monitor customers. Errors are `application/problem+json` (RFC 9457).',
      },
      servers: [{ url: '/' }],
      security: [{ bearer: [] }],
    },
  );
  document.paths = Object.fromEntries(Object.entries(document.paths ?? {}).sort(([a], [b]) => a.localeCompare(b)));
  return document;
}
