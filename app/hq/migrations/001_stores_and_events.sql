-- Head office: the stores, the events they upload, and what was refused.
-- Each event keeps its kiosk-made UUID (the key: stored once) and the store's
-- sequence number (UNIQUE per store: HQ orders by seq and refuses gaps).

CREATE TABLE hq_settings (
  key        text PRIMARY KEY,            -- public_url, cert_fingerprint
  value      text NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE stores (
  code           text PRIMARY KEY CHECK (code ~ '^[A-Za-z0-9_-]{1,32}$'),
  name           text NOT NULL,
  token_hash     text NOT NULL UNIQUE CHECK (token_hash ~ '^[0-9a-f]{64}$'),  -- sha256(token), hex
  created_at     timestamptz NOT NULL DEFAULT now(),
  revoked_at     timestamptz,
  stored_through bigint NOT NULL DEFAULT 0 CHECK (stored_through >= 0),       -- highest seq stored
  clock_skew_ms  bigint NOT NULL DEFAULT 0,   -- kiosk clock minus HQ clock, when beyond 5 minutes
  skew_seen_at   timestamptz,
  last_contact   timestamptz
);

-- Hot tables (events and the projections) carry no foreign keys: they are written
-- only by the batch transaction, which holds the store's row lock, and a foreign
-- key check per row (a row lock on stores each time) costs more than the batch.
-- Not partitioned yet: a month partition needs the partition key in every unique
-- key, so the id guard would move to a small unpartitioned event_ids table
-- (id PRIMARY KEY, store, seq) and events would be PARTITION BY RANGE (received_at).
CREATE TABLE events (
  id          uuid PRIMARY KEY,
  store       text NOT NULL,
  seq         bigint NOT NULL CHECK (seq > 0),
  type        text NOT NULL,
  at          bigint NOT NULL,             -- kiosk clock, ms since the epoch (never used to order)
  day         date NOT NULL,               -- the kiosk's business day
  payload     jsonb NOT NULL,
  batch       uuid NOT NULL,
  received_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (store, seq)
);

CREATE TABLE batches (
  id          uuid PRIMARY KEY,            -- the kiosk's batch id: one commit per id
  store       text NOT NULL REFERENCES stores (code),
  at          timestamptz NOT NULL DEFAULT now(),
  sent_at     bigint NOT NULL,             -- kiosk clock, ms
  outcome     text NOT NULL CHECK (outcome IN ('stored', 'duplicate')),
  first_seq   bigint,
  last_seq    bigint,
  new_events  integer NOT NULL DEFAULT 0,
  duplicates  integer NOT NULL DEFAULT 0,
  quarantined integer NOT NULL DEFAULT 0
);
CREATE INDEX batches_store ON batches (store, at);

-- An event HQ could not project: stored here with the reason; the queue moves on.
CREATE TABLE quarantine (
  id       bigserial PRIMARY KEY,
  store    text NOT NULL,
  event_id uuid NOT NULL,
  seq      bigint NOT NULL,
  type     text NOT NULL,
  reason   text NOT NULL,
  payload  jsonb,
  batch    uuid NOT NULL,
  at       timestamptz NOT NULL DEFAULT now()
);

-- Every audit-chain head a store ever uploaded, in the order received.
CREATE TABLE chain_heads (
  id          bigserial PRIMARY KEY,
  store       text NOT NULL REFERENCES stores (code),
  seq         bigint NOT NULL,
  hash        text NOT NULL,
  batch       uuid NOT NULL,
  received_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (store, seq, hash)
);

-- Refused requests: unknown or revoked tokens, tampered and replayed batches.
CREATE TABLE refusals (
  id     bigserial PRIMARY KEY,
  at     timestamptz NOT NULL DEFAULT now(),
  store  text,
  remote text NOT NULL,
  code   text NOT NULL,
  detail text NOT NULL
);
