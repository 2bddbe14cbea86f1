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

-- Service details by the end of the service they are for: the reports find the
-- details of a span of services without reading every one.
CREATE INDEX service_details_ended ON service_details (ended_at);

-- What the store already has.
INSERT INTO report_hour_service_duties (hour, staff, duties)
SELECT s.completed_at / 3600000, ls.staff, COUNT(*) FROM sales s
JOIN sale_lines l ON l.sale_id = s.id JOIN sale_line_staff ls ON ls.sale_id = s.id AND ls.line_no = l.line_no
WHERE s.kind = 'sale' AND l.kind = 'service'
  AND NOT EXISTS (SELECT 1 FROM sales v WHERE v.reverses = s.id AND v.kind = 'void')
GROUP BY 1, 2;
