/**
 * Ongoing monitoring: each activated list version's delta screened against every monitored customer, through a
 * matching index over the customers' names, with the same forward screening as a normal one.
 */
export { CustomerIndex, REVERSE_THRESHOLD_MARGIN } from './customer-index';
export { CustomerIndexCache } from './customer-index-cache';
export {
  performMonitoringRun,
  markMonitoringRunFailed,
  unfinishedMonitoringRuns,
  IndexBehindRunError,
  MONITORING_CHUNK,
  type MonitoringRunHooks,
} from './monitoring-run';
export {
  enqueueMonitoringRuns,
  getMonitoringRun,
  listMonitoringRuns,
  monitoringRunJobSchema,
  type MonitoringRunJob,
  type MonitoringRunStatus,
  type MonitoringRunView,
} from './monitoring-runs';
