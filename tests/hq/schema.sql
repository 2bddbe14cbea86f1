-- pgTAP: the head office's schema holds the rules the sync depends on.
-- Run by test_schema.py inside one transaction that is rolled back.
BEGIN;
CREATE EXTENSION IF NOT EXISTS pgtap;
SELECT plan(32);

SELECT has_table('stores');
SELECT has_table('events');
SELECT has_table('batches');
SELECT has_table('quarantine');
SELECT has_table('chain_heads');
SELECT has_table('refusals');
SELECT has_table('sales');
SELECT has_table('sale_lines');
SELECT has_table('sale_tenders');
SELECT has_table('store_days');
SELECT has_table('store_day_tenders');
SELECT has_table('chain_changes');
SELECT has_table('catalog_items');
SELECT has_table('price_overrides');
SELECT has_table('staff');
SELECT has_table('backups');
SELECT has_table('hq_settings');

SELECT col_is_pk('events', 'id', 'an event is stored once: its kiosk UUID is the key');
SELECT col_type_is('events', 'id', 'uuid');
SELECT col_is_unique('events', ARRAY['store', 'seq'], 'one event per store sequence number');
SELECT col_type_is('events', 'payload', 'jsonb');
SELECT col_is_pk('batches', 'id', 'a batch id commits once');
SELECT col_type_is('chain_changes', 'xid', 'xid8');
SELECT col_is_pk('store_days', ARRAY['store', 'business_day']);
SELECT col_type_is('store_days', 'total', 'bigint');
SELECT col_type_is('backups', 'bytes', 'bytea');
SELECT has_column('stores', 'token_hash');
SELECT hasnt_column('stores', 'token', 'HQ keeps only the hash of a store token');

INSERT INTO stores (code, name, token_hash) VALUES ('T1', 'test', repeat('a', 64));
SELECT throws_ok(
  $$INSERT INTO events (id, store, seq, type, at, day, payload, batch) VALUES
    ('00000000-0000-4000-8000-000000000001', 'T1', 1, 't', 0, '2026-12-04', '{}', gen_random_uuid()),
    ('00000000-0000-4000-8000-000000000002', 'T1', 1, 't', 0, '2026-12-04', '{}', gen_random_uuid())$$,
  '23505', NULL, 'a second event under the same store seq is refused');
SELECT throws_ok(
  $$INSERT INTO stores (code, name, token_hash) VALUES ('T 2', 'bad', repeat('b', 64))$$,
  '23514', NULL, 'store codes are plain');
-- Every write to what HQ owns leaves a change row in the same transaction.
INSERT INTO catalog_items (code, name, price_fen) VALUES ('SVC-T', 'test', 3800);
SELECT is((SELECT body->>'price_fen' FROM chain_changes WHERE key = 'SVC-T'), '3800', 'catalog writes are logged');
DELETE FROM catalog_items WHERE code = 'SVC-T';
SELECT ok((SELECT body IS NULL FROM chain_changes WHERE key = 'SVC-T' ORDER BY id DESC LIMIT 1), 'a removal travels as null');

SELECT * FROM finish();
ROLLBACK;
