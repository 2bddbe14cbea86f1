-- Money owned by head office (issue 18): a store that is online spends a member's
-- chain-wide stored value and points through a head-office debit keyed by the
-- sale's id, made before the sale is committed at the counter. The debit holds
-- the value (the balance others see and may spend is member_value less the open
-- debits); the sale's upload posts the movements as always (member_movements) and
-- ends the debit as "posted" in the batch's transaction. A debit the store takes
-- back (its sale was refused after all) ends "released"; one whose sale has not
-- arrived after chain setting debits.hold_hours (default 24) stops holding and is
-- listed as stale (`salon-hq debits list --stale`). Both tables are append-only.
CREATE TABLE member_debits (
  id        bigserial PRIMARY KEY,
  sale      uuid NOT NULL,                  -- the kiosk's sale id (its outbox event id)
  store     text NOT NULL,
  member_no text NOT NULL,
  staff     text NOT NULL DEFAULT '',
  principal bigint NOT NULL CHECK (principal >= 0),
  bonus     bigint NOT NULL CHECK (bonus >= 0),
  points    bigint NOT NULL CHECK (points >= 0),
  at        timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX member_debits_member ON member_debits (member_no, at);
-- A sale has one debit, or another after its earlier one was released.
CREATE INDEX member_debits_sale ON member_debits (sale, id);

CREATE TABLE member_debit_ends (
  debit bigint PRIMARY KEY REFERENCES member_debits (id),
  how  text NOT NULL CHECK (how IN ('posted', 'released')),
  at   timestamptz NOT NULL DEFAULT now()
);

-- A sale uploaded that took more stored value or points than the member had at
-- head office (an offline sale within the store's allowances, or two offline
-- stores at once): posted anyway; the shortfall becomes arrears on the member
-- (movement reason "overdraw") and an alert here, and goes down to the store
-- that made the sale as `member.overdraw`.
CREATE TABLE member_overdraws (
  id        bigserial PRIMARY KEY,
  event_id  uuid NOT NULL UNIQUE,           -- the sale that overdrew
  store     text NOT NULL,
  member_no text NOT NULL,
  stored_value bigint NOT NULL,             -- fen taken beyond the balance (now arrears)
  points    bigint NOT NULL,                -- points taken beyond the balance (written off as 0)
  at        timestamptz NOT NULL DEFAULT now()
);

CREATE FUNCTION chain_money_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN RAISE EXCEPTION '% is append-only', TG_TABLE_NAME; END $$;
CREATE TRIGGER member_debits_no_change BEFORE UPDATE OR DELETE ON member_debits
  FOR EACH ROW EXECUTE FUNCTION chain_money_append_only();
CREATE TRIGGER member_debit_ends_no_change BEFORE UPDATE OR DELETE ON member_debit_ends
  FOR EACH ROW EXECUTE FUNCTION chain_money_append_only();
CREATE TRIGGER member_overdraws_no_change BEFORE UPDATE OR DELETE ON member_overdraws
  FOR EACH ROW EXECUTE FUNCTION chain_money_append_only();

-- The debits still holding value: not ended, younger than debits.hold_hours.
CREATE VIEW open_member_debits AS
  SELECT d.* FROM member_debits d
  WHERE NOT EXISTS (SELECT 1 FROM member_debit_ends e WHERE e.debit = d.id)
    AND d.at > now() - make_interval(hours => COALESCE(
          (SELECT value::int FROM chain_settings WHERE key = 'debits.hold_hours' AND value ~ '^[0-9]{1,5}$'), 24));

-- Member cards across the chain: any store accepts any store's card (each store's
-- card-signing public keys go to every store), and a reissue in one store revokes
-- the old card everywhere (the version in force goes to every store).
CREATE TABLE store_card_keys (
  store text PRIMARY KEY,
  keys  jsonb NOT NULL,                     -- hex public keys, every generation, the current first
  at    timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE chain_member_cards (
  member_no text PRIMARY KEY,
  version   integer NOT NULL,               -- the version in force (the highest any store issued)
  store     text NOT NULL,                  -- the store that issued it
  at        timestamptz NOT NULL DEFAULT now()
);
