#!/usr/bin/env python3
"""Issue 19's figure: slots for a store's day at HQ, p50/p99, with 200 stores and a
year of bookings (40 appointments a store a day from the kiosks, 5 online holds a
store a day). Starts its own salon-hq sandbox; run by hand:
    SALON_HQ_BIN=build/salon-hq python3 bench/hq_slots.py [requests] [clients]
Each client keeps one HTTPS connection open (as a phone does while it browses)."""
import http.client
import os
import random
import ssl
import sys
import threading
import time

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "tests", "hq"))
import hq_client as hq  # noqa: E402

STORES, DAYS, PER_DAY, HOLDS_PER_DAY = 200, 365, 40, 5


def fill(box):
    t = time.time()
    hq.open_store_online(box)
    box.psql("INSERT INTO stores (code, name, token_hash) SELECT 'B' || lpad(g::text, 3, '0'), '店' || g,"
             " md5(g::text) || md5('x' || g) FROM generate_series(1, %d) g" % STORES)
    box.psql("INSERT INTO store_settings (store, key, value) SELECT code, 'online.enabled', 'true' FROM stores WHERE code LIKE 'B%'")
    box.psql("INSERT INTO staff (code, name, role, stores) SELECT 'B' || lpad(s::text, 3, '0') || '-T' || t, 'T' || t,"
             " 'beautician', ARRAY['B' || lpad(s::text, 3, '0')] FROM generate_series(1, %d) s, generate_series(1, 6) t"
             % STORES)
    start = hq.local_ms(hq.local_day(-300), "09:00")
    # 40 a day: 6 staff, 09:00 on, 45-minute appointments every 15 minutes
    box.psql("INSERT INTO store_appointments (store, id, staff, start_at, end_at, state, seq)"
             " SELECT 'B' || lpad(s::text, 3, '0'), s || '-' || d || '-' || n, 'B' || lpad(s::text, 3, '0') || '-T' || (1 + n %% 6),"
             " %d::bigint + d * 86400000::bigint + n * 900000::bigint, %d::bigint + d * 86400000::bigint + n * 900000::bigint + 2700000,"
             " CASE WHEN n %% 10 = 0 THEN 'cancelled' ELSE 'booked' END, 1"
             " FROM generate_series(1, %d) s, generate_series(0, %d) d, generate_series(0, %d) n"
             % (start, start, STORES, DAYS - 1, PER_DAY - 1))
    box.psql("INSERT INTO online_bookings (id, appointment, store, service, staff, any_staff, start_at, end_at, phone, name,"
             " new_customer, status, created_at)"
             " SELECT md5(s || '-' || d || '-' || n)::text, md5(s || '-' || d || '-' || n)::uuid, 'B' || lpad(s::text, 3, '0'),"
             " 'SVC-01', 'B' || lpad(s::text, 3, '0') || '-T' || (1 + n), true,"
             " %d::bigint + d * 86400000::bigint + 36000000, %d::bigint + d * 86400000::bigint + 39600000,"
             " '1380000' || lpad(n::text, 4, '0'), 'x', false, 'confirmed', 0"
             " FROM generate_series(1, %d) s, generate_series(0, %d) d, generate_series(0, %d) n"
             % (start, start, STORES, DAYS - 1, HOLDS_PER_DAY - 1))
    box.psql("ANALYZE")
    print("filled: %s appointments, %s holds in %.0f s" % (
        box.psql("SELECT count(*) FROM store_appointments"), box.psql("SELECT count(*) FROM online_bookings"),
        time.time() - t))


def client(url, n, times):
    host, port = url[len("https://"):].rsplit(":", 1)
    ctx = ssl.create_default_context()
    ctx.check_hostname = False
    ctx.verify_mode = ssl.CERT_NONE
    conn = http.client.HTTPSConnection(host, int(port), context=ctx, timeout=30)
    for _ in range(n):
        store = "B%03d" % random.randint(1, STORES)
        day = hq.local_day(random.randint(-200, 60))
        t = time.perf_counter()
        conn.request("GET", "/api/public/v1/stores/%s/slots?service=SVC-01&date=%s" % (store, day))
        r = conn.getresponse()
        r.read()
        times.append(time.perf_counter() - t)
        assert r.status == 200, r.status


def main():
    requests = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
    clients = int(sys.argv[2]) if len(sys.argv) > 2 else 4
    with hq.Sandbox() as box:
        fill(box)
        for c in (1, clients):
            times = []
            threads = [threading.Thread(target=client, args=(box.hq, requests // c, times)) for _ in range(c)]
            t = time.time()
            for th in threads:
                th.start()
            for th in threads:
                th.join()
            times.sort()
            print("%d client(s), %d requests: p50 %.1f ms, p99 %.1f ms, max %.1f ms, %.0f requests/s" % (
                c, len(times), times[len(times) // 2] * 1000, times[int(len(times) * 0.99)] * 1000, times[-1] * 1000,
                len(times) / (time.time() - t)))


if __name__ == "__main__":
    main()
