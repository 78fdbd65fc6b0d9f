import type { Pool } from 'pg';
import { recordAudit } from '../audit';
import { withTransaction } from '../db';
import { AppError, notFound } from '../errors';
import type { ImportWarning } from './importers/parsed-list';
import type { ListSourceId } from './sources';

// Every source row is locked, so two lists disabled at once cannot both see the other as still screened.
const LOCK_SOURCES = `
  SELECT s.id, s.disabled_at, s.active_version_id
  FROM list_sources s ORDER BY s.id FOR UPDATE`;

const DISABLE_SOURCE = `UPDATE list_sources SET disabled_at = now(), disabled_reason = $2 WHERE id = $1 AND disabled_at IS NULL`;
const ENABLE_SOURCE = `UPDATE list_sources SET disabled_at = NULL, disabled_reason = NULL WHERE id = $1 AND disabled_at IS NOT NULL`;

export interface ListStateChange {
  source: ListSourceId;
  enabled: boolean;
  /** False when the list already was in that state: nothing changed, nobody needs telling. */
  changed: boolean;
}

/**
 * Turns a list off (its entities stay stored, screenings stop using it) or on again. Refuses to
 * turn off the last list screened against: every screening would then be a no-hit against
 * nothing, which a compliance team would read as clear.
 */
export async function setListEnabled(
  pool: Pool,
  source: ListSourceId,
  enabled: boolean,
  by: { actor?: string; reason?: string } = {},
): Promise<ListStateChange> {
  return withTransaction(pool, async (tx) => {
    const rows = (
      await tx.query<{ id: string; disabled_at: Date | null; active_version_id: string | null }>(LOCK_SOURCES)
    ).rows;
    const row = rows.find((r) => r.id === source);
    if (!row || row.active_version_id === null) throw notFound(`List ${source} (it has no version loaded)`);
    if (enabled) {
      const changed = (await tx.query(ENABLE_SOURCE, [source])).rowCount === 1;
      if (changed) await recordAudit(tx, { actor: by.actor, action: 'list.enabled', subject: source });
      return { source, enabled, changed };
    }
    if (row.disabled_at !== null) return { source, enabled, changed: false };
    const others = rows
      .filter((r) => r.id !== source && r.disabled_at === null && r.active_version_id !== null)
      .map((r) => r.id);
    if (others.length === 0) {
      throw new AppError(
        'conflict',
        `${source} is the only list screened against; load another list (e.g. npm run lists -- import --format un-xml --path consolidated.xml) before disabling it`,
      );
    }
    await tx.query(DISABLE_SOURCE, [source, by.reason ?? null]);
    await recordAudit(tx, {
      actor: by.actor,
      action: 'list.disabled',
      subject: source,
      details: { reason: by.reason ?? null, stillScreened: others },
    });
    return { source, enabled, changed: true };
  });
}

const WARNINGS_PAGE = `
  SELECT w.position, w.file, w.line, w.element, w.field, w.message
  FROM list_versions v JOIN list_version_warnings w ON w.version_id = v.id
  WHERE v.source_id = $1 AND v.version = $2 AND w.position > $3
  ORDER BY w.position
  LIMIT $4`;

export interface StoredWarning extends ImportWarning {
  /** From 1, in the order the import met them: pass the last one as `after` for the next page. */
  position: number;
}

/** One page of a version's warnings, in the order they were met. */
export async function versionWarnings(
  db: Pool,
  source: string,
  version: number,
  page: { after: number; limit: number },
): Promise<StoredWarning[]> {
  const { rows } = await db.query(WARNINGS_PAGE, [source, version, page.after, page.limit]);
  return rows.map((r) => ({
    position: r.position,
    file: r.file,
    ...(r.line !== null && { line: r.line }),
    ...(r.element !== null && { element: r.element }),
    ...(r.field !== null && { field: r.field }),
    message: r.message,
  }));
}
