import type { Citation } from '../lists';

/** One matched entity as it was shown at screening time (names, programs and citations copied then). */
export interface ReportMatch {
  entityId: string;
  name: string;
  matchedName?: string;
  score: number;
  lists: string[];
  programs: string[];
  explanation: string[];
  citations: Citation[];
}

export interface ReportDecision {
  entityId: string;
  outcome: string;
  /** The name of the API key that decided. */
  by: string;
  at: string;
  note: string | null;
}

export interface ReportApproval {
  status: string;
  by: string;
  at: string;
  note: string | null;
}

export interface ReportEvent {
  at: string;
  type: string;
  by: string | null;
  text: string;
}

/**
 * Everything an evidence report prints, already read from Postgres: rendering does no I/O, so a
 * test can render a report from plain data and a route renders exactly what the loaders found.
 */
export interface EvidenceReport {
  kind: 'screening' | 'alert';
  /** The screening or alert id the report is about. */
  id: string;
  workspace: string;
  generatedAt: string;
  customer: { name: string; type?: string; birthDate?: string; country?: string; reference: string | null };
  screening: {
    /** single, batch (with its line), monitoring. */
    source: string;
    origin: string | null;
    requestedBy: string | null;
    requestedAt: string | null;
    screenedAt: string | null;
    decision: string | null;
    threshold: number | null;
    listVersions: { source: string; version: number; name?: string; publishedAt?: string | null }[];
  };
  status?: string;
  outcome?: string | null;
  assignee?: string | null;
  matches: ReportMatch[];
  suppressedMatches: { entityId: string; name: string; score: number; suppressionId: string }[];
  decisions: ReportDecision[];
  approval: ReportApproval | null;
  history: ReportEvent[];
}
