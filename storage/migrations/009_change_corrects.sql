-- A change request may correct a record with a recording clock (a sale's
-- consumption record, a service's details): once approved, that record counts
-- as corrected in the compliance report's error rate, charged to whoever made it.
ALTER TABLE change_requests ADD COLUMN corrects_type TEXT NOT NULL DEFAULT '';
ALTER TABLE change_requests ADD COLUMN corrects_id TEXT NOT NULL DEFAULT '';
CREATE INDEX change_requests_corrects ON change_requests (corrects_type, corrects_id) WHERE corrects_type <> '';
