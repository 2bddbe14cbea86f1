-- Reports (issue 16): the sums of a range of business days read from indexes
-- alone, so a year of a busy store is a scan of one index, not of the table.
CREATE INDEX sales_day_figures ON sales
  (business_day, kind, customer_id, total, benefits, line_discounts, order_discount);
