import type { Citation, EntityType } from '../lists';

export const ALERT_STATUSES = ['open', 'in_review', 'pending_approval', 'closed'] as const;
export type AlertStatus = (typeof ALERT_STATUSES)[number];

export const ALERT_SOURCES = ['screening', 'batch', 'monitoring'] as const;
export type AlertSource = (typeof ALERT_SOURCES)[number];

export const DISPOSITIONS = ['true_match', 'false_positive', 'needs_info', 'escalated'] as const;
export type Disposition = (typeof DISPOSITIONS)[number];

export type AlertOutcome = 'true_match' | 'false_positive';

export const ALERT_ACTIONS = ['created', 'assigned', 'decided', 'submitted', 'approved', 'rejected', 'closed'] as const;
export type AlertAction = (typeof ALERT_ACTIONS)[number];

export interface AlertQuery {
  name: string;
  type?: EntityType;
  birthDate?: string;
  country?: string;
}

/** One designation on the alert, with the decision on it. */
export interface AlertMatchView {
  /** The primary record of the designation; decisions may name any of `entityIds`. */
  entityId: string;
  entityIds: string[];
  name: string;
  type: EntityType;
  matchedName: string;
  matchedNameKind: string;
  score: number;
  lists: string[];
  programs: string[];
  explanation: string[];
  citations: Citation[];
  disposition: Disposition | null;
  note: string | null;
  /** The key id that made the decision. */
  decidedBy: string | null;
  decidedAt: string | null;
}

export interface AlertView {
  id: string;
  status: AlertStatus;
  source: AlertSource;
  screeningId: string | null;
  batchId: string | null;
  line: number | null;
  runId: string | null;
  reference: string | null;
  query: AlertQuery;
  matches: AlertMatchView[];
  /** The key id the alert is assigned to. */
  assignee: string | null;
  outcome: AlertOutcome | null;
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
  links: { self: string; history: string };
}

export interface AlertEventView {
  at: string;
  actor: { keyId: string | null; name: string };
  action: AlertAction;
  details: Record<string, unknown>;
}

/** Who acts on an alert: an API key of the alert's workspace. */
export interface AlertActor {
  keyId: string;
  name: string;
  workspaceId: string;
}
