-- Projections, written in the batch's transaction and only for events that were new.
-- Figures match the kiosk's Z report: every kind counts into the day's total and
-- tenders with its own sign; sales/voids/refunds/settlements are counted apart.
-- No foreign keys on the per-event rows (see events in 001): the batch writes them.

CREATE TABLE sales (
  id           uuid PRIMARY KEY,            -- the event's id
  store        text NOT NULL,
  business_day date NOT NULL,
  kind         text NOT NULL CHECK (kind IN ('sale', 'void', 'refund', 'arrears_settlement')),
  reverses     text,
  cashier      text NOT NULL,
  customer_id  bigint,
  total        bigint NOT NULL,
  completed_at bigint NOT NULL             -- kiosk clock, ms
);

CREATE TABLE sale_lines (
  sale_id    uuid NOT NULL,
  line       integer NOT NULL,
  item       text NOT NULL,
  name       text NOT NULL,
  category   text NOT NULL,
  qty        integer NOT NULL,
  unit_price bigint NOT NULL,
  net        bigint NOT NULL,
  PRIMARY KEY (sale_id, line)
);

CREATE TABLE sale_tenders (
  sale_id uuid NOT NULL,
  seq     integer NOT NULL,
  type    text NOT NULL,
  amount  bigint NOT NULL,
  PRIMARY KEY (sale_id, seq)
);

CREATE TABLE store_days (
  store               text NOT NULL REFERENCES stores (code),
  business_day        date NOT NULL,
  sales               integer NOT NULL DEFAULT 0,
  voids               integer NOT NULL DEFAULT 0,
  refunds             integer NOT NULL DEFAULT 0,
  arrears_settlements integer NOT NULL DEFAULT 0,
  total               bigint NOT NULL DEFAULT 0,
  PRIMARY KEY (store, business_day)
);

CREATE TABLE store_day_tenders (
  store        text NOT NULL,
  business_day date NOT NULL,
  tender       text NOT NULL,
  amount       bigint NOT NULL DEFAULT 0,
  PRIMARY KEY (store, business_day, tender),
  FOREIGN KEY (store, business_day) REFERENCES store_days (store, business_day)
);

-- Customers registered at a store (customer.registered events), by the kiosk's id.
CREATE TABLE store_customers (
  store         text NOT NULL REFERENCES stores (code),
  customer_id   bigint NOT NULL,
  file_no       text NOT NULL,
  member_no     text NOT NULL DEFAULT '',
  registered_at bigint NOT NULL,            -- kiosk clock, ms
  event_id      uuid NOT NULL,
  PRIMARY KEY (store, customer_id)
);
