/**
 * Evidence reports: what was screened, against which lists, what matched and why, and who decided
 * what — as a PDF an auditor can read without the system.
 */
export type { EvidenceReport, ReportApproval, ReportDecision, ReportEvent, ReportMatch } from './report-model';
export { renderReport, formatTime } from './render-report';
export { screeningReport, describeListVersions } from './screening-report';
export { alertReport, reviewEvidence, screeningAlertEvidence } from './alert-report';
