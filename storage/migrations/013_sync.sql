-- Head-office sync (app/hq/PROTOCOL.md). The outbox gets a per-store sequence:
-- 1, 2, 3, ... with no gaps, given in the same transaction as the business
-- action. It is an explicit column, not the rowid, because VACUUM may renumber
-- the rowids of a table without an INTEGER PRIMARY KEY. Rows already written
-- are numbered in the order they were written.
ALTER TABLE outbox ADD COLUMN seq INTEGER;
UPDATE outbox SET seq = numbered.n
  FROM (SELECT rowid AS rid, row_number() OVER (ORDER BY rowid) AS n FROM outbox) AS numbered
  WHERE outbox.rowid = numbered.rid;
CREATE UNIQUE INDEX outbox_seq ON outbox (seq);
-- What waits to go up, oldest first.
CREATE INDEX outbox_waiting ON outbox (seq) WHERE sent_at IS NULL;

-- The store's enrolment with its head office: one row once enrolled.
CREATE TABLE sync_state (
  one               INTEGER PRIMARY KEY CHECK (one = 1),
  hq_url            TEXT NOT NULL,
  store_code        TEXT NOT NULL,
  token_sealed      TEXT NOT NULL,   -- sealed with this machine's key, like backup.key
  cert_fingerprint  TEXT NOT NULL,   -- SHA-256 of the server certificate's DER, lower-case hex
  enrolled_at       INTEGER NOT NULL,
  cursor            TEXT NOT NULL DEFAULT '',  -- down-sync: HQ's opaque cursor
  received          INTEGER NOT NULL DEFAULT 0, -- changes applied from HQ
  last_contact      INTEGER,                   -- the last answer HQ gave (kiosk clock)
  last_error        TEXT NOT NULL DEFAULT '',  -- the last failure's stable code, '' after a success
  hq_stored_through INTEGER NOT NULL DEFAULT 0, -- the highest seq HQ said it holds
  -- Restored from an older backup: HQ holds events up to behind_through that this
  -- kiosk lost. Uploading stops until a manager acknowledges it; new events are
  -- numbered after seq_floor so no number HQ holds is used twice.
  behind_through    INTEGER NOT NULL DEFAULT 0,
  seq_floor         INTEGER NOT NULL DEFAULT 0,
  -- Acknowledged: HQ's chain head up to this event number belongs to the lost
  -- history, so it is not held against this kiosk until its own next upload.
  resumed_after     INTEGER NOT NULL DEFAULT 0
);

-- What head office owns here: catalog items and this store's price overrides,
-- as HQ last sent them (body = HQ's JSON). Local edits of these are refused.
CREATE TABLE hq_owned (
  kind TEXT NOT NULL,
  key  TEXT NOT NULL,
  body TEXT NOT NULL,
  PRIMARY KEY (kind, key)
);
