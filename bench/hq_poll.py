#!/usr/bin/env python3
"""Issue 19's idle cost: what the kiosk's "anything waiting?" between rounds costs.
Starts its own salon-hq sandbox and one real kiosk; run by hand:
    SALON_HQ_BIN=build/salon-hq SALON_KIOSK_BIN=build/salon-kiosk python3 bench/hq_poll.py [other_changes] [seconds]
HQ first holds `other_changes` (default 200,000) down changes for other stores after the
kiosk's cursor (a chain's busy day), so the question is asked against a real backlog.
Then `salon-kiosk sync run` runs twice for the same time at a 6 s interval, without
polls (--poll-ms 0) and with them (the default, 1 s): the difference in CPU (the kiosk;
salon-hq and its PostgreSQL backends) divided by the polls asked is what one costs."""
import json
import os
import resource
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "tests", "hq"))
import hq_client as hq  # noqa: E402

KIOSK_BIN = os.environ.get("SALON_KIOSK_BIN", "build/salon-kiosk")
TICK = os.sysconf("SC_CLK_TCK")


def kiosk(tmp, db, *args):
    env = dict(os.environ, SALON_PIN="9999", SALON_PIN_COST="min")
    out = subprocess.run([KIOSK_BIN, *args, "--db", db], cwd=tmp, env=env, capture_output=True, text=True, timeout=300)
    if out.returncode != 0:
        raise RuntimeError(" ".join(args) + ": " + out.stdout + out.stderr)
    return out.stdout


def cpu_of(pid):
    with open("/proc/%d/stat" % pid) as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICK  # utime, stime


def hq_cpu(box):
    """Seconds of CPU used so far by salon-hq serve and every PostgreSQL process."""
    serve = int(open(os.path.join(box.dir, "serve.pid")).read())
    pg_dir = os.path.join(box.dir, "pg")
    if os.path.exists(os.path.join(box.dir, "pg.path")):
        pg_dir = open(os.path.join(box.dir, "pg.path")).read().strip()
    postmaster = int(open(os.path.join(pg_dir, "postmaster.pid")).readline())
    total = cpu_of(serve) + cpu_of(postmaster)
    for p in os.listdir("/proc"):
        if p.isdigit():
            try:
                with open("/proc/%s/stat" % p) as f:
                    if int(f.read().rsplit(")", 1)[1].split()[1]) == postmaster:
                        total += cpu_of(int(p))
            except (OSError, ValueError):
                pass
    return total


def measure(box, tmp, db, poll_ms, seconds):
    before_hq = hq_cpu(box)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    rounds = kiosk(tmp, db, "sync", "run", "--staff", "admin", "--seconds", str(seconds), "--interval-ms", "6000",
                   "--poll-ms", str(poll_ms))
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    lines = [json.loads(line) for line in rounds.splitlines()]
    assert all(r["ok"] for r in lines), lines
    return {"rounds": len(lines), "polls": sum(r["polls"] for r in lines),
            "kiosk_cpu": (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime),
            "hq_cpu": hq_cpu(box) - before_hq}


def main():
    others = int(sys.argv[1]) if len(sys.argv) > 1 else 200000
    tmp = tempfile.mkdtemp(prefix="poll.")
    db = os.path.join(tmp, "salon.db")
    with hq.Sandbox() as box:
        kiosk(tmp, db, "demo-data")
        kiosk(tmp, db, "sync", "enrol", "--staff", "admin", "--code", box.code)
        kiosk(tmp, db, "sync", "now", "--staff", "admin")
        box.psql("INSERT INTO chain_changes (kind, key, store, body) SELECT 'booking.hold', g::text,"
                 " 'B' || lpad((g %% 200)::text, 3, '0'), '{}'::jsonb FROM generate_series(1, %d) g" % others)
        box.psql("ANALYZE chain_changes")
        plan = box.psql("EXPLAIN SELECT EXISTS (SELECT 1 FROM chain_changes WHERE store = 'S01'"
                        " AND (xid, id) > ('1'::xid8, 1::bigint))")
        print("the question's plan:", " / ".join(l.strip() for l in plan.splitlines()))
        seconds = int(sys.argv[2]) if len(sys.argv) > 2 else 13
        off = measure(box, tmp, db, 0, seconds)
        on = measure(box, tmp, db, 1000, seconds)
        polls = max(1, on["polls"])
        print("over %d s at a 6 s interval, %d other stores' changes waiting at HQ:" % (seconds, others))
        print("  without polls: %(rounds)d rounds, kiosk %(kiosk_cpu).3f s CPU, HQ %(hq_cpu).3f s CPU" % off)
        print("  with polls:    %(rounds)d rounds, %(polls)d polls, kiosk %(kiosk_cpu).3f s CPU, HQ %(hq_cpu).3f s CPU" % on)
        print("a poll: kiosk %.2f ms CPU, HQ (salon-hq + PostgreSQL) %.2f ms CPU" %
              (1000 * (on["kiosk_cpu"] - off["kiosk_cpu"]) / polls, 1000 * (on["hq_cpu"] - off["hq_cpu"]) / polls))
    subprocess.run(["rm", "-rf", tmp])


if __name__ == "__main__":
    main()
