-- Reports (issue 16): per-day totals of what the reports read, so a year's
-- report reads a few thousand rows instead of joining a million sales to their
-- lines, staff shares and tenders. Kept by triggers on the INSERT of the raw
-- rows — inside the very transaction that writes the sale, void or refund, and
-- whoever writes it (checkout, imports, demo data) — and those raw rows can be
-- neither updated nor deleted (003_checkout.sql), so the totals cannot drift
-- from the ledger; `verify` recomputes them from the raw rows all the same
-- (storage/report_book_verify.cpp). Rows that exist already are summed in below.

-- Entries per business day and kind: count, total and the discounts.
CREATE TABLE report_day_sales (
  business_day   TEXT NOT NULL,
  kind           TEXT NOT NULL,
  entries        INTEGER NOT NULL,
  total          INTEGER NOT NULL,
  benefits       INTEGER NOT NULL,
  line_discounts INTEGER NOT NULL,
  order_discount INTEGER NOT NULL,
  PRIMARY KEY (business_day, kind)
) WITHOUT ROWID;

-- Lines per business day, entry kind and item (the latest-sorting name kept, as
-- MAX(name) over the raw lines would give).
CREATE TABLE report_day_lines (
  business_day TEXT NOT NULL,
  sale_kind    TEXT NOT NULL,
  category     TEXT NOT NULL,
  item_code    TEXT NOT NULL,
  line_kind    TEXT NOT NULL,
  name         TEXT NOT NULL,
  net          INTEGER NOT NULL,
  qty          INTEGER NOT NULL,
  PRIMARY KEY (business_day, sale_kind, category, item_code, line_kind)
) WITHOUT ROWID;

-- Tenders per business day, entry kind and type.
CREATE TABLE report_day_tenders (
  business_day TEXT NOT NULL,
  sale_kind    TEXT NOT NULL,
  type         TEXT NOT NULL,
  entries      INTEGER NOT NULL,
  amount       INTEGER NOT NULL,
  sessions     INTEGER NOT NULL,
  points       INTEGER NOT NULL,
  PRIMARY KEY (business_day, sale_kind, type)
) WITHOUT ROWID;

-- 手工 per business day, staff member and service, by line shares, kept unrounded
-- (value × share_bp, units × share_bp) so a period's sum rounds exactly once.
CREATE TABLE report_day_staff_services (
  business_day TEXT NOT NULL,
  staff        TEXT NOT NULL,
  item_code    TEXT NOT NULL,
  category     TEXT NOT NULL,
  net_bp       INTEGER NOT NULL,
  units_bp     INTEGER NOT NULL,
  PRIMARY KEY (business_day, staff, item_code, category)
) WITHOUT ROWID;

-- Visits: a staff member performed a service for a known customer on a sale of
-- that day; last_at is that day's latest such sale (the rebooking rate asks for
-- appointments booked later that day, read when the report is made).
CREATE TABLE report_day_visits (
  business_day TEXT NOT NULL,
  staff        TEXT NOT NULL,
  customer_id  INTEGER NOT NULL,
  last_at      INTEGER NOT NULL,
  PRIMARY KEY (business_day, staff, customer_id)
) WITHOUT ROWID;

CREATE TRIGGER report_day_sales_keep AFTER INSERT ON sales BEGIN
  INSERT INTO report_day_sales (business_day, kind, entries, total, benefits, line_discounts, order_discount)
  VALUES (NEW.business_day, NEW.kind, 1, NEW.total, NEW.benefits, NEW.line_discounts, NEW.order_discount)
  ON CONFLICT (business_day, kind) DO UPDATE SET entries = entries + 1, total = total + excluded.total,
    benefits = benefits + excluded.benefits, line_discounts = line_discounts + excluded.line_discounts,
    order_discount = order_discount + excluded.order_discount;
END;

CREATE TRIGGER report_day_lines_keep AFTER INSERT ON sale_lines BEGIN
  INSERT INTO report_day_lines (business_day, sale_kind, category, item_code, line_kind, name, net, qty)
  SELECT s.business_day, s.kind, NEW.category, NEW.item_code, NEW.kind, NEW.name, NEW.net, NEW.qty
  FROM sales s WHERE s.id = NEW.sale_id
  ON CONFLICT (business_day, sale_kind, category, item_code, line_kind) DO UPDATE SET
    name = max(name, excluded.name), net = net + excluded.net, qty = qty + excluded.qty;
END;

CREATE TRIGGER report_day_tenders_keep AFTER INSERT ON sale_tenders BEGIN
  INSERT INTO report_day_tenders (business_day, sale_kind, type, entries, amount, sessions, points)
  SELECT s.business_day, s.kind, NEW.type, 1, NEW.amount, NEW.sessions, NEW.points
  FROM sales s WHERE s.id = NEW.sale_id
  ON CONFLICT (business_day, sale_kind, type) DO UPDATE SET entries = entries + 1,
    amount = amount + excluded.amount, sessions = sessions + excluded.sessions, points = points + excluded.points;
END;

CREATE TRIGGER report_day_staff_keep AFTER INSERT ON sale_line_staff BEGIN
  INSERT INTO report_day_staff_services (business_day, staff, item_code, category, net_bp, units_bp)
  SELECT s.business_day, NEW.staff, l.item_code, l.category, l.net * NEW.share_bp, l.qty * NEW.share_bp
  FROM sales s, sale_lines l
  WHERE s.id = NEW.sale_id AND l.sale_id = NEW.sale_id AND l.line_no = NEW.line_no AND l.kind = 'service'
  ON CONFLICT (business_day, staff, item_code, category) DO UPDATE SET
    net_bp = net_bp + excluded.net_bp, units_bp = units_bp + excluded.units_bp;
  INSERT INTO report_day_visits (business_day, staff, customer_id, last_at)
  SELECT s.business_day, NEW.staff, s.customer_id, s.completed_at
  FROM sales s, sale_lines l
  WHERE s.id = NEW.sale_id AND s.kind = 'sale' AND s.customer_id IS NOT NULL
    AND l.sale_id = NEW.sale_id AND l.line_no = NEW.line_no AND l.kind = 'service'
  ON CONFLICT (business_day, staff, customer_id) DO UPDATE SET last_at = max(last_at, excluded.last_at);
END;

-- What the store already has.
INSERT INTO report_day_sales (business_day, kind, entries, total, benefits, line_discounts, order_discount)
SELECT business_day, kind, COUNT(*), SUM(total), SUM(benefits), SUM(line_discounts), SUM(order_discount)
FROM sales GROUP BY business_day, kind;

INSERT INTO report_day_lines (business_day, sale_kind, category, item_code, line_kind, name, net, qty)
SELECT s.business_day, s.kind, l.category, l.item_code, l.kind, MAX(l.name), SUM(l.net), SUM(l.qty)
FROM sales s JOIN sale_lines l ON l.sale_id = s.id
GROUP BY s.business_day, s.kind, l.category, l.item_code, l.kind;

INSERT INTO report_day_tenders (business_day, sale_kind, type, entries, amount, sessions, points)
SELECT s.business_day, s.kind, t.type, COUNT(*), SUM(t.amount), SUM(t.sessions), SUM(t.points)
FROM sales s JOIN sale_tenders t ON t.sale_id = s.id
GROUP BY s.business_day, s.kind, t.type;

INSERT INTO report_day_staff_services (business_day, staff, item_code, category, net_bp, units_bp)
SELECT s.business_day, st.staff, l.item_code, l.category, SUM(l.net * st.share_bp), SUM(l.qty * st.share_bp)
FROM sales s JOIN sale_lines l ON l.sale_id = s.id
JOIN sale_line_staff st ON st.sale_id = l.sale_id AND st.line_no = l.line_no
WHERE l.kind = 'service'
GROUP BY s.business_day, st.staff, l.item_code, l.category;

INSERT INTO report_day_visits (business_day, staff, customer_id, last_at)
SELECT s.business_day, st.staff, s.customer_id, MAX(s.completed_at)
FROM sales s JOIN sale_lines l ON l.sale_id = s.id
JOIN sale_line_staff st ON st.sale_id = l.sale_id AND st.line_no = l.line_no
WHERE s.kind = 'sale' AND s.customer_id IS NOT NULL AND l.kind = 'service'
GROUP BY s.business_day, st.staff, s.customer_id;
