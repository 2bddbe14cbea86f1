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
  note        TEXT NOT NULL DEFAULT '',
  -- 上门服务: a home visit keeps the staff member busy but takes no room.
  kind        TEXT NOT NULL DEFAULT 'in_store' CHECK (kind IN ('in_store', 'home_visit')),
  address     TEXT NOT NULL DEFAULT ''
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
  satisfaction INTEGER NOT NULL DEFAULT 0 CHECK (satisfaction BETWEEN 0 AND 5),  -- 回访 only; 0 = not asked
  about_staff TEXT NOT NULL DEFAULT '',   -- 回访: who served the visit asked about
  staff       TEXT NOT NULL REFERENCES staff (code),
  at          INTEGER NOT NULL
);
CREATE INDEX care_contacts_customer ON care_contacts (customer_id, at);
CREATE INDEX care_contacts_kind ON care_contacts (kind, ref);
CREATE TRIGGER care_contacts_no_update BEFORE UPDATE ON care_contacts
BEGIN SELECT RAISE(ABORT, 'care_contacts is append-only'); END;
CREATE TRIGGER care_contacts_no_delete BEFORE DELETE ON care_contacts
BEGIN SELECT RAISE(ABORT, 'care_contacts is append-only'); END;

CREATE INDEX care_contacts_about ON care_contacts (kind, about_staff, at);

-- A staff member off for a day (请假): not picked for "any qualified", and their
-- appointments are listed for rebooking.
CREATE TABLE staff_absences (
  staff     TEXT NOT NULL REFERENCES staff (code),
  day       TEXT NOT NULL,               -- YYYY-MM-DD, store time
  reason    TEXT NOT NULL DEFAULT '',
  noted_by  TEXT NOT NULL REFERENCES staff (code),
  noted_at  INTEGER NOT NULL,
  PRIMARY KEY (staff, day)
);

-- The regular-care interval of a customer's care plan (提醒顾客定期护理).
CREATE TABLE care_plan_intervals (
  customer_id   INTEGER PRIMARY KEY REFERENCES customers (id),
  interval_days INTEGER NOT NULL CHECK (interval_days BETWEEN 1 AND 366),
  updated_at    INTEGER NOT NULL,
  updated_by    TEXT NOT NULL REFERENCES staff (code)
);

-- 寄养: a pet's boarding stay in a kennel, nights from check-in day to check-out day.
CREATE TABLE boarding_stays (
  id            TEXT PRIMARY KEY,
  customer_id   INTEGER NOT NULL REFERENCES customers (id),
  pet_id        INTEGER NOT NULL REFERENCES pets (id),
  kennel        TEXT NOT NULL,
  check_in_on   TEXT NOT NULL,             -- YYYY-MM-DD
  check_out_on  TEXT NOT NULL CHECK (check_out_on > check_in_on),
  nightly_rate  INTEGER NOT NULL CHECK (nightly_rate >= 0),   -- fen
  feeding       TEXT NOT NULL DEFAULT '',
  care_notes    TEXT NOT NULL DEFAULT '',
  state         TEXT NOT NULL CHECK (state IN ('booked', 'in', 'out', 'cancelled')),
  booked_by     TEXT NOT NULL REFERENCES staff (code),
  booked_at     INTEGER NOT NULL,
  checked_in_at  INTEGER NOT NULL DEFAULT 0,
  checked_out_at INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX boarding_kennel ON boarding_stays (kennel, check_in_on);
CREATE INDEX boarding_pet ON boarding_stays (pet_id, check_in_on);

-- 沙龙活动: member events, and who came. Invitations are care_contacts rows
-- (kind 'event_invite', ref = the event id).
CREATE TABLE salon_events (
  id          TEXT PRIMARY KEY,
  title       TEXT NOT NULL,
  topic       TEXT NOT NULL,               -- matched against the customer's event_interests
  starts_at   INTEGER NOT NULL,
  place       TEXT NOT NULL DEFAULT '',
  created_by  TEXT NOT NULL REFERENCES staff (code),
  created_at  INTEGER NOT NULL
);
CREATE TABLE event_attendance (
  event_id    TEXT NOT NULL REFERENCES salon_events (id),
  customer_id INTEGER NOT NULL REFERENCES customers (id),
  at          INTEGER NOT NULL,
  staff       TEXT NOT NULL REFERENCES staff (code),
  PRIMARY KEY (event_id, customer_id)
) WITHOUT ROWID;
CREATE INDEX event_attendance_customer ON event_attendance (customer_id);
CREATE TRIGGER event_attendance_no_update BEFORE UPDATE ON event_attendance
BEGIN SELECT RAISE(ABORT, 'event attendance is append-only'); END;
CREATE TRIGGER event_attendance_no_delete BEFORE DELETE ON event_attendance
BEGIN SELECT RAISE(ABORT, 'event attendance is append-only'); END;
