import type { IncomingMessage } from 'node:http';
import express, { type Express } from 'express';
import type { ApiDeps } from './api-deps';
import { authenticateRequests } from './http/authentication';
import { errorHandler, notFoundHandler } from './http/problem';
import { batchRoutes } from './routes/batches';
import { compareRoutes } from './routes/compare';
import { healthRoutes } from './routes/health';
import { listRoutes } from './routes/lists';
import { screeningRoutes } from './routes/screenings';
import { webPageRoutes } from './routes/web-page';
import { webhookRoutes } from './routes/webhooks';

/** JSON bodies are parsed up front, except a batch upload: a JSON array of records is streamed like a CSV file. */
function parsedAsJson(req: IncomingMessage): boolean {
  const type = req.headers['content-type'] ?? '';
  if (!/^application\/([\w.+-]*\+)?json\b/i.test(type)) return false;
  return !(req.method === 'POST' && /^\/v1\/batches\/?(\?|$)/.test(req.url ?? ''));
}

export function createApp(deps: ApiDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  app.use(express.json({ limit: deps.config.http.maxJsonBodyBytes, type: parsedAsJson }));
  app.use(healthRoutes(deps));
  app.use(webPageRoutes());
  app.use('/v1', authenticateRequests(deps.pool));
  app.use(screeningRoutes(deps));
  app.use(listRoutes(deps));
  app.use(compareRoutes(deps));
  app.use(batchRoutes(deps));
  app.use(webhookRoutes(deps));
  app.use(notFoundHandler);
  app.use(errorHandler(deps.logger));
  return app;
}
