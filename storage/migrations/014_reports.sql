-- Reports (issue 16): the sums of a range of business days read from indexes
-- alone, so a year of a busy store is a scan of one index, not of the table.
-- The sale's id is in it too: joining a day's sales to their lines, staff shares
-- and tenders then seeks those tables' primary keys without reading the sale's row.
CREATE INDEX sales_day_figures ON sales
  (business_day, kind, customer_id, total, benefits, line_discounts, order_discount, id, completed_at);
-- The record-keeping clocks find the services settled in a span of instants,
-- already in the order they are judged in (completed_at, id).
CREATE INDEX sales_completed ON sales (kind, completed_at, id, customer_id);
-- What the store owes as of an instant (liabilities at each month end): each
-- ledger's sum up to that instant is a range of one index.
CREATE INDEX stored_value_ledger_at ON stored_value_ledger (at, principal_delta, bonus_delta);
CREATE INDEX points_ledger_at ON points_ledger (at, delta);
CREATE INDEX arrears_ledger_at ON arrears_ledger (at, delta);
-- Members as of an instant: counted from this index instead of every customer's row.
CREATE INDEX customers_created_members ON customers (created_at, member_no);
