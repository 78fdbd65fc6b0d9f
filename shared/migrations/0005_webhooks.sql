-- Webhooks: subscriptions, the event outbox, one delivery per (event, subscription), and every attempt.
CREATE TABLE webhook_subscriptions (
  id                         uuid PRIMARY KEY,
  api_key_id                 uuid REFERENCES api_keys (id),
  url                        text NOT NULL,
  events                     text[] NOT NULL,
  description                text,
  -- { minScore?, lists?, programs? }: narrows the events that carry matches (and list.updated by list).
  filters                    jsonb NOT NULL DEFAULT '{}',
  -- Kept as is, unlike API keys (hashed): the worker must hold the secret itself to compute the HMAC.
  secret                     text NOT NULL,
  -- After a rotation the old secret still signs, beside the new one, until it expires.
  previous_secret            text,
  previous_secret_expires_at timestamptz,
  status                     text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'disabled')),
  disabled_reason            text,
  -- Set by the first failed attempt after a success; a subscription failing for too long is disabled.
  failing_since              timestamptz,
  created_at                 timestamptz NOT NULL DEFAULT now(),
  updated_at                 timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX webhook_subscriptions_by_key ON webhook_subscriptions (api_key_id, created_at);

-- The outbox: written in the transaction that records the fact, fanned out to deliveries by the dispatcher.
-- Ids are derived from the fact (e.g. md5('screening.hit:' || screening id)) so a fact yields its event once.
CREATE TABLE webhook_events (
  id              uuid PRIMARY KEY,
  type            text NOT NULL,
  -- Whose screening or batch it is: only that key's subscriptions (and admin keys') receive it. NULL: everyone's.
  api_key_id      uuid,
  -- Test events go to this subscription only.
  subscription_id uuid REFERENCES webhook_subscriptions (id) ON DELETE CASCADE,
  -- What subscription filters look at; NULL where a filter does not apply to the event.
  score           real,
  lists           text[],
  programs        text[],
  data            jsonb NOT NULL,
  created_at      timestamptz NOT NULL DEFAULT now(),
  dispatched_at   timestamptz
);

CREATE INDEX webhook_events_undispatched ON webhook_events (created_at) WHERE dispatched_at IS NULL;

CREATE TABLE webhook_deliveries (
  id               uuid PRIMARY KEY,
  event_id         uuid NOT NULL REFERENCES webhook_events (id) ON DELETE CASCADE,
  subscription_id  uuid NOT NULL REFERENCES webhook_subscriptions (id) ON DELETE CASCADE,
  status           text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'succeeded', 'dead')),
  -- Attempts started; the job of attempt n + 1 only runs while this is n.
  attempts         integer NOT NULL DEFAULT 0,
  -- When the next attempt is due (or, while one runs, when its lease ends): the reconciler's clock.
  next_attempt_at  timestamptz NOT NULL DEFAULT now(),
  -- No retry is scheduled past this; the delivery is then dead-lettered.
  retry_until      timestamptz NOT NULL,
  last_status_code integer,
  last_error       text,
  created_at       timestamptz NOT NULL DEFAULT now(),
  updated_at       timestamptz NOT NULL DEFAULT now(),
  delivered_at     timestamptz,
  UNIQUE (event_id, subscription_id)
);

CREATE INDEX webhook_deliveries_due ON webhook_deliveries (next_attempt_at) WHERE status = 'pending';
CREATE INDEX webhook_deliveries_by_subscription ON webhook_deliveries (subscription_id, created_at DESC, id DESC);

CREATE TABLE webhook_attempts (
  delivery_id      uuid NOT NULL REFERENCES webhook_deliveries (id) ON DELETE CASCADE,
  attempt          integer NOT NULL,
  started_at       timestamptz NOT NULL,
  status_code      integer,
  latency_ms       integer NOT NULL,
  error            text,
  -- The first KiB of the response body, enough to see why a receiver refused.
  response_excerpt text,
  PRIMARY KEY (delivery_id, attempt)
);
