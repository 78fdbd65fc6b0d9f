/** SQL of monitored customers. Every statement a route reaches filters by workspace: another workspace's customer is not found. */

const VIEW_COLUMNS = `c.id, c.reference, c.name, c.entity_type, c.birth_date, c.country, c.monitored, c.last_screening_id, c.created_at, c.updated_at`;

export const CUSTOMER_BY_REFERENCE = `
  SELECT ${VIEW_COLUMNS} FROM customers c WHERE c.workspace_id = $1 AND c.reference = $2`;

/**
 * New, changed or monitored again, in one statement; a customer deleted and put again starts a new monitoring life
 * (created_at). An unchanged monitored customer is not written (the caller checks first).
 */
export const UPSERT_CUSTOMER = `
  INSERT INTO customers AS c (workspace_id, reference, name, entity_type, birth_date, country, last_screening_id)
  VALUES ($1, $2, $3, $4, $5, $6, $7)
  ON CONFLICT (workspace_id, reference) DO UPDATE
  SET name = excluded.name, entity_type = excluded.entity_type, birth_date = excluded.birth_date, country = excluded.country,
      last_screening_id = excluded.last_screening_id, monitored = true, updated_at = clock_timestamp(),
      created_at = CASE WHEN c.monitored THEN c.created_at ELSE now() END
  RETURNING ${VIEW_COLUMNS}`;

/** Monitoring stops; the row stays, so its screenings and alerts keep pointing at it. */
export const STOP_MONITORING = `
  UPDATE customers SET monitored = false, updated_at = clock_timestamp()
  WHERE workspace_id = $1 AND reference = $2 AND monitored
  RETURNING id`;

/** Keyset page by reference; `q` matches the start of the reference or any part of the name, case-insensitively. */
export const LIST_CUSTOMERS = `
  SELECT ${VIEW_COLUMNS} FROM customers c
  WHERE c.workspace_id = $1 AND c.monitored AND c.reference > $2
    AND ($3::text IS NULL OR c.reference ILIKE $3 || '%' OR c.name ILIKE '%' || $3 || '%')
  ORDER BY c.reference
  LIMIT $4`;

/**
 * Batch rows with a reference become monitored customers of the batch's workspace (the last row wins when a file
 * repeats a reference). Unchanged customers are left as they are, so a re-upload of the same book is no change.
 */
export const UPSERT_CUSTOMERS_FROM_BATCH = `
  INSERT INTO customers AS c (workspace_id, reference, name, entity_type, birth_date, country)
  SELECT DISTINCT ON (r.reference) b.workspace_id, r.reference, r.name, r.type, r.birth_date, r.country
  FROM batches b JOIN batch_rows r ON r.batch_id = b.id
  WHERE b.id = $1 AND r.line BETWEEN $2 AND $3 AND r.reference IS NOT NULL
  ORDER BY r.reference, r.line DESC
  ON CONFLICT (workspace_id, reference) DO UPDATE
  SET name = excluded.name, entity_type = excluded.entity_type, birth_date = excluded.birth_date, country = excluded.country,
      monitored = true, updated_at = clock_timestamp()
  WHERE (c.name, c.entity_type, c.birth_date, c.country, c.monitored)
        IS DISTINCT FROM (excluded.name, excluded.entity_type, excluded.birth_date, excluded.country, true)`;

/** Bulk registration (the benchmark, operators' loads): one statement for many customers. */
export const UPSERT_CUSTOMERS_BULK = `
  INSERT INTO customers AS c (workspace_id, reference, name, entity_type, birth_date, country)
  SELECT $1, * FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[])
  ON CONFLICT (workspace_id, reference) DO UPDATE
  SET name = excluded.name, entity_type = excluded.entity_type, birth_date = excluded.birth_date, country = excluded.country,
      monitored = true, updated_at = clock_timestamp()`;

/** Alerts not yet closed per reference: screening, batch and monitoring alerts all carry the customer's reference. */
export const OPEN_ALERT_COUNTS = `
  SELECT reference, count(*)::int AS n FROM alerts
  WHERE workspace_id = $1 AND reference = ANY ($2::text[]) AND status <> 'closed'
  GROUP BY reference`;
