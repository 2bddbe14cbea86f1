-- Customers online (issue 19, continued): what this store last told head office
-- about each member's phone. Head office keeps only a keyed hash (member.phone_key:
-- hex HMAC-SHA256 under its `phone.key`, kept in hq_owned) so a customer signed in
-- on the phone page with a code sees their own member figures. A row differing from
-- the file (a new member, a changed or shared phone, a new key) is sent again by the
-- next sync round (storage/sync_member_phones.cpp).
CREATE TABLE member_phone_reports (
  customer_id INTEGER PRIMARY KEY REFERENCES customers (id),
  member_no   TEXT NOT NULL,
  phone       TEXT NOT NULL,     -- the phone keyed, '' when none was sent (a shared phone)
  key_tag     TEXT NOT NULL      -- the first 16 hex digits of the key it was keyed with
);

-- Corrections a customer asked for on head office's phone page (customer.correction):
-- the change request each became here, so one heard twice is filed once.
CREATE TABLE online_corrections (
  id             TEXT PRIMARY KEY,   -- head office's id for the correction
  change_request TEXT NOT NULL REFERENCES change_requests (id),
  at             INTEGER NOT NULL
);
