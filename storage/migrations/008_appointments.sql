-- Appointments (客户预约管理) and the customer-care contact log.

CREATE TABLE appointments (
  id          TEXT PRIMARY KEY,
  customer_id INTEGER NOT NULL REFERENCES customers (id),
  pet_id      INTEGER,
  staff       TEXT NOT NULL REFERENCES staff (code),
  room        TEXT NOT NULL DEFAULT '',
  start_at    INTEGER NOT NULL,
  end_at      INTEGER NOT NULL CHECK (end_at > start_at),
  channel     TEXT NOT NULL CHECK (channel IN ('counter', 'phone', 'wechat', 'web')),
  state       TEXT NOT NULL CHECK (state IN ('booked', 'checked_in', 'completed', 'no_show', 'cancelled')),
  booked_by   TEXT NOT NULL REFERENCES staff (code),
  booked_at   INTEGER NOT NULL,
  note        TEXT NOT NULL DEFAULT ''
);
CREATE INDEX appointments_staff ON appointments (staff, start_at);
CREATE INDEX appointments_start ON appointments (start_at);
CREATE INDEX appointments_customer ON appointments (customer_id, state);
CREATE INDEX appointments_room ON appointments (room, start_at) WHERE room <> '';
CREATE INDEX appointments_pet ON appointments (pet_id, start_at) WHERE pet_id IS NOT NULL;

CREATE TABLE appointment_services (
  appointment_id   TEXT NOT NULL REFERENCES appointments (id),
  position         INTEGER NOT NULL,
  item_code        TEXT NOT NULL,
  name             TEXT NOT NULL,
  duration_minutes INTEGER NOT NULL,
  PRIMARY KEY (appointment_id, position)
);

-- Every call or message to a customer: reminders, birthday calls, follow-ups,
-- lapsed-customer calls, event invitations. Append-only.
CREATE TABLE care_contacts (
  id          TEXT PRIMARY KEY,
  customer_id INTEGER NOT NULL REFERENCES customers (id),
  kind        TEXT NOT NULL,
  ref         TEXT NOT NULL DEFAULT '',   -- appointment id, visit id, event id …
  channel     TEXT NOT NULL,              -- phone, sms, wechat, in_person
  outcome     TEXT NOT NULL,              -- done, skipped, no_answer, …
  note        TEXT NOT NULL DEFAULT '',
  satisfaction INTEGER NOT NULL DEFAULT 0,
  staff       TEXT NOT NULL REFERENCES staff (code),
  at          INTEGER NOT NULL
);
CREATE INDEX care_contacts_customer ON care_contacts (customer_id, at);
CREATE INDEX care_contacts_kind ON care_contacts (kind, ref);
CREATE TRIGGER care_contacts_no_update BEFORE UPDATE ON care_contacts
BEGIN SELECT RAISE(ABORT, 'care_contacts is append-only'); END;
CREATE TRIGGER care_contacts_no_delete BEFORE DELETE ON care_contacts
BEGIN SELECT RAISE(ABORT, 'care_contacts is append-only'); END;
