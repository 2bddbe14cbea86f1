-- Moving in from another system: each import of members (with their balances),
-- packages or appointments is kept with its file's SHA-256 (the same file is
-- never imported twice) and its control totals. Opening balances enter the
-- ledgers as kind 'opening' entries whose sale_id is the import's id.
CREATE TABLE member_imports (
  id                 TEXT PRIMARY KEY,
  kind               TEXT NOT NULL CHECK (kind IN ('members', 'packages', 'appointments')),
  file_name          TEXT NOT NULL,
  sha256             TEXT NOT NULL,
  rows               INTEGER NOT NULL,
  imported           INTEGER NOT NULL,
  members            INTEGER NOT NULL DEFAULT 0,
  stored_value       INTEGER NOT NULL DEFAULT 0,
  stored_value_bonus INTEGER NOT NULL DEFAULT 0,
  points             INTEGER NOT NULL DEFAULT 0,
  package_sessions   INTEGER NOT NULL DEFAULT 0,
  package_value      INTEGER NOT NULL DEFAULT 0,
  arrears            INTEGER NOT NULL DEFAULT 0,
  at                 INTEGER NOT NULL,
  staff              TEXT NOT NULL REFERENCES staff (code)
);
CREATE UNIQUE INDEX member_imports_file ON member_imports (kind, sha256);
CREATE TRIGGER member_imports_no_update BEFORE UPDATE ON member_imports
BEGIN SELECT RAISE(ABORT, 'member_imports is append-only'); END;
CREATE TRIGGER member_imports_no_delete BEFORE DELETE ON member_imports
BEGIN SELECT RAISE(ABORT, 'member_imports is append-only'); END;

-- What the old system knew of a member and the kiosk has no other place for.
CREATE TABLE imported_members (
  customer_id  INTEGER PRIMARY KEY REFERENCES customers (id),
  import_id    TEXT NOT NULL REFERENCES member_imports (id),
  line         INTEGER NOT NULL,
  member_since TEXT,   -- YYYY-MM-DD
  last_visit   TEXT    -- YYYY-MM-DD
);
CREATE INDEX imported_members_import ON imported_members (import_id);
