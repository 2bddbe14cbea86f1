-- Care lists page through the customers (a store may keep a million files):
-- birthdays are found by month-day through an index, and a customer's last
-- check-in (the "last seen" of the lapsed list) by customer, not by a scan.
CREATE INDEX customers_birthday_md ON customers (substr(birthday, 6, 5)) WHERE birthday IS NOT NULL;
CREATE INDEX checkins_customer ON checkins (customer_id, at);
