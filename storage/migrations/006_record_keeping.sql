-- Record-keeping workflows: change requests, query requests, file loans,
-- disputes (异议) and complaints (投诉). Each row moves through its states; every
-- transition is an audit entry written in the same transaction.

CREATE TABLE change_requests (
  id                    TEXT PRIMARY KEY,
  customer_id           INTEGER NOT NULL REFERENCES customers (id),
  field                 TEXT NOT NULL,
  old_value             TEXT NOT NULL,
  new_value             TEXT NOT NULL,
  reason                TEXT NOT NULL,
  requested_by          TEXT NOT NULL REFERENCES staff (code),
  by_customer           INTEGER NOT NULL DEFAULT 0,
  requested_at          INTEGER NOT NULL,
  customer_confirmed_at INTEGER,
  state                 TEXT NOT NULL CHECK (state IN ('pending', 'approved', 'rejected')),
  decided_by            TEXT REFERENCES staff (code),
  decided_at            INTEGER,
  decision_note         TEXT NOT NULL DEFAULT ''
);
CREATE INDEX change_requests_state ON change_requests (state, requested_at);
CREATE INDEX change_requests_customer ON change_requests (customer_id);

CREATE TABLE query_requests (
  id           TEXT PRIMARY KEY,
  customer_id  INTEGER NOT NULL REFERENCES customers (id),
  requested_by TEXT NOT NULL REFERENCES staff (code),
  purpose      TEXT NOT NULL,
  detail       TEXT NOT NULL,
  requested_at INTEGER NOT NULL,
  state        TEXT NOT NULL CHECK (state IN ('pending', 'approved', 'rejected', 'used')),
  decided_by   TEXT REFERENCES staff (code),
  decided_at   INTEGER
);
CREATE INDEX query_requests_state ON query_requests (state, requested_at);

CREATE TABLE file_loans (
  id           TEXT PRIMARY KEY,
  customer_id  INTEGER NOT NULL REFERENCES customers (id),
  requested_by TEXT NOT NULL REFERENCES staff (code),
  reason       TEXT NOT NULL,
  due_date     TEXT NOT NULL,
  requested_at INTEGER NOT NULL,
  state        TEXT NOT NULL CHECK (state IN ('requested', 'approved', 'rejected', 'lent', 'returned')),
  approved_by  TEXT REFERENCES staff (code),
  approved_at  INTEGER,
  lent_by      TEXT REFERENCES staff (code),
  lent_at      INTEGER,
  returned_at  INTEGER,
  checked_by   TEXT REFERENCES staff (code),
  complete     INTEGER NOT NULL DEFAULT 0,
  undamaged    INTEGER NOT NULL DEFAULT 0,
  problem      TEXT NOT NULL DEFAULT ''
);
CREATE INDEX file_loans_state ON file_loans (state, due_date);

CREATE TABLE disputes (
  id             TEXT PRIMARY KEY,
  customer_id    INTEGER NOT NULL REFERENCES customers (id),
  record_type    TEXT NOT NULL,
  record_id      TEXT NOT NULL,
  objection      TEXT NOT NULL,
  opened_by      TEXT NOT NULL REFERENCES staff (code),
  opened_at      INTEGER NOT NULL,
  due_at         INTEGER NOT NULL,
  state          TEXT NOT NULL CHECK (state IN ('open', 'upheld', 'rejected')),
  outcome        TEXT NOT NULL DEFAULT '',
  correction_ref TEXT NOT NULL DEFAULT '',
  closed_by      TEXT REFERENCES staff (code),
  closed_at      INTEGER,
  CHECK (state <> 'upheld' OR correction_ref <> '')
);
CREATE INDEX disputes_state ON disputes (state, due_at);
CREATE INDEX disputes_record ON disputes (record_type, record_id);

CREATE TABLE complaints (
  id            TEXT PRIMARY KEY,
  customer_id   INTEGER NOT NULL REFERENCES customers (id),
  channel       TEXT NOT NULL,
  description   TEXT NOT NULL,
  opened_by     TEXT NOT NULL DEFAULT '',
  opened_at     INTEGER NOT NULL,
  due_at        INTEGER NOT NULL,
  assigned_to   TEXT NOT NULL DEFAULT '',
  state         TEXT NOT NULL CHECK (state IN ('open', 'resolved')),
  resolution    TEXT NOT NULL DEFAULT '',
  cause         TEXT NOT NULL DEFAULT '',
  resolved_at   INTEGER,
  feedback_at   INTEGER,
  feedback_how  TEXT NOT NULL DEFAULT '',
  satisfaction  INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX complaints_state ON complaints (state, due_at);
CREATE INDEX complaints_customer ON complaints (customer_id);

-- New-file review (档案审核): every decision, append-only; customers.status
-- follows the latest one (pending_review → in_force, or → returned → pending_review).
CREATE TABLE file_reviews (
  id          TEXT PRIMARY KEY,
  customer_id INTEGER NOT NULL REFERENCES customers (id),
  decision    TEXT NOT NULL CHECK (decision IN ('approved', 'returned', 'resubmitted')),
  notes       TEXT NOT NULL DEFAULT '',
  by_staff    TEXT NOT NULL REFERENCES staff (code),
  at          INTEGER NOT NULL,
  CHECK (decision <> 'returned' OR notes <> '')
);
CREATE INDEX file_reviews_customer ON file_reviews (customer_id, at);
CREATE TRIGGER file_reviews_no_update BEFORE UPDATE ON file_reviews
BEGIN SELECT RAISE(ABORT, 'file_reviews is append-only'); END;
CREATE TRIGGER file_reviews_no_delete BEFORE DELETE ON file_reviews
BEGIN SELECT RAISE(ABORT, 'file_reviews is append-only'); END;

-- 服务完成 taps: the staff member who performed a service marks it finished; its
-- details are then due within 30 minutes. A service nobody tapped ends at the
-- settlement of its sale line (derived, not stored).
CREATE TABLE service_endings (
  id          TEXT PRIMARY KEY,
  customer_id INTEGER REFERENCES customers (id),
  item        TEXT NOT NULL,
  staff       TEXT NOT NULL REFERENCES staff (code),
  ended_at    INTEGER NOT NULL,
  ended_by    TEXT NOT NULL REFERENCES staff (code)
);
CREATE INDEX service_endings_at ON service_endings (ended_at);
CREATE TRIGGER service_endings_no_update BEFORE UPDATE ON service_endings
BEGIN SELECT RAISE(ABORT, 'service_endings is append-only'); END;
CREATE TRIGGER service_endings_no_delete BEFORE DELETE ON service_endings
BEGIN SELECT RAISE(ABORT, 'service_endings is append-only'); END;

-- The service details (item, duration, effect notes, feedback), one per service:
-- service_id is a service_endings id or "sale:<sale id>:<line no>:<staff>".
CREATE TABLE service_details (
  service_id   TEXT PRIMARY KEY,
  customer_id  INTEGER REFERENCES customers (id),
  staff        TEXT NOT NULL REFERENCES staff (code),
  item         TEXT NOT NULL,
  ended_at     INTEGER NOT NULL,
  recorded_at  INTEGER NOT NULL,
  duration_min INTEGER NOT NULL CHECK (duration_min > 0),
  effect       TEXT NOT NULL,
  feedback     TEXT NOT NULL DEFAULT '',
  visit_id     INTEGER REFERENCES customer_visits (id)
);
CREATE INDEX service_details_recorded ON service_details (recorded_at);
CREATE TRIGGER service_details_no_update BEFORE UPDATE ON service_details
BEGIN SELECT RAISE(ABORT, 'service_details is append-only'); END;
CREATE TRIGGER service_details_no_delete BEFORE DELETE ON service_details
BEGIN SELECT RAISE(ABORT, 'service_details is append-only'); END;

-- Weekly data review (每周数据审查): the automatic checks' checklist, worked
-- through and signed off by a supervisor. Past reviews are kept.
CREATE TABLE weekly_reviews (
  id         TEXT PRIMARY KEY,
  week       TEXT NOT NULL,            -- 2026-W47
  run_at     INTEGER NOT NULL,
  run_by     TEXT NOT NULL REFERENCES staff (code),
  signed_by  TEXT REFERENCES staff (code),
  signed_at  INTEGER,
  sign_note  TEXT NOT NULL DEFAULT ''
);
CREATE INDEX weekly_reviews_week ON weekly_reviews (week, run_at);
CREATE TABLE weekly_review_items (
  review_id   TEXT NOT NULL REFERENCES weekly_reviews (id),
  item_no     INTEGER NOT NULL,
  check_code  TEXT NOT NULL,           -- empty_mandatory, implausible, ...
  record_type TEXT NOT NULL,
  record_id   TEXT NOT NULL,
  detail      TEXT NOT NULL,
  done_by     TEXT REFERENCES staff (code),
  done_at     INTEGER,
  done_note   TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (review_id, item_no)
);
-- A signed review is closed: its items no longer change.
CREATE TRIGGER weekly_review_items_signed BEFORE UPDATE ON weekly_review_items
WHEN (SELECT signed_at FROM weekly_reviews WHERE id = OLD.review_id) IS NOT NULL
BEGIN SELECT RAISE(ABORT, 'a signed review is closed'); END;
CREATE TRIGGER weekly_reviews_no_delete BEFORE DELETE ON weekly_reviews
BEGIN SELECT RAISE(ABORT, 'reviews are kept'); END;
CREATE TRIGGER weekly_review_items_no_delete BEFORE DELETE ON weekly_review_items
BEGIN SELECT RAISE(ABORT, 'reviews are kept'); END;
CREATE TRIGGER weekly_reviews_signed BEFORE UPDATE ON weekly_reviews
WHEN OLD.signed_at IS NOT NULL
BEGIN SELECT RAISE(ABORT, 'a signed review is closed'); END;

-- Monthly reconciliation (月度财务核对): the month's tenders against the cash-ups
-- and the imported channel statements; every difference explained, then signed
-- off by finance. Kept for good; closed once signed.
CREATE TABLE reconciliations (
  id         TEXT PRIMARY KEY,
  month      TEXT NOT NULL,            -- 2026-05
  run_at     INTEGER NOT NULL,
  run_by     TEXT NOT NULL REFERENCES staff (code),
  sources    TEXT NOT NULL,            -- JSON: the statements imported (file, tender, rows, gross, fees)
  totals     TEXT NOT NULL,            -- JSON: per tender, kiosk vs finance, fees
  matched    INTEGER NOT NULL,
  signed_by  TEXT REFERENCES staff (code),
  signed_at  INTEGER,
  sign_note  TEXT NOT NULL DEFAULT ''
);
CREATE INDEX reconciliations_month ON reconciliations (month, run_at);
CREATE TABLE reconciliation_items (
  recon_id     TEXT NOT NULL REFERENCES reconciliations (id),
  item_no      INTEGER NOT NULL,
  kind         TEXT NOT NULL,
  tender       TEXT NOT NULL,
  ref          TEXT NOT NULL,
  sale_id      TEXT NOT NULL DEFAULT '',
  kiosk        INTEGER NOT NULL,
  statement    INTEGER NOT NULL,
  explanation  TEXT NOT NULL DEFAULT '',
  explained_by TEXT REFERENCES staff (code),
  explained_at INTEGER,
  PRIMARY KEY (recon_id, item_no)
);
CREATE TRIGGER reconciliations_signed BEFORE UPDATE ON reconciliations
WHEN OLD.signed_at IS NOT NULL
BEGIN SELECT RAISE(ABORT, 'a signed reconciliation is closed'); END;
CREATE TRIGGER reconciliation_items_signed BEFORE UPDATE ON reconciliation_items
WHEN (SELECT signed_at FROM reconciliations WHERE id = OLD.recon_id) IS NOT NULL
BEGIN SELECT RAISE(ABORT, 'a signed reconciliation is closed'); END;
CREATE TRIGGER reconciliations_no_delete BEFORE DELETE ON reconciliations
BEGIN SELECT RAISE(ABORT, 'reconciliations are kept'); END;
CREATE TRIGGER reconciliation_items_no_delete BEFORE DELETE ON reconciliation_items
BEGIN SELECT RAISE(ABORT, 'reconciliations are kept'); END;
