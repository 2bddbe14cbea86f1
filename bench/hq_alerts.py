#!/usr/bin/env python3
"""Issue 18's dashboard alerts: how long `salon-hq chain alerts` (the same read as
GET /api/dashboard/v1/alerts) takes with DEBITS head-office debits (one in a thousand
never ended, one a second apart going back) and OVERDRAWS overdraws at HQ, the whole
process (connect, read, print) timed RUNS times. Starts its own salon-hq sandbox;
run by hand:  SALON_HQ_BIN=build/salon-hq python3 bench/hq_alerts.py [DEBITS] [OVERDRAWS] [RUNS]"""
import json
import os
import subprocess
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "tests", "hq"))
import hq_client as hq  # noqa: E402


def main(debits=200000, overdraws=500, runs=3):
    with hq.Sandbox() as box:
        box.psql("INSERT INTO member_debits (sale, store, member_no, principal, bonus, points, at)"
                 " SELECT gen_random_uuid(), 'S' || lpad((g %% 50)::text, 2, '0'), 'M' || (g %% 20000), 100, 0, 0,"
                 " now() - (g || ' seconds')::interval FROM generate_series(1, %d) g;"
                 " INSERT INTO member_debit_ends (debit, how) SELECT id, 'posted' FROM member_debits WHERE id %% 1000 <> 0;"
                 " INSERT INTO member_overdraws (event_id, store, member_no, stored_value, points)"
                 " SELECT gen_random_uuid(), 'S01', 'M' || g, 100, 0 FROM generate_series(1, %d) g; ANALYZE;"
                 % (debits, overdraws))
        for _ in range(runs):
            start = time.monotonic()
            out = box.run("chain", "alerts")
            took = time.monotonic() - start
            shown = json.loads(out.stdout)
            print("chain alerts: %.0f ms (%d overdraws, %d stale debits)"
                  % (took * 1000, len(shown["overdraws"]), len(shown["stale_debits"])))


if __name__ == "__main__":
    main(*[int(a) for a in sys.argv[1:]])
