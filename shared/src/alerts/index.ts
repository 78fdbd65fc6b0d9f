export * from './alert-types';
export { insertAlert, insertAlerts, type AlertMatchInput, type NewAlert } from './alert-insert';
export { alertWrites } from './alert-insert-sql';
export {
  assignAlertSchema,
  decisionSchema,
  approveSchema,
  rejectSchema,
  MAX_NOTE_LENGTH,
  type AssignAlertInput,
  type DecisionInput,
} from './alert-request';
export {
  parseAlertListQuery,
  alertListQuerySchema,
  nextPageQuery,
  encodeCursor,
  DEFAULT_ALERT_PAGE,
  MAX_ALERT_PAGE,
  type AlertFilters,
  type AlertListQuery,
  type AlertCursor,
} from './alert-list-query';
export { ALERT_SORTS, type AlertSort } from './alert-sql';
export { getAlert, listAlerts, alertHistory } from './alert-query';
export { countAlertsByStatus } from './alert-counts';
export { assignAlert, decideAlert, approveAlert, rejectAlert, type ReviewSettings } from './alert-review';
export { afterDecision, afterAssignment, outcomeOf, isFinal, DECIDABLE, ASSIGNABLE } from './alert-state';
