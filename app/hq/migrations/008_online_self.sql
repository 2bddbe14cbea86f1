-- Customers online, continued (issue 19): a signed-in phone sees its own member
-- figures and the store's decision on its membership applications.
--
-- Head office holds no member's phone. Each store sends, per member number, a keyed
-- hash of the member file's normalised phone: hex HMAC-SHA256 under the chain's
-- phone_match_key (made here, once, from the server's strong random source; sent to
-- every store as the down change `phone.key`). The page computes the same hash of
-- the phone its session was signed in with and looks the member numbers up by it.
INSERT INTO hq_settings (key, value)
  VALUES ('phone_match_key', replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', ''))
  ON CONFLICT (key) DO NOTHING;
INSERT INTO chain_changes (kind, key, store, body)
  SELECT 'phone.key', 'phone', NULL, jsonb_build_object('key', value) FROM hq_settings WHERE key = 'phone_match_key';

-- member.phone_key events (the latest wins; "" removes: the file's phone is shared
-- or gone).
CREATE TABLE member_phones (
  member_no text PRIMARY KEY,
  phone_key text NOT NULL,                  -- hex HMAC-SHA256(phone_match_key, phone)
  store     text NOT NULL,                  -- the store that holds the file
  at        bigint NOT NULL                 -- kiosk clock, ms
);
CREATE INDEX member_phones_key ON member_phones (phone_key);

-- The store's decision on an application made online (member.approved /
-- member.rejected naming the application), for the page and the customer's text.
ALTER TABLE online_applications
  ADD COLUMN status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'declined')),
  ADD COLUMN reason text NOT NULL DEFAULT '',
  ADD COLUMN member_no text NOT NULL DEFAULT '',
  ADD COLUMN decided_at bigint,               -- kiosk clock, ms
  ADD COLUMN lang text NOT NULL DEFAULT 'zh-Hans' CHECK (lang IN ('zh-Hans', 'zh-Hant', 'en')),
  ADD COLUMN told_at bigint;                  -- HQ clock, ms: the decision's text went (once)
CREATE INDEX online_applications_phone ON online_applications (phone);
CREATE INDEX online_applications_untold ON online_applications (decided_at) WHERE told_at IS NULL AND decided_at IS NOT NULL;

-- A customer's look at their own file (the file stays at its store, head office holds
-- none of it). The page asks; HQ makes a key pair for the look and sends the public
-- key down to the member's store (`customer.self_view`); the kiosk answers up with the
-- file's summary and access log sealed to it (`customer.self_view_answer`, libsodium's
-- sealed box). The secret key lives only here and goes at the first read or after 15
-- minutes (the sweep): the sealed answer in `events` can no longer be opened by anyone.
CREATE TABLE self_views (
  id           uuid PRIMARY KEY,            -- one per member asked; the store answers under it
  ask          text NOT NULL,               -- the page's handle for the look (128 random bits)
  phone_key    text NOT NULL,               -- whose: the session phone's keyed hash
  store        text NOT NULL,
  member_no    text NOT NULL,
  secret       bytea NOT NULL,              -- X25519 secret key the answer is sealed to
  requested_at bigint NOT NULL,             -- HQ clock, ms
  answered_at  bigint,
  sealed       bytea                        -- the store's answer, still sealed
);
CREATE INDEX self_views_ask ON self_views (ask);
CREATE INDEX self_views_phone ON self_views (phone_key, requested_at);
CREATE INDEX self_views_age ON self_views (requested_at);

-- Corrections a customer asked for on the page (customer.correction, to the member's
-- store, where each becomes a change request for a supervisor). Kept here without the
-- value, to count them (at most 10 an hour a phone) and to show that one was sent.
CREATE TABLE online_corrections (
  id        uuid PRIMARY KEY,
  phone_key text NOT NULL,
  store     text NOT NULL,
  member_no text NOT NULL,
  field     text NOT NULL,
  at        bigint NOT NULL                 -- HQ clock, ms
);
CREATE INDEX online_corrections_phone ON online_corrections (phone_key, at);
