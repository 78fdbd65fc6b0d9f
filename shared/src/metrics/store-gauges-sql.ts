/** The active version of each list: a handful of rows, read at every scrape. */
export const ACTIVE_LIST_VERSIONS = `
  SELECT source_id, max(version)::int AS version FROM list_versions WHERE status = 'active' GROUP BY source_id`;

/** Alerts of every workspace not closed yet; the partial index alerts_not_closed (0050) keeps this an index-only count. */
export const OPEN_ALERTS = `SELECT count(*)::int AS n FROM alerts WHERE status <> 'closed'`;
