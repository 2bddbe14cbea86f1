-- Customer files (顾客档案). Files are never deleted.
-- Base columns other modules rely on: id, file_no, member_no, name, phone,
-- birthday, status, created_at. The customer-files work extends this file.

CREATE TABLE customers (
  id          INTEGER PRIMARY KEY,
  file_no     TEXT NOT NULL UNIQUE,          -- store code + year + sequence: S01-2026-000123
  member_no   TEXT UNIQUE,                   -- 'M' + 8 digits, NULL for a non-member
  name        TEXT NOT NULL,
  phone       TEXT NOT NULL,                 -- normalised: 13800138000, +85291234567, 021-62881234
  birthday    TEXT,                          -- YYYY-MM-DD or NULL
  status      TEXT NOT NULL DEFAULT 'pending_review'
              CHECK (status IN ('pending_review', 'in_force', 'returned')),
  created_at  INTEGER NOT NULL,
  created_by  TEXT NOT NULL REFERENCES staff (code)
);
CREATE INDEX customers_phone ON customers (phone);
CREATE TRIGGER customers_no_delete BEFORE DELETE ON customers
BEGIN SELECT RAISE(ABORT, 'customer files are never deleted'); END;
