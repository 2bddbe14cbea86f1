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
