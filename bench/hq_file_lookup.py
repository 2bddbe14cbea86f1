#!/usr/bin/env python3
"""Issue 18's figure: a chain-wide lookup that falls back to head office, with
1,000,000 customers' files at HQ (sealed blobs and three blind keys each, written
straight with COPY), over loopback HTTPS. Three runs of GET /api/v1/files?key=…
(what `salon-kiosk customers find` asks when nothing here matches): one kept-alive
connection, and a new TLS connection per lookup (what one CLI process does); then
the whole fallback end to end: `salon-kiosk customers find PHONE` in store B for
files registered in store A (a process each: the local miss, the line to HQ, the
look, opening the sealed file and bringing it in with its audit entry). Starts its
own salon-hq sandbox; run by hand:
  SALON_HQ_BIN=build/salon-hq SALON_KIOSK_BIN=build/salon-kiosk python3 bench/hq_file_lookup.py [lookups] [files]"""
import hashlib
import json
import os
import random
import subprocess
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "tests", "hq"))
import hq_client as hq  # noqa: E402

sys.path.insert(0, os.path.dirname(__file__))
import latency  # noqa: E402
from test_chain_files import Store  # noqa: E402

PSQL = "/usr/lib/postgresql/15/bin/psql"


def name_of(i):
    given = "明华丽芳静敏强伟娜秀英杰涛斌艳霞玲红梅兰"
    return "王" + given[i // 20 % 20] + given[i % 20]


def key_of(i):
    return hashlib.sha256(("p%d" % i).encode()).hexdigest()


def copy_in(box, table, columns, rows):
    """COPY table FROM STDIN, the rows made by a generator (tab-separated)."""
    p = subprocess.Popen([PSQL, box.pg, "-XAtq", "-v", "ON_ERROR_STOP=1", "-c",
                          "COPY %s (%s) FROM STDIN" % (table, columns)], stdin=subprocess.PIPE, text=True)
    chunk = []
    for r in rows:
        chunk.append(r)
        if len(chunk) >= 50000:
            p.stdin.write("".join(chunk))
            chunk = []
    p.stdin.write("".join(chunk))
    p.stdin.close()
    if p.wait(timeout=1800) != 0:
        raise RuntimeError("COPY " + table)


def fill(box, files):
    t = time.time()
    blob = "A" * 600  # the size of a sealed file with a few fields (base64)
    copy_in(box, "chain_files", "file_no, store, sealed, event_id",
            ("S01-2026-%07d\tS01\t%s\t%s\n" % (i, blob, "%08x-0000-4000-8000-%012x" % (i, i)) for i in range(files)))
    copy_in(box, "chain_file_keys", "key, file_no",
            ("%s\tS01-2026-%07d\n%s\tS01-2026-%07d\n%s\tS01-2026-%07d\n" %
             (key_of(i), i, hashlib.sha256(("f%d" % i).encode()).hexdigest(), i,
              hashlib.sha256(("m%d" % i).encode()).hexdigest(), i) for i in range(files)))
    copy_in(box, "chain_file_holders", "file_no, store", ("S01-2026-%07d\tS01\n" % i for i in range(files)))
    subprocess.run([PSQL, box.pg, "-XAtq", "-c", "VACUUM ANALYZE"], check=True, timeout=1800)
    print("filled: %s files, %s keys in %.0f s" % (box.psql("SELECT count(*) FROM chain_files"),
                                                  box.psql("SELECT count(*) FROM chain_file_keys"), time.time() - t))


class Line:
    def __init__(self, store, keep):
        self.store, self.keep, self.conn = store, keep, None

    def look(self, key):
        t = time.perf_counter()
        if self.conn is None:
            self.conn = self.store._connect()
        self.conn.request("GET", "/api/v1/files?key=%s&staff=cash&purpose=checkout" % key,
                          headers={"Authorization": "Bearer " + self.store.token})
        r = self.conn.getresponse()
        body = r.read()
        ms = (time.perf_counter() - t) * 1000
        if r.status != 200 or not json.loads(body)["files"]:
            raise RuntimeError("lookup: %d %s" % (r.status, body[:200]))
        if not self.keep:
            self.conn.close()
            self.conn = None
        return ms


def report(name, ms):
    latency.report(name, ms, 52)


def end_to_end(box, n):
    """Store A registers n customers (an import), syncs; store B finds each by phone."""
    codes = [box.run("store", "add", c, "--name", c, "--no-qr").stdout.splitlines()[0] for c in ("A01", "B01")]
    a, b = Store(box, codes[0]), Store(box, codes[1])
    try:
        secret = json.loads(a.as_staff("admin", "sync", "chain-key", "--new").stdout)["key"]
        b.as_staff("admin", "sync", "chain-key", "--set", stdin=secret + "\n")
        csv = os.path.join(a.tmp, "c.csv")
        with open(csv, "w") as out:
            out.write("姓名,手机号\n" + "".join("%s,1391000%04d\n" % (name_of(i), i) for i in range(n)))
        a.as_staff("mgr", "customers", "import", csv)
        a.sync()
        ms = []
        for i in range(n):
            t = time.perf_counter()
            found = b.find("1391000%04d" % i)
            ms.append((time.perf_counter() - t) * 1000)
            if found["source"] != "hq" or found["total"] != 1:
                raise RuntimeError("not found through HQ: %s" % found)
        report("salon-kiosk customers find (a process each, end to end)", ms)
        local = []
        for i in range(n):  # the same processes finding the files now here: what the fallback adds is the rest
            t = time.perf_counter()
            if b.find("1391000%04d" % i)["source"] != "local":
                raise RuntimeError("not here after it was brought in")
            local.append((time.perf_counter() - t) * 1000)
        report("the same, found here (no head office)", local)
    finally:
        a.close()
        b.close()


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
    files = int(sys.argv[2]) if len(sys.argv) > 2 else 1000000
    with hq.Sandbox() as box:
        fill(box, files)
        store = hq.Store(box.run("store", "add", "D01", "--name", "D", "--no-qr").stdout.splitlines()[0])
        rnd = random.Random(18)
        keys = [key_of(rnd.randrange(files)) for _ in range(n)]
        kept = Line(store, True)
        report("GET /files, one kept-alive connection", [kept.look(k) for k in keys])
        report("GET /files, a new TLS connection per lookup", [Line(store, False).look(k) for k in keys])
        end_to_end(box, min(n, 200))
        print("views recorded: %s" % box.psql("SELECT count(*) FROM chain_file_views"))


if __name__ == "__main__":
    main()
