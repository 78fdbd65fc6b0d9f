import express, { type Express } from 'express';
import type { ApiDeps } from './api-deps';
import { authenticateRequests } from './http/authentication';
import { apiResponseHeaders, refuseNulBytes } from './http/input-guards';
import { inSequence } from './http/in-sequence';
import { rateLimitRequests } from './http/rate-limit';
import { queryParsedOnce } from './http/query-once';
import { requestContext } from './http/request-context';
import { requestLog } from './http/request-log';
import { corsFor, securityHeaders } from './http/security-headers';
import { errorHandler, notFoundHandler } from './http/problem';
import { alertCountRoutes } from './routes/alert-counts';
import { alertRoutes } from './routes/alerts';
import { apiDocsRoutes } from './routes/api-docs';
import { batchRoutes } from './routes/batches';
import { compareRoutes } from './routes/compare';
import { customerRoutes } from './routes/customers';
import { healthRoutes } from './routes/health';
import { keyRoutes } from './routes/keys';
import { listVersionRoutes } from './routes/list-versions';
import { listRoutes } from './routes/lists';
import { metricsRoutes } from './routes/metrics';
import { monitoringRoutes } from './routes/monitoring';
import { reportRoutes } from './routes/reports';
import { screeningHistoryRoutes } from './routes/screening-history';
import { screeningRoutes } from './routes/screenings';
import { suppressionRoutes } from './routes/suppressions';
import { webPageRoutes } from './routes/web-page';
import { webhookRoutes } from './routes/webhooks';

/** The API's version as /openapi.json states it: the package's. */
const API_VERSION: string = require('../package.json').version;

export function createApp(deps: ApiDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  // API answers are Cache-Control: no-store, so an ETag (a SHA-1 over each JSON body) was never used; the page's and
  // the docs' files keep theirs (sendFile and static set their own).
  app.set('etag', false);
  // Run by every request, in this order: one router layer for all of them (inSequence).
  app.use(inSequence([requestContext(deps.logger), queryParsedOnce, ...requestLog(deps), securityHeaders]));
  const cors = corsFor(deps.config.http.corsOrigins);
  if (cors) app.use(cors);
  app.use(['/v1', '/healthz', '/readyz', '/metrics'], apiResponseHeaders);
  // The keyed API before the page, the docs and the probes, and single screenings first in it: Express tries each
  // router in turn, so the hot path walks no other. Order of the rules on any /v1 route, as before: key, rate
  // limit, NUL in the path or query, the body (parsed, NUL-checked), then the route's scope.
  app.use('/v1', authenticateRequests(deps.pool, deps.keyCache), rateLimitRequests(deps));
  // Path and query here (batch uploads stream their body and check their rows); bodies once parsed, below.
  app.use('/v1', refuseNulBytes);
  const jsonBody = express.json({
    limit: deps.config.http.maxJsonBodyBytes,
    type: ['application/json', 'application/*+json'],
  });
  app.use(screeningRoutes(deps, [jsonBody, refuseNulBytes]));
  // Batch uploads stream their body (a CSV file or a JSON array of records), so they come before the JSON parser.
  app.use(batchRoutes(deps));
  app.use(jsonBody);
  app.use('/v1', refuseNulBytes);
  app.use(screeningHistoryRoutes(deps));
  app.use(reportRoutes(deps));
  app.use(suppressionRoutes(deps));
  app.use(listRoutes(deps));
  app.use(listVersionRoutes(deps));
  app.use(compareRoutes(deps));
  app.use(webhookRoutes(deps));
  app.use(keyRoutes(deps));
  app.use(alertCountRoutes(deps));
  app.use(alertRoutes(deps));
  app.use(customerRoutes(deps));
  app.use(monitoringRoutes(deps));
  app.use(healthRoutes(deps));
  app.use(webPageRoutes());
  app.use(apiDocsRoutes(API_VERSION));
  app.use(metricsRoutes(deps));
  app.use(notFoundHandler);
  app.use(errorHandler(deps.logger));
  return app;
}
