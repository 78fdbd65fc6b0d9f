import path from 'node:path';
import { Router } from 'express';
import { z } from 'zod';
import { openApiDocument } from '../openapi/openapi-document';
import { documentRoute } from '../openapi/route-docs';

/** Swagger UI's files, served from the npm package as they are: no CDN. */
const SWAGGER_UI_DIR = path.dirname(require.resolve('swagger-ui-dist/package.json'));
/** The page and its starter script, kept beside the screening page's files. */
const PUBLIC_DIR = path.resolve(__dirname, '../../public');
const SWAGGER_FILES = new Set([
  'swagger-ui.css',
  'swagger-ui-bundle.js',
  'swagger-ui-standalone-preset.js',
  'favicon-32x32.png',
  'favicon-16x16.png',
]);

/** GET /openapi.json and GET /docs: the API's description and its interactive reference, without a key. */
export function apiDocsRoutes(version: string): Router {
  const router = Router();
  let document: ReturnType<typeof openApiDocument> | undefined;

  documentRoute({
    method: 'get',
    path: '/openapi.json',
    tag: 'Reference',
    summary: 'This OpenAPI 3.1 document',
    scope: null,
    responses: {
      200: {
        description: 'The OpenAPI document',
        schema: z.looseObject({ openapi: z.string(), paths: z.record(z.string(), z.unknown()) }),
      },
    },
  });
  router.get('/openapi.json', (_req, res) => {
    // Built on first use: by then every router of the app has documented its routes.
    document ??= openApiDocument(version);
    res.json(document);
  });
  router.get('/docs', (_req, res) => res.sendFile(path.join(PUBLIC_DIR, 'docs.html')));
  router.get('/docs/docs.js', (_req, res) => res.sendFile(path.join(PUBLIC_DIR, 'docs.js')));
  router.get('/docs/:file', (req, res, next) => {
    if (!SWAGGER_FILES.has(req.params.file)) return next();
    res.sendFile(path.join(SWAGGER_UI_DIR, req.params.file), { maxAge: '1h' });
  });
  return router;
}
