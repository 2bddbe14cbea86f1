-- Online booking (issue 19): the stores' day books projected from the events they
-- upload, the codes sent by SMS, the customers' sessions and the online bookings
-- (holds until the store decides). Times the public API compares are bigint ms from
-- salon-hq's clock (injectable in tests), not now().

-- What a service takes, who may do it, and whether it is offered online.
ALTER TABLE catalog_items
  ADD COLUMN duration_minutes integer NOT NULL DEFAULT 0 CHECK (duration_minutes BETWEEN 0 AND 720),
  ADD COLUMN qualified_staff text[] NOT NULL DEFAULT '{}',   -- empty: anyone on the roster
  ADD COLUMN online boolean NOT NULL DEFAULT false;

-- A store's own settings as HQ knows them: appointments.* from its settings.changed
-- events, online.* set at HQ (salon-hq store set). Looked up before chain_settings.
CREATE TABLE store_settings (
  store text NOT NULL REFERENCES stores (code),
  key   text NOT NULL,
  value text NOT NULL,
  PRIMARY KEY (store, key)
);

-- The stores' appointments, from appointment.* events (the payload carries the state).
CREATE TABLE store_appointments (
  store    text NOT NULL,
  id       text NOT NULL,            -- the kiosk's appointment id
  staff    text NOT NULL,
  start_at bigint NOT NULL,          -- ms since the epoch
  end_at   bigint NOT NULL,
  state    text NOT NULL,
  seq      bigint NOT NULL,          -- the event that last wrote it: older events never overwrite
  PRIMARY KEY (store, id)
);
CREATE INDEX store_appointments_day ON store_appointments (store, start_at);

-- staff.absent events: who is off on which day.
CREATE TABLE staff_absences (
  store text NOT NULL,
  staff text NOT NULL,
  day   date NOT NULL,
  PRIMARY KEY (store, day, staff)
);

-- One row per phone (sha256 keyed by the code secret, hex): the code in force,
-- hashed the same way, and the wrong tries.
CREATE TABLE phone_codes (
  phone_key    text PRIMARY KEY,
  code_hash    text,
  sent_at      bigint NOT NULL DEFAULT 0,
  expires_at   bigint NOT NULL DEFAULT 0,
  wrong        integer NOT NULL DEFAULT 0,
  locked_until bigint NOT NULL DEFAULT 0
);

-- Every code asked for (the rate limits count these).
CREATE TABLE code_requests (
  id        bigserial PRIMARY KEY,
  phone_key text NOT NULL,
  address   text NOT NULL,
  at        bigint NOT NULL,
  sent      boolean NOT NULL
);
CREATE INDEX code_requests_phone ON code_requests (phone_key, at);
CREATE INDEX code_requests_address ON code_requests (address, at);

-- A customer's session after a good code: the cookie's sha256 only.
CREATE TABLE public_sessions (
  token_hash text PRIMARY KEY,
  phone      text NOT NULL,
  created_at bigint NOT NULL,
  expires_at bigint NOT NULL
);

-- Customers who booked online: a first-time phone is a file pending review that
-- the store pulls (with the booking's hold); consent as given on the page.
CREATE TABLE online_customers (
  phone        text PRIMARY KEY,
  name         text NOT NULL,
  store        text NOT NULL,         -- where the first booking was made
  consent_at   bigint NOT NULL,       -- privacy notice accepted
  marketing    boolean NOT NULL,      -- the separate marketing opt-in
  created_at   bigint NOT NULL
);

CREATE EXTENSION IF NOT EXISTS btree_gist;

-- Online bookings: a hold until the store confirms or declines. Two live holds of one
-- staff member never overlap (the exclusion constraint backs the store lock taken
-- when booking).
CREATE TABLE online_bookings (
  id          text PRIMARY KEY,       -- 128 random bits, base64url: the customer's handle
  appointment uuid NOT NULL UNIQUE,   -- the appointment id the kiosk books it under
  store       text NOT NULL REFERENCES stores (code),
  service     text NOT NULL,
  staff       text NOT NULL,
  any_staff   boolean NOT NULL,
  start_at    bigint NOT NULL,
  end_at      bigint NOT NULL,
  phone       text NOT NULL,
  name        text NOT NULL,
  new_customer boolean NOT NULL,
  status      text NOT NULL CHECK (status IN ('pending', 'confirmed', 'declined', 'cancelled')),
  reason      text NOT NULL DEFAULT '',
  created_at  bigint NOT NULL,
  decided_at  bigint,
  EXCLUDE USING gist (store WITH =, staff WITH =, int8range(start_at, end_at) WITH &&)
    WHERE (status IN ('pending', 'confirmed'))
);
CREATE INDEX online_bookings_day ON online_bookings (store, start_at);
CREATE INDEX online_bookings_pending ON online_bookings (store, created_at) WHERE status = 'pending';

-- When the customer was told the store's decision (the decided SMS): once.
ALTER TABLE online_bookings ADD COLUMN told_at bigint;
CREATE INDEX online_bookings_untold ON online_bookings (decided_at) WHERE told_at IS NULL AND decided_at IS NOT NULL;

-- Holds go down to their store through /changes (kind booking.hold, key = the
-- appointment id): when made and whenever their status changes, with what the
-- kiosk needs to book it and to make a first-time customer's file.
CREATE FUNCTION log_booking_hold() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  v_service record; v_customer record;
BEGIN
  SELECT name, duration_minutes INTO v_service FROM catalog_items WHERE code = NEW.service;
  SELECT name, consent_at, marketing INTO v_customer FROM online_customers WHERE phone = NEW.phone;
  INSERT INTO chain_changes (kind, key, store, body) VALUES ('booking.hold', NEW.appointment::text, NEW.store,
    jsonb_build_object('appointment', NEW.appointment::text, 'service', NEW.service, 'service_name', v_service.name,
                       'minutes', (NEW.end_at - NEW.start_at) / 60000, 'staff', NEW.staff, 'any_staff', NEW.any_staff,
                       'start', NEW.start_at, 'end', NEW.end_at, 'status', NEW.status, 'reason', NEW.reason,
                       'made_at', NEW.created_at,
                       'customer', jsonb_build_object('phone', NEW.phone, 'name', NEW.name, 'new', NEW.new_customer,
                                                      'privacy_consent_at', v_customer.consent_at,
                                                      'marketing', COALESCE(v_customer.marketing, false))));
  RETURN NULL;
END $$;

CREATE TRIGGER online_bookings_hold AFTER INSERT OR UPDATE OF status ON online_bookings
  FOR EACH ROW EXECUTE FUNCTION log_booking_hold();
