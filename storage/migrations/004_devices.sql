-- Counter devices: the print queue's jobs, member card versions with their
-- reprint/reissue log, and the store's member-card signing key.

-- Every job is stored before it is sent; a failed one keeps its reason.
CREATE TABLE print_jobs (
  id          TEXT PRIMARY KEY,
  kind        TEXT NOT NULL,
  title       TEXT NOT NULL,
  printer     TEXT NOT NULL,
  bytes       BLOB NOT NULL,
  state       TEXT NOT NULL CHECK (state IN ('queued', 'printed', 'failed', 'cancelled')),
  reason      TEXT NOT NULL DEFAULT '',
  attempts    INTEGER NOT NULL DEFAULT 0,
  reprint_of  TEXT REFERENCES print_jobs (id),
  created_at  INTEGER NOT NULL,
  updated_at  INTEGER NOT NULL
);
CREATE INDEX print_jobs_recent ON print_jobs (created_at DESC);
CREATE TRIGGER print_jobs_no_delete BEFORE DELETE ON print_jobs
BEGIN SELECT RAISE(ABORT, 'print jobs are kept as history'); END;

-- The Ed25519 seed of the store's member-card key pair, made when the database
-- is set up (SQLite's randomblob draws on the OS's randomness). It lives in the
-- database so backups carry it: a restored kiosk still accepts the cards.
CREATE TABLE member_card_key (
  one         INTEGER PRIMARY KEY CHECK (one = 1),
  seed        BLOB NOT NULL CHECK (length(seed) = 32),
  created_at  INTEGER NOT NULL
);
INSERT INTO member_card_key (one, seed, created_at)
VALUES (1, randomblob(32), CAST(strftime('%s', 'now') AS INTEGER) * 1000);
CREATE TRIGGER member_card_key_no_update BEFORE UPDATE ON member_card_key
BEGIN SELECT RAISE(ABORT, 'the card key is never replaced in place'); END;
CREATE TRIGGER member_card_key_no_delete BEFORE DELETE ON member_card_key
BEGIN SELECT RAISE(ABORT, 'the card key is never deleted'); END;

-- Append-only: every issue, reprint and reissue with who and why. The version
-- in force is the latest row's version.
CREATE TABLE member_card_log (
  seq        INTEGER PRIMARY KEY,
  member_no  TEXT NOT NULL,
  event      TEXT NOT NULL CHECK (event IN ('issue', 'reprint', 'reissue')),
  version    INTEGER NOT NULL CHECK (version >= 1),
  staff      TEXT NOT NULL REFERENCES staff (code),
  reason     TEXT NOT NULL,
  at         INTEGER NOT NULL
);
CREATE INDEX member_card_log_member ON member_card_log (member_no, seq);
CREATE TRIGGER member_card_log_no_update BEFORE UPDATE ON member_card_log
BEGIN SELECT RAISE(ABORT, 'member_card_log is append-only'); END;
CREATE TRIGGER member_card_log_no_delete BEFORE DELETE ON member_card_log
BEGIN SELECT RAISE(ABORT, 'member_card_log is append-only'); END;

-- The version in force per member (a cache of the log, checked by `verify`).
CREATE TABLE member_cards (
  member_no   TEXT PRIMARY KEY,
  version     INTEGER NOT NULL CHECK (version >= 1),
  updated_at  INTEGER NOT NULL
);
