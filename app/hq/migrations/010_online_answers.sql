-- Customers online, answered within seconds (issue 19, continued).
--
-- Between rounds every kiosk asks every second or two whether a change waits for it
-- (GET /api/v1/waiting). The changes of other stores after its cursor may be many (a
-- chain's bookings of the day): with this index the question is two short index
-- range scans, its own store's and the chain-wide rows', however many there are.
CREATE INDEX chain_changes_store_order ON chain_changes (store, xid, id);

-- A membership without a card number (a tier given at the counter or online, no card
-- yet): its figures and its phone's keyed hash are kept under its file number
-- (member_keys.h); member_phones says which file and whether the key is a member number.
ALTER TABLE member_phones
  ADD COLUMN file_no text NOT NULL DEFAULT '',
  ADD COLUMN numbered boolean NOT NULL DEFAULT true;

-- An application made online for a file that has one waiting at the counter: the kiosk
-- enters nothing new and names the counter's (member.application_answered
-- "pending_at_counter"); the counter's decision then answers the online one too.
ALTER TABLE online_applications ADD COLUMN counter_application text;
CREATE INDEX online_applications_counter ON online_applications (store, counter_application)
  WHERE counter_application IS NOT NULL;

-- What became of a correction asked for online (customer.correction_answered): filed as a
-- change request at the store (then approved or rejected by a supervisor there: the
-- kiosk's customer.change_approved / change_rejected name the request), or skipped there.
-- The customer is told on the page and by one SMS; the phone is kept only until then.
ALTER TABLE online_corrections
  ADD COLUMN status text NOT NULL DEFAULT 'sent'
    CHECK (status IN ('sent', 'filed', 'skipped', 'approved', 'rejected')),
  ADD COLUMN reason text NOT NULL DEFAULT '',
  ADD COLUMN answered_at bigint,                 -- kiosk clock, ms
  ADD COLUMN change_request text NOT NULL DEFAULT '',  -- filed as (the store's id)
  ADD COLUMN decided_at bigint,                  -- kiosk clock, ms: the supervisor's decision
  ADD COLUMN phone text,
  ADD COLUMN lang text NOT NULL DEFAULT 'zh-Hans' CHECK (lang IN ('zh-Hans', 'zh-Hant', 'en')),
  ADD COLUMN told_at bigint;                     -- HQ clock, ms
CREATE INDEX online_corrections_untold ON online_corrections (answered_at)
  WHERE status IN ('skipped', 'approved', 'rejected') AND told_at IS NULL;
CREATE INDEX online_corrections_request ON online_corrections (store, change_request) WHERE change_request <> '';

