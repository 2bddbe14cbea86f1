-- Money owned by head office (issue 18): every sale that spent a member's
-- chain-wide stored value or points at an enrolled store, written in the sale's
-- transaction. mode 'hq': head office debited it first (keyed by the sale id);
-- 'offline': head office could not be asked, and the store's offline allowances
-- (chain.offline.*) covered it; these count against the allowances until the
-- next contact with head office. Append-only like the sale it belongs to.
CREATE TABLE chain_spends (
  sale_id     TEXT PRIMARY KEY REFERENCES sales (id),
  customer_id INTEGER NOT NULL REFERENCES customers (id),
  member_no   TEXT NOT NULL,
  mode        TEXT NOT NULL CHECK (mode IN ('hq', 'offline')),
  principal   INTEGER NOT NULL CHECK (principal >= 0),
  bonus       INTEGER NOT NULL CHECK (bonus >= 0),
  points      INTEGER NOT NULL CHECK (points >= 0),
  worth       INTEGER NOT NULL,            -- fen: principal + bonus + points at the store's fen per point
  approved_by TEXT NOT NULL DEFAULT '',    -- the manager whose PIN let an offline spend past the member's allowance
  at          INTEGER NOT NULL
);
CREATE INDEX chain_spends_offline ON chain_spends (mode, at);
CREATE TRIGGER chain_spends_no_update BEFORE UPDATE ON chain_spends
  BEGIN SELECT RAISE(ABORT, 'chain_spends is append-only'); END;
CREATE TRIGGER chain_spends_no_delete BEFORE DELETE ON chain_spends
  BEGIN SELECT RAISE(ABORT, 'chain_spends is append-only'); END;

-- A sale head office found overdrew a member (member.overdraw, down): the arrears
-- it became, posted here once (an arrears_ledger row 'overdraw' under the sale's
-- id, with the audit entry chain.overdraw); counted as "overdraws" by
-- `sync status` (the store's alert; there is no acknowledging it yet).
CREATE TABLE chain_overdraws (
  sale_id     TEXT PRIMARY KEY,
  customer_id INTEGER REFERENCES customers (id),
  member_no   TEXT NOT NULL,
  arrears     INTEGER NOT NULL,
  points      INTEGER NOT NULL,
  at          INTEGER NOT NULL
);
