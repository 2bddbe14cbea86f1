#!/usr/bin/env python3
"""Issue 18's figure: the owner's dashboard's answers with a chain's quarter at HQ
(STORES stores × DAYS days × SALES sales a store a day, each with a line and its staff
share, a fifth of them to returning customers, and MOVES cross-store stored-value
spends a store a day), over HTTPS from one signed-in browser: p50/p99 per endpoint
for a 30-day window and the month's settlement. Starts its own salon-hq sandbox;
run by hand:  SALON_HQ_BIN=build/salon-hq python3 bench/hq_dashboard.py [requests]"""
import os
import statistics
import subprocess
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "tests", "hq"))
import hq_client as hq  # noqa: E402
from test_dashboard_api import Browser  # noqa: E402

STORES, DAYS, SALES, MOVES = 50, 90, 40, 5
FIRST = "2026-09-01"


def fill(box):
    t = time.time()
    box.psql("INSERT INTO stores (code, name, token_hash) SELECT 'B' || lpad(g::text, 3, '0'), '店' || g,"
             " md5(g::text) || md5('x' || g) FROM generate_series(1, %d) g" % STORES)
    box.psql("INSERT INTO staff (code, name, role, stores) SELECT 'B' || lpad(s::text, 3, '0') || '-T' || t, 'T' || t,"
             " 'beautician', ARRAY['B' || lpad(s::text, 3, '0')] FROM generate_series(1, %d) s, generate_series(1, 6) t"
             % STORES)
    box.psql("""
      INSERT INTO events (id, store, seq, type, at, day, payload, batch)
      SELECT md5(s || '-' || d || '-' || n)::uuid, 'B' || lpad(s::text, 3, '0'), d * %(sales)d + n + 1, 'sale.settled',
             0, '%(first)s'::date + d,
             jsonb_build_object('completed_at', '2026-09-01 10:00', 'recorded_at',
                                CASE WHEN n %% 50 = 0 THEN '2026-09-01 10:30' ELSE '2026-09-01 10:05' END,
                                'lines', jsonb_build_array(jsonb_build_object('net', 3800 + 100 * (n %% 5),
                                  'staff', jsonb_build_array(jsonb_build_object('code',
                                    'B' || lpad(s::text, 3, '0') || '-T' || (1 + n %% 6), 'share_bp', 10000))))),
             md5('batch' || s || '-' || d)::uuid
      FROM generate_series(1, %(stores)d) s, generate_series(0, %(days)d - 1) d, generate_series(0, %(sales)d - 1) n
    """ % {"sales": SALES, "first": FIRST, "stores": STORES, "days": DAYS})
    box.psql("INSERT INTO sales (id, store, business_day, kind, cashier, customer_id, total, completed_at)"
             " SELECT id, store, day, 'sale', 'A01', CASE WHEN seq % 5 = 0 THEN seq % 200 ELSE seq END,"
             " (payload->'lines'->0->>'net')::bigint, 0 FROM events WHERE store LIKE 'B%'")
    box.psql("INSERT INTO sale_lines (sale_id, line, item, name, category, qty, unit_price, net)"
             " SELECT id, 1, 'SVC-0' || (total / 100 - 37), '服务' || (total / 100 - 37), 'hair', 1, total, total"
             " FROM sales WHERE store LIKE 'B%'")
    box.psql("INSERT INTO store_days (store, business_day, sales, total) SELECT store, business_day, count(*), sum(total)"
             " FROM sales WHERE store LIKE 'B%' GROUP BY 1, 2")
    box.psql("""
      INSERT INTO member_movements (event_id, member_no, kind, reason, principal, bonus, sold_by, used_at, at)
      SELECT md5(s || '-' || d || '-' || n)::uuid, 'M' || s || '-' || n, 'stored_value', 'spend', -5000, -1000,
             'B' || lpad((1 + (s + n) %% %(stores)d)::text, 3, '0'), 'B' || lpad(s::text, 3, '0'), 0
      FROM generate_series(1, %(stores)d) s, generate_series(0, %(days)d - 1) d, generate_series(0, %(moves)d - 1) n
    """ % {"stores": STORES, "days": DAYS, "moves": MOVES})
    box.psql("ANALYZE")
    print("filled: %s events, %s movements in %.0f s" % (box.psql("SELECT count(*) FROM events"),
                                                         box.psql("SELECT count(*) FROM member_movements"), time.time() - t))


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 20
    with hq.Sandbox() as box:
        fill(box)
        subprocess.run([hq.HQ_BIN, "user", "add", "owner", "--role", "owner", "--pg", box.pg], input="bench-password\n",
                       capture_output=True, text=True, check=True)
        b = Browser(box.hq)
        b.sign_in("owner", "bench-password")
        q = "?from=2026-10-01&to=2026-10-30"
        for path in ("/sales" + q, "/liabilities" + q, "/customers" + q, "/compliance" + q, "/sync" + q,
                     "/settlement?month=2026-10"):
            times = []
            for _ in range(n):
                t = time.perf_counter()
                b.get(path)
                times.append((time.perf_counter() - t) * 1000)
            times.sort()
            print("%-40s p50 %7.1f ms  p99 %7.1f ms" % (path, statistics.median(times), times[int(len(times) * 0.99) - 1]))


if __name__ == "__main__":
    main()
