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
