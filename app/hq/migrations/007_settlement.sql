-- Cross-store settlement and the owner's dashboard (issue 18).
--
-- Settlement: stored value sold by store A and used in store B means A holds the
-- customer's money and B did the work, so A owes B the principal used (app/hq/settlement.h
-- has the whole rule; README "Cross-store settlement"). A month is computed from
-- member_movements by the business day of the event that moved the value, until
-- finance signs it: then its figures are these rows, never recomputed, and the
-- movements it took are listed in settled_movements. A movement dated in a signed
-- month that no signature took (it arrived late) goes into the next open month as
-- an adjustment. All three tables are append-only.

CREATE TABLE settlement_months (
  month         text PRIMARY KEY CHECK (month ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
  signed_by     text NOT NULL,              -- a dashboard login (finance or owner)
  signed_at     timestamptz NOT NULL DEFAULT now(),
  bonus_rate_bp integer NOT NULL CHECK (bonus_rate_bp BETWEEN 0 AND 10000)
);

CREATE TABLE settlement_cells (
  month         text NOT NULL REFERENCES settlement_months (month),
  payer         text NOT NULL,              -- the store that sold the value
  payee         text NOT NULL,              -- the store where it was used
  principal     bigint NOT NULL,            -- principal used, fen (late movements included)
  bonus         bigint NOT NULL,            -- bonus used, fen
  bonus_settled bigint NOT NULL,            -- bonus × the month's rate, rounded half away from zero
  adjustment    bigint NOT NULL,            -- the part of amount from earlier signed months
  amount        bigint NOT NULL,            -- principal + bonus_settled: what payer owes payee
  PRIMARY KEY (month, payer, payee)
);

CREATE TABLE settled_movements (
  movement_id bigint PRIMARY KEY,           -- member_movements.id
  month       text NOT NULL REFERENCES settlement_months (month)
);

CREATE FUNCTION settlement_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN RAISE EXCEPTION '% is append-only: a signed month is never changed', TG_TABLE_NAME; END $$;
CREATE TRIGGER settlement_months_no_change BEFORE UPDATE OR DELETE ON settlement_months
  FOR EACH ROW EXECUTE FUNCTION settlement_append_only();
CREATE TRIGGER settlement_cells_no_change BEFORE UPDATE OR DELETE ON settlement_cells
  FOR EACH ROW EXECUTE FUNCTION settlement_append_only();
CREATE TRIGGER settled_movements_no_change BEFORE UPDATE OR DELETE ON settled_movements
  FOR EACH ROW EXECUTE FUNCTION settlement_append_only();

-- The dashboard reads sales by staff and record-keeping from the events by store and day.
CREATE INDEX events_store_day ON events (store, day, type);
CREATE INDEX member_movements_settlement ON member_movements (kind, sold_by, used_at) WHERE sold_by <> used_at;

-- The dashboard's people: the chain's owner, finance, and area managers (limited to
-- their stores). Passwords are PBKDF2-HMAC-SHA256 (app/hq/dashboard_users.h), never kept plain.
CREATE TABLE dashboard_users (
  login         text PRIMARY KEY CHECK (login ~ '^[A-Za-z0-9_.-]{1,64}$'),
  name          text NOT NULL,
  role          text NOT NULL CHECK (role IN ('owner', 'finance', 'area_manager')),
  stores        text[] NOT NULL DEFAULT '{}', -- an area manager's stores; empty for the others
  password_hash text NOT NULL,
  failed_logins integer NOT NULL DEFAULT 0,
  locked_until  timestamptz,
  created_at    timestamptz NOT NULL DEFAULT now(),
  disabled_at   timestamptz
);

CREATE TABLE dashboard_sessions (
  token_hash text PRIMARY KEY CHECK (token_hash ~ '^[0-9a-f]{64}$'),  -- sha256 of the cookie
  login      text NOT NULL REFERENCES dashboard_users (login),
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL
);
CREATE INDEX dashboard_sessions_login ON dashboard_sessions (login);
