"""Killing salon-hq mid-batch, and restarting PostgreSQL mid-sync, leaves nothing
half-written: every event once, seqs without holes, projections equal to events."""
import os
import random
import signal
import subprocess
import sys
import threading
import time
import unittest

sys.path.insert(0, os.path.dirname(__file__))
import hq_client as hq  # noqa: E402

DAY = "2026-12-04"
PG_CTL = "/usr/lib/postgresql/15/bin/pg_ctl"


class Kiosk(threading.Thread):
    """Uploads its outbox like the kiosk's sync worker: from stored_through + 1,
    retrying with a short backoff whatever happens to HQ."""

    def __init__(self, store, events, batch_size):
        super().__init__(daemon=True)
        self.store, self.events, self.size = store, events, batch_size
        self.failures, self.done = 0, False

    def run(self):
        stored = 0
        deadline = time.time() + 150
        while stored < len(self.events) and time.time() < deadline:
            try:
                status, body = self.store.send(self.store.batch(self.events[stored:stored + self.size]))
                if status in (200, 409) and "stored_through" in body:
                    stored = body["stored_through"]
                    continue
            except Exception:  # noqa: BLE001 - HQ down, connection cut: back off and retry
                pass
            self.failures += 1
            time.sleep(0.1)
        self.done = stored == len(self.events)


class Crash(unittest.TestCase):
    def setUp(self):
        self.children = []
        self.box = hq.Sandbox().__enter__()
        self.port = int(self.box.hq.rsplit(":", 1)[1])

    def tearDown(self):
        self.box.__exit__(None, None, None)  # stops the serve in serve.pid: the last one started
        for p in self.children:
            p.wait(timeout=30)

    def serve_pid(self):
        with open(os.path.join(self.box.dir, "serve.pid")) as f:
            return int(f.read())

    def restart_serve(self):
        log = open(os.path.join(self.box.dir, "serve.log"), "a")
        proc = subprocess.Popen([hq.HQ_BIN, "serve", "--pg", self.box.pg, "--listen", "127.0.0.1:%d" % self.port,
                                 "--dir", os.path.join(self.box.dir, "hq")], stdout=log, stderr=log,
                                start_new_session=True)
        log.close()
        with open(os.path.join(self.box.dir, "serve.pid"), "w") as f:
            f.write(str(proc.pid))
        self.children.append(proc)

    def assert_whole(self, store, n):
        q = self.box.psql
        self.assertEqual(q("SELECT count(*), min(seq), max(seq) FROM events WHERE store = '%s'" % store), "%d|1|%d" % (n, n))
        self.assertEqual(q("SELECT stored_through FROM stores WHERE code = '%s'" % store), str(n))
        self.assertEqual(q("SELECT count(*) FROM sales WHERE store = '%s'" % store), str(n))
        self.assertEqual(q("SELECT sales, total FROM store_days WHERE store = '%s'" % store), "%d|%d" % (n, 100 * n))
        self.assertEqual(q("SELECT amount FROM store_day_tenders WHERE store = '%s'" % store), str(100 * n))
        self.assertEqual(q("SELECT sum(new_events) FROM batches WHERE store = '%s'" % store), str(n))
        self.assertEqual(q("SELECT count(*) FROM quarantine WHERE store = '%s'" % store), "0")

    def test_kill_salon_hq_mid_batch(self):
        s = hq.Store(self.box.code)
        events = [hq.sale_event(s, "sale", DAY, 100, [("cash", 100)]) for _ in range(8000)]
        kiosk = Kiosk(s, events, 500)
        kiosk.start()
        kills = 0
        while kiosk.is_alive() and kills < 8:
            time.sleep(random.uniform(0.2, 0.6))
            os.kill(self.serve_pid(), signal.SIGKILL)
            kills += 1
            time.sleep(0.2)
            self.restart_serve()
        kiosk.join(timeout=160)
        self.assertTrue(kiosk.done, "the kiosk could not finish uploading")
        self.assertGreaterEqual(kills, 3)
        self.assertGreater(kiosk.failures, 0)
        self.assert_whole("S01", len(events))

    def test_restart_postgresql_mid_sync(self):
        s = hq.Store(self.box.code)
        events = [hq.sale_event(s, "sale", DAY, 100, [("cash", 100)]) for _ in range(6000)]
        kiosk = Kiosk(s, events, 250)
        kiosk.start()
        owner = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
        pg = os.path.join(self.box.dir, "pg")
        if os.path.exists(os.path.join(self.box.dir, "pg.path")):  # the cluster lives elsewhere
            with open(os.path.join(self.box.dir, "pg.path")) as f:
                pg = f.read().strip()
        for _ in range(2):
            time.sleep(0.7)
            subprocess.run(owner + [PG_CTL, "-D", pg, "-m", "immediate", "-w", "stop"], capture_output=True, timeout=60)
            time.sleep(0.3)
            subprocess.run(owner + [PG_CTL, "-D", pg, "-l", os.path.join(pg, "server.log"), "-w", "start"],
                           capture_output=True, timeout=60)
        kiosk.join(timeout=160)
        self.assertTrue(kiosk.done, "the kiosk could not finish uploading")
        self.assertGreater(kiosk.failures, 0)
        self.assert_whole("S01", len(events))


if __name__ == "__main__":
    unittest.main(verbosity=2)
