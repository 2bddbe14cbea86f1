-- Care lists page through the customers (a store may keep a million files):
-- birthdays are found by month-day through an index, and a customer's last
-- check-in (the "last seen" of the lapsed list) by customer, not by a scan.
CREATE INDEX customers_birthday_md ON customers (substr(birthday, 6, 5)) WHERE birthday IS NOT NULL;
CREATE INDEX checkins_customer ON checkins (customer_id, at);
-- The day view reads a day's appointments: with the end beside the start, those
-- that ended before the day (looked at because nothing is longer than 12 hours)
-- are passed over in the index without reading their rows.
CREATE INDEX appointments_span ON appointments (start_at, end_at);
DROP INDEX appointments_start;  -- the span index serves every use of it
