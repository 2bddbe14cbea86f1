#!/usr/bin/env python3
"""Issue 18's figure: an online stored-value debit (POST /api/v1/members/<no>/debits,
what `salon-kiosk sale` asks before it commits a member's chain-value spend), over
loopback HTTPS, against a head office holding MEMBERS members with movements.
Three runs: a new TLS connection per debit (as the kiosk opens a line per sale), one
kept-alive connection, and CLIENTS stores debiting the same member at once (the
member's row lock serialises them). Starts its own salon-hq sandbox; run by hand:
  SALON_HQ_BIN=build/salon-hq python3 bench/hq_debit.py [debits]"""
import json
import os
import sys
import threading
import time
import uuid

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "tests", "hq"))
import hq_client as hq  # noqa: E402

sys.path.insert(0, os.path.dirname(__file__))
import latency  # noqa: E402

MEMBERS, CLIENTS = 100000, 4


def fill(box):
    t = time.time()
    box.psql("INSERT INTO chain_members (member_no, home_store, last_at) SELECT 'M' || lpad(g::text, 8, '0'), 'S01', 0"
             " FROM generate_series(1, %d) g" % MEMBERS)
    box.psql("INSERT INTO member_value (member_no, sold_by, principal, bonus, points, first_at)"
             " SELECT member_no, 'S01', 100000000, 20000000, 0, 0 FROM chain_members")
    box.psql("INSERT INTO member_movements (event_id, member_no, kind, reason, principal, bonus, sold_by, used_at, at)"
             " SELECT md5(member_no)::uuid, member_no, 'stored_value', 'top_up', 100000000, 20000000, 'S01', 'S01', 0"
             " FROM chain_members")
    box.psql("ANALYZE")
    print("filled: %s members in %.0f s" % (box.psql("SELECT count(*) FROM chain_members"), time.time() - t))


class Line:
    """A store's line to HQ: one TLS connection kept, or a new one per request."""

    def __init__(self, store, keep):
        self.store, self.keep, self.conn = store, keep, None

    def debit(self, member):
        body = json.dumps({"sale": str(uuid.uuid4()), "stored_value": 100, "staff": "cash"}).encode()
        key = hq.hashlib.sha256(self.store.token.encode()).digest()
        headers = {"Authorization": "Bearer " + self.store.token, "Content-Type": "application/json",
                   "X-Salon-Signature": hq.hmac.new(key, body, hq.hashlib.sha256).hexdigest()}
        t = time.perf_counter()
        if self.conn is None:
            self.conn = self.store._connect()
        self.conn.request("POST", "/api/v1/members/%s/debits" % member, body=body, headers=headers)
        r = self.conn.getresponse()
        r.read()
        ms = (time.perf_counter() - t) * 1000
        if r.status != 200:
            raise RuntimeError("debit refused: %d" % r.status)
        if not self.keep:
            self.conn.close()
            self.conn = None
        return ms


def report(name, ms):
    latency.report(name, ms, 44)


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    with hq.Sandbox() as box:
        fill(box)
        stores = [hq.Store(box.run("store", "add", "D%02d" % i, "--name", "D", "--no-qr").stdout.splitlines()[0])
                  for i in range(CLIENTS)]
        members = ["M%08d" % (1 + i * 97 % MEMBERS) for i in range(n)]
        fresh = Line(stores[0], keep=False)
        report("new TLS connection per debit", [fresh.debit(m) for m in members])
        kept = Line(stores[0], keep=True)
        report("one kept-alive connection", [kept.debit(m) for m in members])
        for keep in (False, True):
            results = [[] for _ in stores]

            def client(i):
                line = Line(stores[i], keep=keep)
                results[i] = [line.debit("M00000001") for _ in range(n // CLIENTS)]

            threads = [threading.Thread(target=client, args=(i,)) for i in range(CLIENTS)]
            for th in threads:
                th.start()
            for th in threads:
                th.join()
            report("%d stores, one member, %s" % (CLIENTS, "kept-alive" if keep else "new connections"),
                   [x for r in results for x in r])
        print("debits held: %s" % box.psql("SELECT count(*) FROM open_member_debits"))


if __name__ == "__main__":
    main()
