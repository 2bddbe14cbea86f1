-- Reports over a year (issue 16), the tabs the per-day totals did not cover:
-- items kept by triggers on the INSERT of the raw rows (so in the transaction
-- that writes the sale, void or ledger entry, whoever writes it), holding only
-- facts that later settings or records cannot change; what can change (clock
-- lengths, the store's zone, taps, details, corrections, "now") is applied when
-- the report is read, from the raw rows of the few sales it touches
-- (storage/report_book_duties.cpp). `verify` recomputes every table here from
-- the raw rows (storage/report_book_verify.cpp). Rows that exist already are
-- summed in at the end.

-- The service details' clock: services owed details, per UTC hour of the
-- settlement and staff member: one per staff share of a service line of a sale
-- not voided (as storage::settledServices lists them). A void takes its sale's
-- shares back out; an hour at zero is removed.
CREATE TABLE report_hour_service_duties (
  hour   INTEGER NOT NULL,  -- completed_at / 3,600,000
  staff  TEXT NOT NULL,
  duties INTEGER NOT NULL,
  PRIMARY KEY (hour, staff)
) WITHOUT ROWID;

CREATE TRIGGER report_hour_service_duties_keep AFTER INSERT ON sale_line_staff BEGIN
  INSERT INTO report_hour_service_duties (hour, staff, duties)
  SELECT s.completed_at / 3600000, NEW.staff, 1 FROM sales s, sale_lines l
  WHERE s.id = NEW.sale_id AND s.kind = 'sale' AND l.sale_id = NEW.sale_id AND l.line_no = NEW.line_no
    AND l.kind = 'service' AND NOT EXISTS (SELECT 1 FROM sales v WHERE v.reverses = s.id AND v.kind = 'void')
  ON CONFLICT (hour, staff) DO UPDATE SET duties = duties + 1;
END;

-- Only the first void of a sale takes its shares out (a second one changes nothing
-- in settledServices either).
CREATE TRIGGER report_hour_service_duties_void AFTER INSERT ON sales
WHEN NEW.kind = 'void' AND NEW.reverses IS NOT NULL
  AND NOT EXISTS (SELECT 1 FROM sales v WHERE v.reverses = NEW.reverses AND v.kind = 'void' AND v.id <> NEW.id)
BEGIN
  UPDATE report_hour_service_duties SET duties = duties - (
    SELECT COUNT(*) FROM sale_line_staff ls JOIN sale_lines l ON l.sale_id = ls.sale_id AND l.line_no = ls.line_no
    WHERE ls.sale_id = NEW.reverses AND l.kind = 'service' AND ls.staff = report_hour_service_duties.staff)
  WHERE hour = (SELECT completed_at / 3600000 FROM sales WHERE id = NEW.reverses AND kind = 'sale')
    AND staff IN (SELECT staff FROM sale_line_staff WHERE sale_id = NEW.reverses);
  DELETE FROM report_hour_service_duties WHERE duties = 0
    AND hour = (SELECT completed_at / 3600000 FROM sales WHERE id = NEW.reverses AND kind = 'sale');
END;

-- The consumption records' clock: records of sales per UTC hour of the sale's
-- completion, cashier and delay (recorded_at - completed_at, exact: nearly all
-- are 0, recorded at settlement), so the on-time test against the store's clock
-- length is made when the report is read. Both tables are append-only.
CREATE TABLE report_hour_consumption (
  hour    INTEGER NOT NULL,  -- completed_at / 3,600,000
  cashier TEXT NOT NULL,
  delay   INTEGER NOT NULL,  -- ms
  records INTEGER NOT NULL,
  PRIMARY KEY (hour, cashier, delay)
) WITHOUT ROWID;

CREATE TRIGGER report_hour_consumption_keep AFTER INSERT ON consumption_records BEGIN
  INSERT INTO report_hour_consumption (hour, cashier, delay, records)
  SELECT NEW.completed_at / 3600000, s.cashier, NEW.recorded_at - NEW.completed_at, 1 FROM sales s
  WHERE s.id = NEW.sale_id AND s.kind = 'sale'
  ON CONFLICT (hour, cashier, delay) DO UPDATE SET records = records + 1;
END;

-- Service details by the end of the service they are for: the reports find the
-- details of a span of services without reading every one.
CREATE INDEX service_details_ended ON service_details (ended_at);

-- The customers tab's new customers (first entry ever in the period): each
-- customer's first entry of any kind, and the business day of their first sale.
CREATE TABLE report_customer_firsts (
  customer_id    INTEGER PRIMARY KEY,
  first_at       INTEGER NOT NULL,  -- MIN(completed_at) of every entry
  first_sale_day TEXT               -- MIN(business_day) of their sales; NULL: none yet
);
CREATE INDEX report_customer_firsts_day ON report_customer_firsts (first_sale_day, first_at);

CREATE TRIGGER report_customer_firsts_keep AFTER INSERT ON sales WHEN NEW.customer_id IS NOT NULL BEGIN
  INSERT INTO report_customer_firsts (customer_id, first_at, first_sale_day)
  VALUES (NEW.customer_id, NEW.completed_at, CASE WHEN NEW.kind = 'sale' THEN NEW.business_day END)
  ON CONFLICT (customer_id) DO UPDATE SET first_at = min(first_at, excluded.first_at),
    first_sale_day = COALESCE(min(first_sale_day, excluded.first_sale_day), first_sale_day, excluded.first_sale_day);
END;

-- What the store owes as of an instant (the liabilities at each month end):
-- each ledger's sum per UTC hour of its entries, so "up to an instant" is a few
-- thousand hours plus the raw entries of its own hour. The ledgers are
-- append-only (003_checkout.sql). Package values are worked out per package and
-- are still read raw.
CREATE TABLE report_hour_ledgers (
  hour   INTEGER NOT NULL,  -- at / 3,600,000
  ledger TEXT NOT NULL,     -- 'stored_value' (amount: principal), 'points', 'arrears'
  amount INTEGER NOT NULL,
  bonus  INTEGER NOT NULL,  -- stored value's bonus; 0 for the others
  PRIMARY KEY (hour, ledger)
) WITHOUT ROWID;

CREATE TRIGGER report_hour_ledgers_stored_value AFTER INSERT ON stored_value_ledger BEGIN
  INSERT INTO report_hour_ledgers (hour, ledger, amount, bonus)
  VALUES (NEW.at / 3600000, 'stored_value', NEW.principal_delta, NEW.bonus_delta)
  ON CONFLICT (hour, ledger) DO UPDATE SET amount = amount + excluded.amount, bonus = bonus + excluded.bonus;
END;
CREATE TRIGGER report_hour_ledgers_points AFTER INSERT ON points_ledger BEGIN
  INSERT INTO report_hour_ledgers (hour, ledger, amount, bonus) VALUES (NEW.at / 3600000, 'points', NEW.delta, 0)
  ON CONFLICT (hour, ledger) DO UPDATE SET amount = amount + excluded.amount;
END;
CREATE TRIGGER report_hour_ledgers_arrears AFTER INSERT ON arrears_ledger BEGIN
  INSERT INTO report_hour_ledgers (hour, ledger, amount, bonus) VALUES (NEW.at / 3600000, 'arrears', NEW.delta, 0)
  ON CONFLICT (hour, ledger) DO UPDATE SET amount = amount + excluded.amount;
END;

-- Members per UTC hour of their file's creation (a member: a member number or a
-- membership row, as liabilities count them today). Files and memberships change,
-- so every change moves the count (files are never deleted): an hour at zero is removed.
CREATE TABLE report_hour_members (
  hour    INTEGER PRIMARY KEY,  -- customers.created_at / 3,600,000
  members INTEGER NOT NULL
);

CREATE TRIGGER report_hour_members_file AFTER INSERT ON customers
WHEN NEW.member_no IS NOT NULL OR EXISTS (SELECT 1 FROM memberships WHERE customer_id = NEW.id) BEGIN
  INSERT INTO report_hour_members (hour, members) VALUES (NEW.created_at / 3600000, 1)
  ON CONFLICT (hour) DO UPDATE SET members = members + 1;
END;
CREATE TRIGGER report_hour_members_file_changed AFTER UPDATE OF id, member_no, created_at ON customers BEGIN
  UPDATE report_hour_members SET members = members - 1 WHERE hour = OLD.created_at / 3600000
    AND (OLD.member_no IS NOT NULL OR EXISTS (SELECT 1 FROM memberships WHERE customer_id = OLD.id));
  INSERT INTO report_hour_members (hour, members)
  SELECT NEW.created_at / 3600000, 1
  WHERE NEW.member_no IS NOT NULL OR EXISTS (SELECT 1 FROM memberships WHERE customer_id = NEW.id)
  ON CONFLICT (hour) DO UPDATE SET members = members + 1;
  DELETE FROM report_hour_members WHERE hour = OLD.created_at / 3600000 AND members = 0;
END;
-- A membership makes a member of a file without a member number (one row per customer).
CREATE TRIGGER report_hour_members_joined AFTER INSERT ON memberships BEGIN
  INSERT INTO report_hour_members (hour, members)
  SELECT created_at / 3600000, 1 FROM customers WHERE id = NEW.customer_id AND member_no IS NULL
  ON CONFLICT (hour) DO UPDATE SET members = members + 1;
END;
CREATE TRIGGER report_hour_members_left AFTER DELETE ON memberships BEGIN
  UPDATE report_hour_members SET members = members - 1
  WHERE hour = (SELECT created_at / 3600000 FROM customers WHERE id = OLD.customer_id AND member_no IS NULL);
  DELETE FROM report_hour_members WHERE members = 0
    AND hour = (SELECT created_at / 3600000 FROM customers WHERE id = OLD.customer_id);
END;
CREATE TRIGGER report_hour_members_moved AFTER UPDATE OF customer_id ON memberships BEGIN
  UPDATE report_hour_members SET members = members - 1
  WHERE hour = (SELECT created_at / 3600000 FROM customers WHERE id = OLD.customer_id AND member_no IS NULL);
  INSERT INTO report_hour_members (hour, members)
  SELECT created_at / 3600000, 1 FROM customers WHERE id = NEW.customer_id AND member_no IS NULL
  ON CONFLICT (hour) DO UPDATE SET members = members + 1;
  DELETE FROM report_hour_members WHERE members = 0
    AND hour = (SELECT created_at / 3600000 FROM customers WHERE id = OLD.customer_id);
END;

-- What the store already has.
INSERT INTO report_hour_service_duties (hour, staff, duties)
SELECT s.completed_at / 3600000, ls.staff, COUNT(*) FROM sales s
JOIN sale_lines l ON l.sale_id = s.id JOIN sale_line_staff ls ON ls.sale_id = s.id AND ls.line_no = l.line_no
WHERE s.kind = 'sale' AND l.kind = 'service'
  AND NOT EXISTS (SELECT 1 FROM sales v WHERE v.reverses = s.id AND v.kind = 'void')
GROUP BY 1, 2;

INSERT INTO report_customer_firsts (customer_id, first_at, first_sale_day)
SELECT customer_id, MIN(completed_at), MIN(CASE WHEN kind = 'sale' THEN business_day END)
FROM sales WHERE customer_id IS NOT NULL GROUP BY customer_id;

INSERT INTO report_hour_ledgers (hour, ledger, amount, bonus)
SELECT at / 3600000, 'stored_value', SUM(principal_delta), SUM(bonus_delta) FROM stored_value_ledger GROUP BY 1;
INSERT INTO report_hour_ledgers (hour, ledger, amount, bonus)
SELECT at / 3600000, 'points', SUM(delta), 0 FROM points_ledger GROUP BY 1;
INSERT INTO report_hour_ledgers (hour, ledger, amount, bonus)
SELECT at / 3600000, 'arrears', SUM(delta), 0 FROM arrears_ledger GROUP BY 1;

INSERT INTO report_hour_members (hour, members)
SELECT created_at / 3600000, COUNT(*) FROM customers c
WHERE c.member_no IS NOT NULL OR c.id IN (SELECT customer_id FROM memberships) GROUP BY 1;

INSERT INTO report_hour_consumption (hour, cashier, delay, records)
SELECT c.completed_at / 3600000, s.cashier, c.recorded_at - c.completed_at, COUNT(*)
FROM consumption_records c JOIN sales s ON s.id = c.sale_id WHERE s.kind = 'sale' GROUP BY 1, 2, 3;
