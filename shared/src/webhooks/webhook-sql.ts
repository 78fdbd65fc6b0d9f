const SUBSCRIPTION_COLUMNS = `
  id, api_key_id, url, events, description, filters, status, disabled_reason, failing_since,
  CASE WHEN previous_secret_expires_at > now() THEN previous_secret_expires_at END AS previous_secret_expires_at,
  created_at, updated_at`;

export const INSERT_SUBSCRIPTION = `
  INSERT INTO webhook_subscriptions (id, api_key_id, url, events, description, filters, secret, workspace_id)
  VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
  RETURNING ${SUBSCRIPTION_COLUMNS}`;

/** Only within workspace $2: another workspace's subscription is not found. */
export const SUBSCRIPTION_BY_ID = `
  SELECT ${SUBSCRIPTION_COLUMNS} FROM webhook_subscriptions
  WHERE id = $1 AND workspace_id = $2`;

export const SUBSCRIPTIONS_OF_WORKSPACE = `
  SELECT ${SUBSCRIPTION_COLUMNS} FROM webhook_subscriptions
  WHERE workspace_id = $1
  ORDER BY created_at, id
  LIMIT 1000`;

/** A null parameter keeps the column; re-enabling clears the reason and the failure clock. */
export const UPDATE_SUBSCRIPTION = `
  UPDATE webhook_subscriptions
  SET url = coalesce($3, url),
      events = coalesce($4, events),
      description = CASE WHEN $5::boolean THEN $6 ELSE description END,
      filters = coalesce($7, filters),
      status = coalesce($8, status),
      disabled_reason = CASE WHEN $8 = 'active' THEN NULL WHEN $8 = 'disabled' THEN 'Disabled through the API' ELSE disabled_reason END,
      failing_since = CASE WHEN $8 = 'active' THEN NULL ELSE failing_since END,
      updated_at = now()
  WHERE id = $1 AND workspace_id = $2
  RETURNING ${SUBSCRIPTION_COLUMNS}`;

export const DELETE_SUBSCRIPTION = `
  DELETE FROM webhook_subscriptions WHERE id = $1 AND workspace_id = $2 RETURNING id`;

/** The old secret keeps signing, beside the new one, until the grace period ends. */
export const ROTATE_SECRET = `
  UPDATE webhook_subscriptions
  SET previous_secret = CASE WHEN $4::double precision > 0 THEN secret END,
      previous_secret_expires_at = CASE WHEN $4::double precision > 0 THEN now() + make_interval(secs => $4::double precision) END,
      secret = $3,
      updated_at = now()
  WHERE id = $1 AND workspace_id = $2
  RETURNING ${SUBSCRIPTION_COLUMNS}`;

const DELIVERY_COLUMNS = `
  d.id, d.event_id, e.type AS event_type, d.status, d.attempts, d.next_attempt_at, d.retry_until, d.last_status_code,
  d.last_error, d.created_at, d.updated_at, d.delivered_at,
  coalesce((SELECT jsonb_agg(jsonb_build_object(
                     'attempt', a.attempt, 'startedAt', a.started_at, 'statusCode', a.status_code, 'latencyMs', a.latency_ms,
                     'error', a.error, 'responseExcerpt', a.response_excerpt) ORDER BY a.attempt)
            FROM webhook_attempts a WHERE a.delivery_id = d.id), '[]') AS attempt_log`;

/** Newest first; $3 is the last delivery id of the previous page. */
export const DELIVERIES_PAGE = `
  SELECT ${DELIVERY_COLUMNS}
  FROM webhook_deliveries d JOIN webhook_events e ON e.id = d.event_id
  WHERE d.subscription_id = $1
    AND ($2::text IS NULL OR d.status = $2)
    AND ($3::uuid IS NULL OR (d.created_at, d.id) < (SELECT c.created_at, c.id FROM webhook_deliveries c WHERE c.id = $3))
  ORDER BY d.created_at DESC, d.id DESC
  LIMIT $4`;

export const DELIVERY_BY_ID = `
  SELECT ${DELIVERY_COLUMNS}
  FROM webhook_deliveries d JOIN webhook_events e ON e.id = d.event_id
  WHERE d.id = $1 AND d.subscription_id = $2`;

/** A finished delivery goes back to pending with a fresh retry window; attempts keep counting. */
export const REDELIVER = `
  UPDATE webhook_deliveries
  SET status = 'pending', next_attempt_at = now(), retry_until = now() + make_interval(secs => $3::double precision / 1000),
      updated_at = now()
  WHERE id = $1 AND subscription_id = $2 AND status IN ('dead', 'succeeded')
  RETURNING id, attempts`;

/**
 * Turns a page of undispatched events into deliveries for the active subscriptions that take
 * them. SKIP LOCKED lets several dispatchers share the outbox; ON CONFLICT makes a redone page harmless.
 * Events of a workspace go to that workspace's subscriptions, events of none (list.updated) to every workspace's;
 * filters narrow what carries matches.
 */
export const DISPATCH_EVENTS = `
  WITH page AS (
    SELECT id FROM webhook_events
    WHERE dispatched_at IS NULL
    ORDER BY created_at
    LIMIT $1
    FOR UPDATE SKIP LOCKED
  ), marked AS (
    UPDATE webhook_events e SET dispatched_at = now()
    FROM page WHERE e.id = page.id
    RETURNING e.id, e.type, e.workspace_id, e.subscription_id, e.score, e.lists, e.programs
  ), inserted AS (
    INSERT INTO webhook_deliveries (id, event_id, subscription_id, retry_until)
    SELECT gen_random_uuid(), m.id, s.id, now() + make_interval(secs => $2::double precision / 1000)
    FROM marked m
    JOIN webhook_subscriptions s ON s.status = 'active'
    WHERE CASE
      WHEN m.subscription_id IS NOT NULL THEN m.subscription_id = s.id
      ELSE m.type = ANY (s.events)
        AND (m.workspace_id IS NULL OR s.workspace_id = m.workspace_id)
        AND (m.score IS NULL OR NOT s.filters ? 'minScore' OR m.score >= (s.filters ->> 'minScore')::real)
        AND (m.lists IS NULL OR NOT s.filters ? 'lists' OR m.lists && ARRAY(SELECT jsonb_array_elements_text(s.filters -> 'lists')))
        AND (m.programs IS NULL OR NOT s.filters ? 'programs' OR m.programs && ARRAY(SELECT jsonb_array_elements_text(s.filters -> 'programs')))
    END
    ON CONFLICT (event_id, subscription_id) DO NOTHING
    RETURNING id, attempts
  )
  SELECT (SELECT count(*)::int FROM marked) AS events, coalesce((SELECT jsonb_agg(jsonb_build_object('id', id, 'attempts', attempts)) FROM inserted), '[]') AS deliveries`;

/** Pending deliveries whose attempt is overdue: their job was lost with Redis, or never added. */
export const OVERDUE_DELIVERIES = `
  SELECT id, attempts FROM webhook_deliveries
  WHERE status = 'pending' AND next_attempt_at < now() - make_interval(secs => $1::double precision / 1000)
  ORDER BY next_attempt_at
  LIMIT $2`;

/**
 * Starts attempt $2 of a pending delivery, once: the attempt count moves only from $2 - 1, so a
 * duplicated or stale job finds nothing. The lease keeps the reconciler off while it runs.
 */
export const CLAIM_ATTEMPT = `
  WITH claimed AS (
    UPDATE webhook_deliveries
    SET attempts = attempts + 1, next_attempt_at = now() + make_interval(secs => $3::double precision / 1000), updated_at = now()
    WHERE id = $1 AND status = 'pending' AND attempts = $2 - 1
    RETURNING id, event_id, subscription_id, retry_until
  )
  SELECT c.id, c.retry_until, s.id AS subscription_id, s.url, s.status AS subscription_status, s.secret,
         CASE WHEN s.previous_secret_expires_at > now() THEN s.previous_secret END AS previous_secret,
         e.id AS event_id, e.type, e.created_at AS event_created_at, e.data
  FROM claimed c
  JOIN webhook_subscriptions s ON s.id = c.subscription_id
  JOIN webhook_events e ON e.id = c.event_id`;

export const LOCK_SUBSCRIPTION = `SELECT id FROM webhook_subscriptions WHERE id = $1 FOR NO KEY UPDATE`;

export const INSERT_ATTEMPT = `
  INSERT INTO webhook_attempts (delivery_id, attempt, started_at, status_code, latency_ms, error, response_excerpt)
  VALUES ($1, $2, $3, $4, $5, $6, $7)
  ON CONFLICT (delivery_id, attempt) DO NOTHING`;

/** $3: succeeded, pending (a retry at $6) or dead. Only the attempt that holds the delivery may finish it. */
export const FINISH_ATTEMPT = `
  UPDATE webhook_deliveries
  SET status = $3, last_status_code = $4, last_error = $5,
      next_attempt_at = coalesce($6, next_attempt_at),
      delivered_at = CASE WHEN $3 = 'succeeded' THEN now() ELSE delivered_at END,
      updated_at = now()
  WHERE id = $1 AND attempts = $2 AND status = 'pending'
  RETURNING id`;

export const SUBSCRIPTION_SUCCEEDED = `
  UPDATE webhook_subscriptions SET failing_since = NULL WHERE id = $1 AND failing_since IS NOT NULL`;

/** Starts the failure clock, and disables the subscription once it has run for $2 ms. */
export const SUBSCRIPTION_FAILED = `
  UPDATE webhook_subscriptions
  SET failing_since = coalesce(failing_since, now()),
      status = CASE WHEN coalesce(failing_since, now()) <= now() - make_interval(secs => $2::double precision / 1000) THEN 'disabled' ELSE status END,
      disabled_reason = CASE WHEN coalesce(failing_since, now()) <= now() - make_interval(secs => $2::double precision / 1000) AND status = 'active'
        THEN 'Every delivery has failed since ' || to_char(coalesce(failing_since, now()) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') || '; the last error: ' || $3
        ELSE disabled_reason END,
      updated_at = now()
  WHERE id = $1 AND status = 'active'
  RETURNING status`;
