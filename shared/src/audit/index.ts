import type { Pool, PoolClient } from 'pg';

export interface AuditEntry {
  actor?: string;
  action: string;
  subject?: string;
  details?: Record<string, unknown>;
}

const APPEND = `INSERT INTO audit_log (actor, action, subject, details) VALUES ($1, $2, $3, $4)`;

/** Appends to the audit trail; the table refuses updates and deletes. */
export async function recordAudit(db: Pool | PoolClient, entry: AuditEntry): Promise<void> {
  await db.query(APPEND, [
    entry.actor ?? null,
    entry.action,
    entry.subject ?? null,
    JSON.stringify(entry.details ?? {}),
  ]);
}
