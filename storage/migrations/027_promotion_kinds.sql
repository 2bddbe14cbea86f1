-- Promotions of four kinds (app/core/promotion.h): percent off as before, a fixed
-- price, a member price, buy N get M free. percent_off_bp's CHECK only holds for
-- percent off now, so the table is rebuilt (SQLite cannot change a CHECK); rows
-- keep their ids, figures and dates.
CREATE TABLE promotions_kinds (
  id             TEXT PRIMARY KEY,
  name           TEXT NOT NULL,
  item_code      TEXT NOT NULL DEFAULT '',
  category       TEXT NOT NULL DEFAULT '',
  kind           TEXT NOT NULL DEFAULT 'percent_off'
                 CHECK (kind IN ('percent_off', 'fixed_price', 'member_price', 'buy_get_free')),
  percent_off_bp INTEGER NOT NULL DEFAULT 0 CHECK (percent_off_bp BETWEEN 0 AND 10000),
  price_fen      INTEGER NOT NULL DEFAULT 0 CHECK (price_fen >= 0),
  buy_qty        INTEGER NOT NULL DEFAULT 0 CHECK (buy_qty >= 0),
  free_qty       INTEGER NOT NULL DEFAULT 0 CHECK (free_qty >= 0),
  from_at        INTEGER NOT NULL,
  until_at       INTEGER NOT NULL,
  created_at     INTEGER NOT NULL,
  created_by     TEXT NOT NULL,
  CHECK (kind <> 'percent_off' OR percent_off_bp BETWEEN 1 AND 10000),
  CHECK (kind <> 'buy_get_free' OR (buy_qty >= 1 AND free_qty >= 1))
);
INSERT INTO promotions_kinds (id, name, item_code, category, percent_off_bp, from_at, until_at, created_at, created_by)
  SELECT id, name, item_code, category, percent_off_bp, from_at, until_at, created_at, created_by FROM promotions;
DROP TABLE promotions;
ALTER TABLE promotions_kinds RENAME TO promotions;
