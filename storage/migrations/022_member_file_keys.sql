-- Customers online (issue 19): a membership without a card number (a tier given at the
-- counter or online, no member number) is kept at head office under its file number,
-- from this version on: sale events carry `customer.file_no`. What such a file's ledgers
-- held before this version never went up with a file number, so head office cannot hold
-- its whole history. Such a file keeps going up without one (head office skips its
-- movements, as before) and its phone is not reported: the page shows no partial figures.
-- A file is whole at head office when none of its ledger rows is at or below these ids.
CREATE TABLE member_file_keys_from (
  one             INTEGER PRIMARY KEY CHECK (one = 1),
  points_id       INTEGER NOT NULL,
  stored_value_id INTEGER NOT NULL,
  package_id      INTEGER NOT NULL,
  arrears_id      INTEGER NOT NULL
);
INSERT INTO member_file_keys_from (one, points_id, stored_value_id, package_id, arrears_id) VALUES (1,
  (SELECT COALESCE(max(id), 0) FROM points_ledger), (SELECT COALESCE(max(id), 0) FROM stored_value_ledger),
  (SELECT COALESCE(max(id), 0) FROM package_ledger), (SELECT COALESCE(max(id), 0) FROM arrears_ledger));
