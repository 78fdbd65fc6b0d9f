import type { AppConfig } from '../config';
import { startMetricsServer } from './metrics-server';
import { ProcessMetrics } from './process-metrics';

export interface ProcessMetricsEndpoint {
  metrics: ProcessMetrics;
  /** Where METRICS_PORT serves them without a key, when this process part serves them. */
  url?: string;
  close(): Promise<void>;
}

/**
 * The registry a process part records into: the one it was given (npm start's, served by whoever made it), or a new
 * one of its own, served without a key on METRICS_PORT when that is set, bound to the API's host.
 */
export async function openProcessMetrics(config: AppConfig, given?: ProcessMetrics): Promise<ProcessMetricsEndpoint> {
  if (given) return { metrics: given, close: async () => undefined };
  const metrics = new ProcessMetrics();
  if (config.metrics.port === undefined) return { metrics, close: async () => undefined };
  const server = await startMetricsServer(metrics, config.http.host, config.metrics.port);
  return { metrics, url: server.url, close: server.close };
}
