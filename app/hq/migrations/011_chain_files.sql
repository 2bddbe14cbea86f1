-- Customer files across the chain (issue 18): each store sends its files up sealed
-- under the chain's data key, which head office never receives (customer.file
-- {"file_no", "keys", "sealed"}); head office keeps the newest per file and finds it
-- by blind keys (hex HMAC-SHA256 under the chain's lookup key of the full phone, the
-- member number and the file number), never by a name or a phone it could read.
-- Every version stays in `events` (append-only): that is the file's history here.
CREATE TABLE chain_files (
  file_no  text PRIMARY KEY,
  store    text NOT NULL,                  -- the store that sent this version
  sealed   text NOT NULL,                  -- base64 nonce | secretbox(the file's JSON)
  event_id uuid NOT NULL,                  -- the customer.file event it came in
  at       timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE chain_file_keys (
  key     text NOT NULL,                   -- 64 hex
  file_no text NOT NULL REFERENCES chain_files (file_no),
  PRIMARY KEY (key, file_no)
);
CREATE INDEX chain_file_keys_file ON chain_file_keys (file_no);

-- Stores holding a copy (the one that sent it, and each that brought it in through
-- GET /files): a new version goes down to the others as `customer.file`.
CREATE TABLE chain_file_holders (
  file_no text NOT NULL REFERENCES chain_files (file_no),
  store   text NOT NULL,
  since   timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (file_no, store)
);

-- Every look through GET /files (who, from which store, why), like member_views.
CREATE TABLE chain_file_views (
  id      bigserial PRIMARY KEY,
  store   text NOT NULL,
  staff   text NOT NULL,
  purpose text NOT NULL,
  key     text NOT NULL,
  files   text[] NOT NULL,                 -- the file numbers answered ({} when none)
  at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX chain_file_views_at ON chain_file_views (at);
CREATE FUNCTION chain_file_views_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'chain_file_views is append-only';
END $$;
CREATE TRIGGER chain_file_views_append_only BEFORE UPDATE OR DELETE ON chain_file_views
  FOR EACH ROW EXECUTE FUNCTION chain_file_views_append_only();
