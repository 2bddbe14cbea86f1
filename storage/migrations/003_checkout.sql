-- Checkout and membership: catalog and prices, member tiers, balances and their
-- append-only ledgers, business days, sales (with voids, refunds and arrears
-- settlements as new reversing entries), the consumption record.

CREATE TABLE catalog_items (
  code             TEXT PRIMARY KEY,
  name             TEXT NOT NULL,
  kind             TEXT NOT NULL CHECK (kind IN ('service','product','package','stored_value_plan')),
  category         TEXT NOT NULL,
  duration_minutes INTEGER NOT NULL DEFAULT 0,
  qualified_staff  TEXT NOT NULL DEFAULT '',     -- comma separated staff codes; '' = anyone
  package_service  TEXT NOT NULL DEFAULT '',
  package_sessions INTEGER NOT NULL DEFAULT 0,
  validity_days    INTEGER NOT NULL DEFAULT 0,
  sv_bonus         INTEGER NOT NULL DEFAULT 0 CHECK (sv_bonus >= 0),
  active           INTEGER NOT NULL DEFAULT 1,
  updated_at       INTEGER NOT NULL
);

-- Effective-dated list prices: a price is in force from from_at to the next one.
CREATE TABLE catalog_prices (
  item_code  TEXT NOT NULL REFERENCES catalog_items (code),
  from_at    INTEGER NOT NULL,
  price      INTEGER NOT NULL CHECK (price >= 0),
  created_at INTEGER NOT NULL,
  created_by TEXT NOT NULL,
  PRIMARY KEY (item_code, from_at)
) WITHOUT ROWID;
CREATE TRIGGER catalog_prices_no_update BEFORE UPDATE ON catalog_prices
BEGIN SELECT RAISE(ABORT, 'prices are effective-dated: add a new one'); END;
CREATE TRIGGER catalog_prices_no_delete BEFORE DELETE ON catalog_prices
BEGIN SELECT RAISE(ABORT, 'prices are effective-dated: add a new one'); END;

CREATE TABLE promotions (
  id             TEXT PRIMARY KEY,
  name           TEXT NOT NULL,
  item_code      TEXT NOT NULL DEFAULT '',
  category       TEXT NOT NULL DEFAULT '',
  percent_off_bp INTEGER NOT NULL CHECK (percent_off_bp BETWEEN 1 AND 10000),
  from_at        INTEGER NOT NULL,
  until_at       INTEGER NOT NULL,
  created_at     INTEGER NOT NULL,
  created_by     TEXT NOT NULL
);

CREATE TABLE member_tiers (
  code            TEXT PRIMARY KEY,
  name            TEXT NOT NULL,
  rank            INTEGER NOT NULL UNIQUE,
  min_spend_12m   INTEGER NOT NULL DEFAULT 0,
  min_visits_12m  INTEGER NOT NULL DEFAULT 0,
  points_per_yuan INTEGER NOT NULL DEFAULT 1
);
CREATE TABLE tier_discounts (
  tier_code   TEXT NOT NULL REFERENCES member_tiers (code),
  category    TEXT NOT NULL,
  discount_bp INTEGER NOT NULL CHECK (discount_bp BETWEEN 0 AND 10000),
  PRIMARY KEY (tier_code, category)
) WITHOUT ROWID;

-- A member's tier and the period at whose end a downgrade may apply.
CREATE TABLE memberships (
  customer_id  INTEGER PRIMARY KEY REFERENCES customers (id),
  tier_code    TEXT NOT NULL REFERENCES member_tiers (code),
  period_end   INTEGER NOT NULL,
  updated_at   INTEGER NOT NULL
);

-- Membership applications (入会申请), approved or returned by a supervisor.
CREATE TABLE membership_applications (
  id          TEXT PRIMARY KEY,
  customer_id INTEGER NOT NULL REFERENCES customers (id),
  applied_at  INTEGER NOT NULL,
  applied_by  TEXT NOT NULL,
  status      TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'rejected')),
  decided_by  TEXT,
  decided_at  INTEGER,
  note        TEXT NOT NULL DEFAULT ''
);
CREATE UNIQUE INDEX membership_applications_one_pending ON membership_applications (customer_id) WHERE status = 'pending';

-- Balances: each equals the sum of its ledger (checked by `verify`), never negative.
CREATE TABLE member_balances (
  customer_id   INTEGER PRIMARY KEY REFERENCES customers (id),
  points        INTEGER NOT NULL DEFAULT 0 CHECK (points >= 0),
  sv_principal  INTEGER NOT NULL DEFAULT 0 CHECK (sv_principal >= 0),
  sv_bonus      INTEGER NOT NULL DEFAULT 0 CHECK (sv_bonus >= 0),
  arrears       INTEGER NOT NULL DEFAULT 0 CHECK (arrears >= 0),
  arrears_limit INTEGER,                       -- NULL: the store's default
  arrears_since INTEGER NOT NULL DEFAULT 0,    -- when the unsettled arrears began
  reminders     INTEGER NOT NULL DEFAULT 0,    -- since the arrears began
  override      INTEGER NOT NULL DEFAULT 0     -- a manager lifted the suspension
);

CREATE TABLE points_ledger (
  id          INTEGER PRIMARY KEY,
  customer_id INTEGER NOT NULL REFERENCES customers (id),
  sale_id     TEXT,
  delta       INTEGER NOT NULL,
  kind        TEXT NOT NULL,   -- earn, redeem, redeem_reversal, earn_reversal, expire
  expires_at  INTEGER NOT NULL DEFAULT 0,
  at          INTEGER NOT NULL
);
CREATE INDEX points_ledger_customer ON points_ledger (customer_id, id);
CREATE INDEX points_ledger_sale ON points_ledger (sale_id) WHERE sale_id IS NOT NULL;

CREATE TABLE stored_value_ledger (
  id              INTEGER PRIMARY KEY,
  customer_id     INTEGER NOT NULL REFERENCES customers (id),
  sale_id         TEXT NOT NULL,
  principal_delta INTEGER NOT NULL,
  bonus_delta     INTEGER NOT NULL,
  kind            TEXT NOT NULL,  -- top_up, spend, spend_reversal, refund
  at              INTEGER NOT NULL
);
CREATE INDEX stored_value_ledger_customer ON stored_value_ledger (customer_id, id);
CREATE INDEX stored_value_ledger_sale ON stored_value_ledger (sale_id);

CREATE TABLE customer_packages (
  id                 TEXT PRIMARY KEY,          -- <sale id>/<line no>
  customer_id        INTEGER NOT NULL REFERENCES customers (id),
  sale_id            TEXT NOT NULL,
  package_code       TEXT NOT NULL,
  service_code       TEXT NOT NULL,
  sessions_total     INTEGER NOT NULL,
  sessions_left      INTEGER NOT NULL CHECK (sessions_left >= 0 AND sessions_left <= sessions_total),
  paid               INTEGER NOT NULL,
  session_list_price INTEGER NOT NULL,
  expires_at         INTEGER NOT NULL
);
CREATE INDEX customer_packages_customer ON customer_packages (customer_id);
CREATE TABLE package_ledger (
  id         INTEGER PRIMARY KEY,
  package_id TEXT NOT NULL REFERENCES customer_packages (id),
  sale_id    TEXT NOT NULL,
  delta      INTEGER NOT NULL,
  kind       TEXT NOT NULL,   -- buy, use, restore, refund
  at         INTEGER NOT NULL
);
CREATE INDEX package_ledger_package ON package_ledger (package_id);
CREATE INDEX package_ledger_sale ON package_ledger (sale_id);

CREATE TABLE stock_levels (
  item_code TEXT PRIMARY KEY REFERENCES catalog_items (code),
  qty       INTEGER NOT NULL CHECK (qty >= 0)
);
CREATE TABLE stock_ledger (
  id        INTEGER PRIMARY KEY,
  item_code TEXT NOT NULL REFERENCES catalog_items (code),
  sale_id   TEXT,
  delta     INTEGER NOT NULL,
  kind      TEXT NOT NULL,   -- receive, sale, return, count
  at        INTEGER NOT NULL,
  staff     TEXT NOT NULL
);
CREATE INDEX stock_ledger_item ON stock_ledger (item_code);
CREATE INDEX stock_ledger_sale ON stock_ledger (sale_id) WHERE sale_id IS NOT NULL;

CREATE TABLE arrears_ledger (
  id          INTEGER PRIMARY KEY,
  customer_id INTEGER NOT NULL REFERENCES customers (id),
  sale_id     TEXT NOT NULL,
  delta       INTEGER NOT NULL,
  kind        TEXT NOT NULL,   -- charge, charge_reversal, settle
  at          INTEGER NOT NULL
);
CREATE INDEX arrears_ledger_customer ON arrears_ledger (customer_id);
CREATE INDEX arrears_ledger_sale ON arrears_ledger (sale_id);
CREATE TABLE arrears_reminders (
  id          INTEGER PRIMARY KEY,
  customer_id INTEGER NOT NULL REFERENCES customers (id),
  at          INTEGER NOT NULL,
  staff       TEXT NOT NULL,
  channel     TEXT NOT NULL,   -- phone, sms, wechat, in_person
  note        TEXT NOT NULL
);
CREATE TABLE arrears_overrides (
  id          INTEGER PRIMARY KEY,
  customer_id INTEGER NOT NULL REFERENCES customers (id),
  at          INTEGER NOT NULL,
  staff       TEXT NOT NULL,
  reason      TEXT NOT NULL
);

CREATE TABLE business_days (
  date           TEXT PRIMARY KEY,  -- the date the day was opened
  opened_at      INTEGER NOT NULL,
  opened_by      TEXT NOT NULL,
  opening_float  INTEGER NOT NULL DEFAULT 0,
  closed_at      INTEGER,
  closed_by      TEXT,
  expected_cash  INTEGER,
  counted_cash   INTEGER,
  denominations  TEXT              -- JSON {"10000": 3, ...}
);
-- At most one open day.
CREATE UNIQUE INDEX business_days_one_open ON business_days ((closed_at IS NULL)) WHERE closed_at IS NULL;

CREATE TABLE sales (
  id                 TEXT PRIMARY KEY,
  kind               TEXT NOT NULL CHECK (kind IN ('sale','void','refund','arrears_settlement')),
  reverses           TEXT REFERENCES sales (id),
  business_day       TEXT NOT NULL REFERENCES business_days (date),
  completed_at       INTEGER NOT NULL,
  recorded_at        INTEGER NOT NULL,
  cashier            TEXT NOT NULL,
  customer_id        INTEGER REFERENCES customers (id),
  customer_name      TEXT NOT NULL DEFAULT '',
  tier_code          TEXT NOT NULL DEFAULT '',
  birthday           INTEGER NOT NULL DEFAULT 0,
  gross              INTEGER NOT NULL,
  benefits           INTEGER NOT NULL,
  line_discounts     INTEGER NOT NULL,
  order_discount     INTEGER NOT NULL,
  subtotal           INTEGER NOT NULL,
  tax                INTEGER NOT NULL,
  tax_inclusive      INTEGER NOT NULL,
  rounding           INTEGER NOT NULL,
  total              INTEGER NOT NULL,
  change_given       INTEGER NOT NULL,
  points_earned      INTEGER NOT NULL,
  reason             TEXT NOT NULL DEFAULT '',
  approved_by        TEXT NOT NULL DEFAULT '',
  fingerprint        TEXT NOT NULL,
  points_after       INTEGER NOT NULL,
  sv_principal_after INTEGER NOT NULL,
  sv_bonus_after     INTEGER NOT NULL,
  arrears_after      INTEGER NOT NULL
);
CREATE INDEX sales_day ON sales (business_day, kind);
CREATE INDEX sales_customer ON sales (customer_id, completed_at);
CREATE INDEX sales_reverses ON sales (reverses) WHERE reverses IS NOT NULL;

CREATE TABLE sale_lines (
  sale_id         TEXT NOT NULL REFERENCES sales (id),
  line_no         INTEGER NOT NULL,
  item_code       TEXT NOT NULL,
  name            TEXT NOT NULL,
  category        TEXT NOT NULL,
  kind            TEXT NOT NULL,
  qty             INTEGER NOT NULL,
  unit_price      INTEGER NOT NULL,
  gross           INTEGER NOT NULL,
  benefit         TEXT NOT NULL,
  benefit_amount  INTEGER NOT NULL,
  manual_discount INTEGER NOT NULL,
  adjustment      INTEGER NOT NULL,
  net             INTEGER NOT NULL,
  reverses_line   INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (sale_id, line_no)
) WITHOUT ROWID;

CREATE TABLE sale_line_staff (
  sale_id  TEXT NOT NULL REFERENCES sales (id),
  line_no  INTEGER NOT NULL,
  pos      INTEGER NOT NULL,                   -- 1 = the main staff member of the line
  staff    TEXT NOT NULL REFERENCES staff (code),
  share_bp INTEGER NOT NULL CHECK (share_bp BETWEEN 1 AND 10000),
  PRIMARY KEY (sale_id, line_no, staff)
) WITHOUT ROWID;

CREATE TABLE sale_tenders (
  sale_id         TEXT NOT NULL REFERENCES sales (id),
  seq             INTEGER NOT NULL,
  type            TEXT NOT NULL,
  amount          INTEGER NOT NULL,
  handed          INTEGER NOT NULL,
  ref             TEXT NOT NULL,
  principal       INTEGER NOT NULL,
  bonus           INTEGER NOT NULL,
  points          INTEGER NOT NULL,
  package_id      TEXT NOT NULL,
  sessions        INTEGER NOT NULL,
  line_no         INTEGER NOT NULL,
  reverses_tender INTEGER NOT NULL,
  PRIMARY KEY (sale_id, seq)
) WITHOUT ROWID;

-- 业绩 and 消耗/手工 per staff member per sale, by line shares (for the reports).
CREATE TABLE staff_performance (
  id           INTEGER PRIMARY KEY,
  sale_id      TEXT NOT NULL REFERENCES sales (id),
  business_day TEXT NOT NULL,
  staff        TEXT NOT NULL,
  category     TEXT NOT NULL,
  performance  INTEGER NOT NULL,
  service      INTEGER NOT NULL
);
CREATE INDEX staff_performance_day ON staff_performance (business_day, staff, performance, service);
CREATE INDEX staff_performance_sale ON staff_performance (sale_id);
-- The same per staff member and day, kept with each entry, so a year's report
-- reads a few thousand rows instead of millions (verify checks it against the rows above).
CREATE TABLE staff_day_totals (
  business_day TEXT NOT NULL,
  staff        TEXT NOT NULL,
  performance  INTEGER NOT NULL,
  service      INTEGER NOT NULL,
  PRIMARY KEY (business_day, staff)
) WITHOUT ROWID;

-- The consumption record (消费数据): time, items, amount, payment, customer.
CREATE TABLE consumption_records (
  sale_id      TEXT PRIMARY KEY REFERENCES sales (id),
  customer_id  INTEGER REFERENCES customers (id),
  completed_at INTEGER NOT NULL,
  recorded_at  INTEGER NOT NULL,
  items        TEXT NOT NULL,
  amount       INTEGER NOT NULL,
  payment      TEXT NOT NULL
);
CREATE INDEX consumption_records_customer ON consumption_records (customer_id, completed_at);

-- Append-only: what happened is never updated away or deleted.
CREATE TRIGGER sales_no_update BEFORE UPDATE ON sales
BEGIN SELECT RAISE(ABORT, 'sales is append-only'); END;
CREATE TRIGGER sales_no_delete BEFORE DELETE ON sales
BEGIN SELECT RAISE(ABORT, 'sales is append-only'); END;
CREATE TRIGGER sale_lines_no_update BEFORE UPDATE ON sale_lines
BEGIN SELECT RAISE(ABORT, 'sale_lines is append-only'); END;
CREATE TRIGGER sale_lines_no_delete BEFORE DELETE ON sale_lines
BEGIN SELECT RAISE(ABORT, 'sale_lines is append-only'); END;
CREATE TRIGGER sale_line_staff_no_update BEFORE UPDATE ON sale_line_staff
BEGIN SELECT RAISE(ABORT, 'sale_line_staff is append-only'); END;
CREATE TRIGGER sale_line_staff_no_delete BEFORE DELETE ON sale_line_staff
BEGIN SELECT RAISE(ABORT, 'sale_line_staff is append-only'); END;
CREATE TRIGGER sale_tenders_no_update BEFORE UPDATE ON sale_tenders
BEGIN SELECT RAISE(ABORT, 'sale_tenders is append-only'); END;
CREATE TRIGGER sale_tenders_no_delete BEFORE DELETE ON sale_tenders
BEGIN SELECT RAISE(ABORT, 'sale_tenders is append-only'); END;
CREATE TRIGGER staff_performance_no_update BEFORE UPDATE ON staff_performance
BEGIN SELECT RAISE(ABORT, 'staff_performance is append-only'); END;
CREATE TRIGGER staff_performance_no_delete BEFORE DELETE ON staff_performance
BEGIN SELECT RAISE(ABORT, 'staff_performance is append-only'); END;
CREATE TRIGGER consumption_records_no_update BEFORE UPDATE ON consumption_records
BEGIN SELECT RAISE(ABORT, 'consumption_records is append-only'); END;
CREATE TRIGGER consumption_records_no_delete BEFORE DELETE ON consumption_records
BEGIN SELECT RAISE(ABORT, 'consumption_records is append-only'); END;
CREATE TRIGGER points_ledger_no_update BEFORE UPDATE ON points_ledger
BEGIN SELECT RAISE(ABORT, 'points_ledger is append-only'); END;
CREATE TRIGGER points_ledger_no_delete BEFORE DELETE ON points_ledger
BEGIN SELECT RAISE(ABORT, 'points_ledger is append-only'); END;
CREATE TRIGGER stored_value_ledger_no_update BEFORE UPDATE ON stored_value_ledger
BEGIN SELECT RAISE(ABORT, 'stored_value_ledger is append-only'); END;
CREATE TRIGGER stored_value_ledger_no_delete BEFORE DELETE ON stored_value_ledger
BEGIN SELECT RAISE(ABORT, 'stored_value_ledger is append-only'); END;
CREATE TRIGGER package_ledger_no_update BEFORE UPDATE ON package_ledger
BEGIN SELECT RAISE(ABORT, 'package_ledger is append-only'); END;
CREATE TRIGGER package_ledger_no_delete BEFORE DELETE ON package_ledger
BEGIN SELECT RAISE(ABORT, 'package_ledger is append-only'); END;
CREATE TRIGGER stock_ledger_no_update BEFORE UPDATE ON stock_ledger
BEGIN SELECT RAISE(ABORT, 'stock_ledger is append-only'); END;
CREATE TRIGGER stock_ledger_no_delete BEFORE DELETE ON stock_ledger
BEGIN SELECT RAISE(ABORT, 'stock_ledger is append-only'); END;
CREATE TRIGGER arrears_ledger_no_update BEFORE UPDATE ON arrears_ledger
BEGIN SELECT RAISE(ABORT, 'arrears_ledger is append-only'); END;
CREATE TRIGGER arrears_ledger_no_delete BEFORE DELETE ON arrears_ledger
BEGIN SELECT RAISE(ABORT, 'arrears_ledger is append-only'); END;
CREATE TRIGGER arrears_reminders_no_update BEFORE UPDATE ON arrears_reminders
BEGIN SELECT RAISE(ABORT, 'arrears_reminders is append-only'); END;
CREATE TRIGGER arrears_reminders_no_delete BEFORE DELETE ON arrears_reminders
BEGIN SELECT RAISE(ABORT, 'arrears_reminders is append-only'); END;
CREATE TRIGGER arrears_overrides_no_update BEFORE UPDATE ON arrears_overrides
BEGIN SELECT RAISE(ABORT, 'arrears_overrides is append-only'); END;
CREATE TRIGGER arrears_overrides_no_delete BEFORE DELETE ON arrears_overrides
BEGIN SELECT RAISE(ABORT, 'arrears_overrides is append-only'); END;
