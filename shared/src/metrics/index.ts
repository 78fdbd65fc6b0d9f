/** Prometheus metrics (prom-client): one registry per process, served at GET /metrics and, with METRICS_PORT, on a port of its own. */
export { ProcessMetrics, UNMATCHED_ROUTE } from './process-metrics';
export { startMetricsServer, type MetricsServer } from './metrics-server';
export { openProcessMetrics, type ProcessMetricsEndpoint } from './process-endpoint';
