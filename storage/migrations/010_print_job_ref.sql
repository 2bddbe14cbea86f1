-- What a print job prints: a receipt's sale id. A sale's reprints are counted
-- by this column (kind 'receipt', ref = the sale), never by matching its title.
ALTER TABLE print_jobs ADD COLUMN ref TEXT NOT NULL DEFAULT '';
-- Receipts printed before: their title is '小票 ' and the sale number
-- (store code, business day without dashes, the sale id's first 8 characters).
UPDATE print_jobs SET ref = ifnull((
  SELECT s.id FROM sales s
  WHERE '小票 ' || ifnull((SELECT value FROM store_settings WHERE key = 'store.code'), 'S01') || '-' ||
        replace(s.business_day, '-', '') || '-' || substr(s.id, 1, 8) = print_jobs.title), '')
WHERE kind = 'receipt';
CREATE INDEX print_jobs_ref ON print_jobs (kind, ref) WHERE ref <> '';
