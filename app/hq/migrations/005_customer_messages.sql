-- Online bookings, the customer's side continued (issue 19): the page's language at
-- booking (the language of every text about it), moves and cancels by the customer,
-- texts that must go once (reminders), SMS replies (取消 / TD) and opt-outs.

ALTER TABLE online_bookings
  ADD COLUMN lang text NOT NULL DEFAULT 'zh-Hans' CHECK (lang IN ('zh-Hans', 'zh-Hant', 'en')),
  -- A move is a new hold that replaces this booking once the store confirms it; until
  -- then the old booking stands (declined or overdue: it simply stays).
  ADD COLUMN replaces text REFERENCES online_bookings (id),
  ADD COLUMN cancelled_at bigint,
  ADD COLUMN cancelled_via text CHECK (cancelled_via IN ('page', 'sms', 'moved'));
CREATE INDEX online_bookings_phone ON online_bookings (phone, start_at);
CREATE INDEX online_bookings_live_start ON online_bookings (start_at) WHERE status = 'confirmed';
CREATE INDEX online_bookings_replaces ON online_bookings (replaces) WHERE replaces IS NOT NULL;

-- A text about a booking that goes once (kind 'reminder'): the row is the claim,
-- written in the transaction that sends it; the provider gets "<booking>:<kind>" as
-- its idempotency key, so a send retried after a crash is not delivered twice.
CREATE TABLE booking_texts (
  booking text NOT NULL REFERENCES online_bookings (id),
  kind    text NOT NULL,
  at      bigint NOT NULL,
  outcome text NOT NULL CHECK (outcome IN ('sent', 'opted_out', 'failed')),
  PRIMARY KEY (booking, kind)
);

-- Phones that replied TD / 退订 / STOP: no reminders and no marketing from then on
-- (codes and the texts about a booking the customer makes still go).
CREATE TABLE sms_opt_outs (
  phone text PRIMARY KEY,
  at    bigint NOT NULL,
  via   text NOT NULL            -- the inbound message id
);

-- Replies the provider forwarded (signed): what each did. The provider's message id
-- is the key, so a post repeated by the provider is answered and not applied again.
CREATE TABLE sms_inbound (
  id          text PRIMARY KEY,
  phone       text NOT NULL,
  body        text NOT NULL,
  received_at bigint NOT NULL,
  action      text NOT NULL CHECK (action IN ('cancelled', 'opted_out', 'nothing_to_cancel', 'ignored')),
  booking     text REFERENCES online_bookings (id)
);
CREATE INDEX sms_inbound_phone ON sms_inbound (phone, received_at);

-- The store confirmed a move: the booking it replaces is cancelled in the same
-- transaction (its hold goes down cancelled, so the kiosk frees the old slot).
CREATE FUNCTION finish_booking_move() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE online_bookings SET status = 'cancelled', reason = 'moved', cancelled_at = NEW.decided_at,
    cancelled_via = 'moved'
   WHERE id = NEW.replaces AND status IN ('pending', 'confirmed');
  RETURN NULL;
END $$;

CREATE TRIGGER online_bookings_move AFTER UPDATE OF status ON online_bookings
  FOR EACH ROW WHEN (NEW.replaces IS NOT NULL AND OLD.status = 'pending' AND NEW.status = 'confirmed')
  EXECUTE FUNCTION finish_booking_move();

-- Membership applications made online (the pet shop's rule: customers may apply "in the
-- shop or online"): one per phone and store, sent down to the store (kind
-- member.application) where it is a pending application like one made at the counter,
-- for a supervisor to approve; a first-time phone gets its file pending review there.
CREATE TABLE online_applications (
  id         uuid PRIMARY KEY,
  store      text NOT NULL REFERENCES stores (code),
  phone      text NOT NULL,
  name       text NOT NULL,
  created_at bigint NOT NULL,
  UNIQUE (store, phone)
);

CREATE FUNCTION log_online_application() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  v_customer record;
BEGIN
  SELECT name, consent_at, marketing, created_at INTO v_customer FROM online_customers WHERE phone = NEW.phone;
  INSERT INTO chain_changes (kind, key, store, body) VALUES ('member.application', NEW.id::text, NEW.store,
    jsonb_build_object('application', NEW.id::text, 'applied_at', NEW.created_at,
                       'customer', jsonb_build_object('phone', NEW.phone, 'name', NEW.name,
                                                      'privacy_consent_at', v_customer.consent_at,
                                                      'marketing', COALESCE(v_customer.marketing, false))));
  RETURN NULL;
END $$;

CREATE TRIGGER online_applications_down AFTER INSERT ON online_applications
  FOR EACH ROW EXECUTE FUNCTION log_online_application();
