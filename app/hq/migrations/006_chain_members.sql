-- Members across the chain (issue 18): every movement of a member's stored value
-- (principal, bonus), points, package sessions and arrears that a store uploads,
-- with the store that sold the value and the store that used it, and per-member
-- balances kept from them in the batch's transaction (only for events that were
-- new, so a resent event moves nothing twice). Keyed by member number: numbers
-- are chain-unique from here on (stores.number_block below).

-- The block of member numbers a store issues: M + two block digits + six digits.
-- Given at `store add`, in order; 0 (M00……) is what stores issued before.
ALTER TABLE stores ADD COLUMN number_block integer UNIQUE CHECK (number_block BETWEEN 1 AND 99);
UPDATE stores s SET number_block = o.n
  FROM (SELECT code, row_number() OVER (ORDER BY created_at, code) AS n FROM stores) o
  WHERE o.code = s.code AND o.n <= 99;

CREATE FUNCTION give_number_block() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.number_block IS NULL THEN
    SELECT COALESCE(max(number_block), 0) + 1 INTO NEW.number_block FROM stores;
    IF NEW.number_block > 99 THEN
      RAISE EXCEPTION 'the chain has used all 99 member-number blocks';
    END IF;
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER stores_number_block BEFORE INSERT ON stores FOR EACH ROW EXECUTE FUNCTION give_number_block();

-- A member as head office knows them: the store that registered them (or, for a
-- member first seen in a sale, the store that sold it).
CREATE TABLE chain_members (
  member_no  text PRIMARY KEY,
  home_store text NOT NULL,
  last_at    bigint NOT NULL DEFAULT 0      -- kiosk clock of the latest movement, ms
);

-- A member's balances per selling store (settlement between stores reads these):
-- stored value, points earned there, arrears that store gave credit for.
CREATE TABLE member_value (
  member_no text NOT NULL,
  sold_by   text NOT NULL,
  principal bigint NOT NULL DEFAULT 0,
  bonus     bigint NOT NULL DEFAULT 0,
  points    bigint NOT NULL DEFAULT 0,
  arrears   bigint NOT NULL DEFAULT 0,
  first_at  bigint NOT NULL,                -- spends take from the oldest first
  PRIMARY KEY (member_no, sold_by)
);

CREATE TABLE member_packages (
  package       text PRIMARY KEY,           -- the kiosk's "<sale id>/<line>"
  member_no     text NOT NULL,
  service       text NOT NULL,
  sold_by       text NOT NULL,
  sessions_left integer NOT NULL DEFAULT 0,
  expires       text NOT NULL DEFAULT ''    -- YYYY-MM-DD, the selling store's day
);
CREATE INDEX member_packages_member ON member_packages (member_no);

-- Append-only: one row per movement (a spend across two selling stores is two rows).
CREATE TABLE member_movements (
  id        bigserial PRIMARY KEY,
  event_id  uuid NOT NULL,                  -- the kiosk event that moved it
  member_no text NOT NULL,
  kind      text NOT NULL CHECK (kind IN ('stored_value', 'points', 'package', 'arrears')),
  reason    text NOT NULL,                  -- the kiosk's ledger kind: top_up, spend, earn, use, charge, ...
  principal bigint NOT NULL DEFAULT 0,
  bonus     bigint NOT NULL DEFAULT 0,
  points    bigint NOT NULL DEFAULT 0,
  package   text,
  sessions  integer NOT NULL DEFAULT 0,
  arrears   bigint NOT NULL DEFAULT 0,
  sold_by   text NOT NULL,                  -- the store that sold the value
  used_at   text NOT NULL,                  -- the store where it moved
  at        bigint NOT NULL                 -- kiosk clock, ms
);
CREATE INDEX member_movements_member ON member_movements (member_no, id);
CREATE INDEX member_movements_event ON member_movements (event_id);
CREATE FUNCTION member_movements_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN RAISE EXCEPTION 'member_movements is append-only'; END $$;
CREATE TRIGGER member_movements_no_change BEFORE UPDATE OR DELETE ON member_movements
  FOR EACH ROW EXECUTE FUNCTION member_movements_append_only();

-- Every look at a member's balances or file from a store (GET /api/v1/members/...):
-- who asked, from where, and why; the store audits the same view on its side.
CREATE TABLE member_views (
  id        bigserial PRIMARY KEY,
  store     text NOT NULL,
  staff     text NOT NULL,
  member_no text NOT NULL,
  purpose   text NOT NULL,
  what      text NOT NULL,                  -- balance
  at        timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX member_views_member ON member_views (member_no, at);
