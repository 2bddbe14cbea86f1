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

-- ---- The full file (customer-files work) ----

-- Search and sort keys (made by core's NameKeyMaker), consent, and mirrors of the
-- fields lists are sorted by.
ALTER TABLE customers ADD COLUMN phone_last4 TEXT NOT NULL DEFAULT '';
ALTER TABLE customers ADD COLUMN phone_shared INTEGER NOT NULL DEFAULT 0;
ALTER TABLE customers ADD COLUMN name_search TEXT NOT NULL DEFAULT '';   -- simplified, lower-case, no spaces
ALTER TABLE customers ADD COLUMN pinyin TEXT NOT NULL DEFAULT '';        -- zhangsanfeng
ALTER TABLE customers ADD COLUMN initials TEXT NOT NULL DEFAULT '';      -- zsf
ALTER TABLE customers ADD COLUMN pinyin_sort BLOB NOT NULL DEFAULT x'';  -- ICU zh@collation=pinyin sort key
ALTER TABLE customers ADD COLUMN stroke_sort BLOB NOT NULL DEFAULT x'';  -- ICU zh@collation=stroke sort key
ALTER TABLE customers ADD COLUMN skin_type TEXT NOT NULL DEFAULT '';
ALTER TABLE customers ADD COLUMN consent_status TEXT NOT NULL DEFAULT 'agreed'
  CHECK (consent_status IN ('agreed', 'to_confirm'));
ALTER TABLE customers ADD COLUMN consent_notice TEXT NOT NULL DEFAULT '';
ALTER TABLE customers ADD COLUMN consent_at INTEGER NOT NULL DEFAULT 0;
ALTER TABLE customers ADD COLUMN consent_staff TEXT NOT NULL DEFAULT '';
ALTER TABLE customers ADD COLUMN marketing_opt_in INTEGER NOT NULL DEFAULT 0;
ALTER TABLE customers ADD COLUMN imported INTEGER NOT NULL DEFAULT 0;

CREATE INDEX customers_phone_last4 ON customers (phone_last4);
CREATE INDEX customers_pinyin ON customers (pinyin);
CREATE INDEX customers_initials ON customers (initials);
CREATE INDEX customers_pinyin_sort ON customers (pinyin_sort);
CREATE INDEX customers_stroke_sort ON customers (stroke_sort);
CREATE INDEX customers_created ON customers (created_at);
CREATE INDEX customers_skin_type ON customers (skin_type, pinyin_sort);

-- Every 1- to 4-character piece of the name's search form, with where it stands
-- (0 the whole name, 1 its start, 2 inside), so one or two characters are found
-- through an index and results come out ranked.
CREATE TABLE customer_name_grams (
  gram        TEXT NOT NULL,
  place       INTEGER NOT NULL,
  customer_id INTEGER NOT NULL REFERENCES customers (id),
  PRIMARY KEY (gram, place, customer_id)
) WITHOUT ROWID;

-- Per-year file number sequence (S01-2026-000123) and the member number sequence.
CREATE TABLE customer_file_numbers (
  year INTEGER PRIMARY KEY,
  last INTEGER NOT NULL
);
CREATE TABLE customer_member_numbers (
  one  INTEGER PRIMARY KEY CHECK (one = 1),
  last INTEGER NOT NULL
);

-- Every other field, by key (see app/core/customer_fields.cpp): a value, or
-- 'declined' (never reported missing). A missing row means empty.
CREATE TABLE customer_fields (
  customer_id INTEGER NOT NULL REFERENCES customers (id),
  field       TEXT NOT NULL,
  state       TEXT NOT NULL CHECK (state IN ('value', 'declined')),
  value       TEXT NOT NULL DEFAULT '',
  updated_at  INTEGER NOT NULL,
  updated_by  TEXT NOT NULL,
  PRIMARY KEY (customer_id, field)
) WITHOUT ROWID;

-- Per-visit effect records (效果分析). Append-only: a correction is a new record.
CREATE TABLE customer_visits (
  id             INTEGER PRIMARY KEY,
  customer_id    INTEGER NOT NULL REFERENCES customers (id),
  at             INTEGER NOT NULL,
  service        TEXT NOT NULL,
  staff          TEXT NOT NULL,
  duration_min   INTEGER NOT NULL DEFAULT 0,
  before_notes   TEXT NOT NULL DEFAULT '',
  after_notes    TEXT NOT NULL DEFAULT '',
  effect         TEXT NOT NULL DEFAULT '',
  products_used  TEXT NOT NULL DEFAULT ''
);
CREATE INDEX customer_visits_customer ON customer_visits (customer_id, at);
CREATE TRIGGER customer_visits_no_update BEFORE UPDATE ON customer_visits
BEGIN SELECT RAISE(ABORT, 'visit records are append-only'); END;
CREATE TRIGGER customer_visits_no_delete BEFORE DELETE ON customer_visits
BEGIN SELECT RAISE(ABORT, 'visit records are append-only'); END;

-- The customer's own after-care feedback on a visit.
CREATE TABLE customer_feedback (
  id          INTEGER PRIMARY KEY,
  visit_id    INTEGER NOT NULL REFERENCES customer_visits (id),
  customer_id INTEGER NOT NULL REFERENCES customers (id),
  at          INTEGER NOT NULL,
  rating      INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 5),
  comment     TEXT NOT NULL DEFAULT ''
);
CREATE INDEX customer_feedback_visit ON customer_feedback (visit_id);
CREATE TRIGGER customer_feedback_no_update BEFORE UPDATE ON customer_feedback
BEGIN SELECT RAISE(ABORT, 'feedback is append-only'); END;
CREATE TRIGGER customer_feedback_no_delete BEFORE DELETE ON customer_feedback
BEGIN SELECT RAISE(ABORT, 'feedback is append-only'); END;

-- Pets (pet-grooming shops), their vaccinations and their own service history.
CREATE TABLE pets (
  id           INTEGER PRIMARY KEY,
  customer_id  INTEGER NOT NULL REFERENCES customers (id),
  name         TEXT NOT NULL,
  species      TEXT NOT NULL CHECK (species IN ('dog', 'cat', 'rabbit', 'bird', 'other')),
  breed        TEXT NOT NULL DEFAULT '',
  weight_g     INTEGER NOT NULL DEFAULT 0,
  temperament  TEXT NOT NULL DEFAULT '',
  health_notes TEXT NOT NULL DEFAULT '',
  created_at   INTEGER NOT NULL
);
CREATE INDEX pets_customer ON pets (customer_id);
CREATE TRIGGER pets_no_delete BEFORE DELETE ON pets
BEGIN SELECT RAISE(ABORT, 'pet records are never deleted'); END;

CREATE TABLE pet_vaccinations (
  id         INTEGER PRIMARY KEY,
  pet_id     INTEGER NOT NULL REFERENCES pets (id),
  vaccine    TEXT NOT NULL,
  given_on   TEXT NOT NULL,
  expires_on TEXT NOT NULL
);
CREATE INDEX pet_vaccinations_pet ON pet_vaccinations (pet_id);

CREATE TABLE pet_visits (
  id      INTEGER PRIMARY KEY,
  pet_id  INTEGER NOT NULL REFERENCES pets (id),
  at      INTEGER NOT NULL,
  service TEXT NOT NULL,
  staff   TEXT NOT NULL,
  notes   TEXT NOT NULL DEFAULT ''
);
CREATE INDEX pet_visits_pet ON pet_visits (pet_id, at);
CREATE TRIGGER pet_visits_no_update BEFORE UPDATE ON pet_visits
BEGIN SELECT RAISE(ABORT, 'pet visits are append-only'); END;
CREATE TRIGGER pet_visits_no_delete BEFORE DELETE ON pet_visits
BEGIN SELECT RAISE(ABORT, 'pet visits are append-only'); END;
