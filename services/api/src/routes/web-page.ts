import path from 'node:path';
import express, { Router } from 'express';

/** services/api/public, reached the same way from src/routes and dist/routes. */
const PUBLIC_DIR = path.resolve(__dirname, '../../public');

/**
 * The screening page for compliance officers: screen one name, upload a customer file and watch it
 * progress, download the results. Static files; everything it shows comes from the /v1 API with
 * the officer's own key, so it needs no session of its own. Its CSP and other headers are helmet's (app.ts).
 */
export function webPageRoutes(): Router {
  const router = Router();
  router.get('/', (_req, res) => res.sendFile(path.join(PUBLIC_DIR, 'index.html')));
  router.use(express.static(PUBLIC_DIR, { index: false, maxAge: '5m' }));
  return router;
}
