-- What head office owns and sends down: catalog, per-store price overrides,
-- promotions, tiers, staff and chain settings. Every write to them appends a row
-- to chain_changes (by trigger, so no writer can forget), stamped with the id of
-- the transaction that wrote it: /changes pages by that id's visibility.

CREATE TABLE chain_changes (
  id    bigserial PRIMARY KEY,
  xid   xid8 NOT NULL DEFAULT pg_current_xact_id(),
  kind  text NOT NULL,
  key   text NOT NULL,
  store text,                              -- NULL: every store
  body  jsonb,                             -- NULL: removed / retired
  at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX chain_changes_order ON chain_changes (xid, id);

CREATE TABLE catalog_items (
  code             text PRIMARY KEY,
  name             text NOT NULL,
  category         text NOT NULL DEFAULT '',
  price_fen        bigint NOT NULL CHECK (price_fen >= 0),
  member_price_fen bigint CHECK (member_price_fen >= 0),
  active           boolean NOT NULL DEFAULT true
);

CREATE TABLE price_overrides (
  store     text NOT NULL REFERENCES stores (code),
  item      text NOT NULL REFERENCES catalog_items (code),
  price_fen bigint NOT NULL CHECK (price_fen >= 0),
  PRIMARY KEY (store, item)
);

CREATE TABLE promotions (
  code   text PRIMARY KEY,
  body   jsonb NOT NULL,
  active boolean NOT NULL DEFAULT true
);

CREATE TABLE tiers (
  code text PRIMARY KEY,
  body jsonb NOT NULL
);

CREATE TABLE staff (
  code   text PRIMARY KEY,
  name   text NOT NULL,
  role   text NOT NULL,
  stores text[] NOT NULL DEFAULT '{}',     -- a staff member may work in several stores
  active boolean NOT NULL DEFAULT true
);

CREATE TABLE chain_settings (
  key   text PRIMARY KEY,
  value text NOT NULL
);

CREATE FUNCTION log_chain_change() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  v_kind text; v_key text; v_store text := NULL; v_body jsonb := NULL; rec record;
BEGIN
  IF TG_OP = 'DELETE' THEN rec := OLD; ELSE rec := NEW; END IF;
  CASE TG_TABLE_NAME
    WHEN 'catalog_items' THEN
      v_kind := 'catalog.item'; v_key := rec.code;
      v_body := jsonb_build_object('code', rec.code, 'name', rec.name, 'category', rec.category,
                                 'price_fen', rec.price_fen, 'member_price_fen', rec.member_price_fen,
                                 'active', rec.active);
    WHEN 'price_overrides' THEN
      v_kind := 'price.override'; v_key := rec.item; v_store := rec.store;
      v_body := jsonb_build_object('item', rec.item, 'price_fen', rec.price_fen);
    WHEN 'promotions' THEN
      v_kind := 'promotion'; v_key := rec.code;
      v_body := rec.body || jsonb_build_object('code', rec.code, 'active', rec.active);
    WHEN 'tiers' THEN
      v_kind := 'tier'; v_key := rec.code; v_body := rec.body || jsonb_build_object('code', rec.code);
    WHEN 'staff' THEN
      v_kind := 'staff'; v_key := rec.code;
      v_body := jsonb_build_object('code', rec.code, 'name', rec.name, 'role', rec.role,
                                 'stores', to_jsonb(rec.stores), 'active', rec.active);
    WHEN 'chain_settings' THEN
      v_kind := 'setting'; v_key := rec.key; v_body := jsonb_build_object('key', rec.key, 'value', rec.value);
  END CASE;
  IF TG_OP = 'DELETE' THEN v_body := NULL; END IF;
  INSERT INTO chain_changes (kind, key, store, body) VALUES (v_kind, v_key, v_store, v_body);
  RETURN NULL;
END $$;

CREATE TRIGGER catalog_items_changed AFTER INSERT OR UPDATE OR DELETE ON catalog_items
  FOR EACH ROW EXECUTE FUNCTION log_chain_change();
CREATE TRIGGER price_overrides_changed AFTER INSERT OR UPDATE OR DELETE ON price_overrides
  FOR EACH ROW EXECUTE FUNCTION log_chain_change();
CREATE TRIGGER promotions_changed AFTER INSERT OR UPDATE OR DELETE ON promotions
  FOR EACH ROW EXECUTE FUNCTION log_chain_change();
CREATE TRIGGER tiers_changed AFTER INSERT OR UPDATE OR DELETE ON tiers
  FOR EACH ROW EXECUTE FUNCTION log_chain_change();
CREATE TRIGGER staff_changed AFTER INSERT OR UPDATE OR DELETE ON staff
  FOR EACH ROW EXECUTE FUNCTION log_chain_change();
CREATE TRIGGER chain_settings_changed AFTER INSERT OR UPDATE OR DELETE ON chain_settings
  FOR EACH ROW EXECUTE FUNCTION log_chain_change();

-- The kiosks' encrypted backups (HQ cannot read them).
CREATE TABLE backups (
  id    uuid PRIMARY KEY,
  store text NOT NULL REFERENCES stores (code),
  name  text NOT NULL,
  bytes bytea NOT NULL,
  size  bigint NOT NULL,
  at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX backups_store ON backups (store, at DESC);
