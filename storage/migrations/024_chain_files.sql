-- Customer files across the chain (issue 18): each file goes up to head office sealed
-- under the chain's data key (storage/chain_files.cpp), with keyed hashes of its phone,
-- member number and file number under the chain's lookup key, so another store can find
-- it and head office cannot read it. Both keys come from one chain secret that the
-- stores share and head office never receives (`salon-kiosk sync chain-key`).
CREATE TABLE chain_file_key (
  one    INTEGER PRIMARY KEY CHECK (one = 1),
  secret TEXT NOT NULL,              -- 64 hex: the chain secret (same in every store)
  set_at INTEGER NOT NULL,
  set_by TEXT NOT NULL
);

-- Files changed since they last went up: kept by triggers, emptied by the next round.
-- (NOT EXISTS rather than OR IGNORE: an outer statement's conflict clause would override it.)
CREATE TABLE chain_file_dirty (customer_id INTEGER PRIMARY KEY);
INSERT INTO chain_file_dirty (customer_id) SELECT id FROM customers;
CREATE TRIGGER chain_file_new AFTER INSERT ON customers
BEGIN INSERT INTO chain_file_dirty (customer_id) SELECT new.id
  WHERE NOT EXISTS (SELECT 1 FROM chain_file_dirty WHERE customer_id = new.id); END;
CREATE TRIGGER chain_file_row AFTER UPDATE ON customers
BEGIN INSERT INTO chain_file_dirty (customer_id) SELECT new.id
  WHERE NOT EXISTS (SELECT 1 FROM chain_file_dirty WHERE customer_id = new.id); END;
CREATE TRIGGER chain_file_field_new AFTER INSERT ON customer_fields
BEGIN INSERT INTO chain_file_dirty (customer_id) SELECT new.customer_id
  WHERE NOT EXISTS (SELECT 1 FROM chain_file_dirty WHERE customer_id = new.customer_id); END;
CREATE TRIGGER chain_file_field_row AFTER UPDATE ON customer_fields
BEGIN INSERT INTO chain_file_dirty (customer_id) SELECT new.customer_id
  WHERE NOT EXISTS (SELECT 1 FROM chain_file_dirty WHERE customer_id = new.customer_id); END;
CREATE TRIGGER chain_file_field_gone AFTER DELETE ON customer_fields
BEGIN INSERT INTO chain_file_dirty (customer_id) SELECT old.customer_id
  WHERE NOT EXISTS (SELECT 1 FROM chain_file_dirty WHERE customer_id = old.customer_id); END;

-- What went up last for each file (or came down: a file brought in or updated from
-- head office is recorded here too, so it is not sent back): the sha256 of the plain
-- contents and the key tag it was sealed under.
CREATE TABLE chain_file_reports (
  customer_id INTEGER PRIMARY KEY REFERENCES customers (id),
  digest      TEXT NOT NULL,
  key_tag     TEXT NOT NULL
);

-- Files brought in from head office (found by another store's customer here).
CREATE TABLE chain_files_in (
  customer_id INTEGER PRIMARY KEY REFERENCES customers (id),
  file_no     TEXT NOT NULL,
  from_store  TEXT NOT NULL,
  brought_at  INTEGER NOT NULL,
  brought_by  TEXT NOT NULL,
  purpose     TEXT NOT NULL
);
