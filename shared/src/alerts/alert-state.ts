import type { AlertOutcome, AlertStatus, Disposition } from './alert-types';

/**
 * The review state machine (docs/decisions/0010). Pure: the service reads the alert under a row lock, asks here what
 * may happen, then moves it with `UPDATE … WHERE status = <the status read>` and writes the event, in one transaction.
 *
 *   open ──assign──▶ in_review ──(every match true_match/false_positive)──▶ closed            (REVIEW_FOUR_EYES off)
 *     └──decide──▶ in_review ──(every match decided)──▶ pending_approval ──approve──▶ closed (REVIEW_FOUR_EYES on)
 *                      ▲                                     │
 *                      └────────────────reject───────────────┘  (dispositions cleared)
 */

/** Decisions are taken while the alert is being worked on; a submitted or closed alert is settled. */
export const DECIDABLE: readonly AlertStatus[] = ['open', 'in_review'];

/** Assigning is possible until the alert is closed (an approver may take a pending one). */
export const ASSIGNABLE: readonly AlertStatus[] = ['open', 'in_review', 'pending_approval'];

/** A disposition that settles its match; needs_info and escalated keep the alert in review. */
export function isFinal(disposition: Disposition | null): disposition is AlertOutcome {
  return disposition === 'true_match' || disposition === 'false_positive';
}

/** The alert's outcome: a true match if any match is one, else a false positive. */
export function outcomeOf(dispositions: readonly (Disposition | null)[]): AlertOutcome {
  return dispositions.includes('true_match') ? 'true_match' : 'false_positive';
}

/** Where an alert goes once a decision is recorded, given every match's disposition. */
export function afterDecision(
  dispositions: readonly (Disposition | null)[],
  fourEyes: boolean,
): { status: 'in_review' } | { status: 'pending_approval' | 'closed'; outcome: AlertOutcome } {
  if (dispositions.length === 0 || !dispositions.every(isFinal)) return { status: 'in_review' };
  return { status: fourEyes ? 'pending_approval' : 'closed', outcome: outcomeOf(dispositions) };
}

/** The status after an assignment: assigned work is in review; unassigned work nobody has decided on is open again. */
export function afterAssignment(status: AlertStatus, assignee: string | null, anyDecision: boolean): AlertStatus {
  if (status === 'pending_approval') return status;
  if (assignee !== null) return 'in_review';
  return anyDecision ? 'in_review' : 'open';
}
