import path from 'node:path';
import express, { Router } from 'express';

/** services/api/public, reached the same way from src/routes and dist/routes. */
const PUBLIC_DIR = path.resolve(__dirname, '../../public');

/** The page keeps to its own scripts and styles and talks only to this API: no inline code, no third-party origin. */
const CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

/**
 * The screening page for compliance officers: screen one name, upload a customer file and watch it
 * progress, download the results. Static files; everything it shows comes from the /v1 API with
 * the officer's own key, so it needs no session of its own.
 */
export function webPageRoutes(): Router {
  const router = Router();
  router.use((req, res, next) => {
    if (req.path === '/' || /^\/(app|review|history)\.(js|css)$/.test(req.path)) {
      res.set({ 'Content-Security-Policy': CONTENT_SECURITY_POLICY, 'X-Content-Type-Options': 'nosniff', 'Referrer-Policy': 'no-referrer' });
    }
    next();
  });
  router.get('/', (_req, res) => res.sendFile(path.join(PUBLIC_DIR, 'index.html')));
  router.use(express.static(PUBLIC_DIR, { index: false, maxAge: '5m' }));
  return router;
}
