"""Several writers at once: the same batch from two processes, two salon-hq
processes on one database, two stores syncing together."""
import json
import multiprocessing
import os
import subprocess
import sys
import time
import unittest
import uuid

sys.path.insert(0, os.path.dirname(__file__))
import hq_client as hq  # noqa: E402

DAY = "2026-12-04"


def send_from_another_process(args):
    code, batch, port = args
    return hq.Store(code).send(batch, port=port)


def start_second_serve(box):
    """A second salon-hq on the same database and certificate folder, its own port."""
    port = int(subprocess.run(["python3", "-c", "import socket; s=socket.socket(); s.bind(('127.0.0.1', 0));"
                               " print(s.getsockname()[1])"], capture_output=True, text=True).stdout)
    with open(os.path.join(box.dir, "serve2.log"), "w") as log:
        proc = subprocess.Popen([hq.HQ_BIN, "serve", "--pg", box.pg, "--listen", "127.0.0.1:%d" % port,
                                 "--dir", os.path.join(box.dir, "hq")], stdout=log, stderr=log)
    for _ in range(100):
        try:
            if hq.Store(box.code).hello(port=port)[0] == 200:
                return proc, port
        except OSError:
            time.sleep(0.1)
    proc.kill()
    raise RuntimeError("second serve did not start")


class Concurrency(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.box = hq.Sandbox().__enter__()
        cls.second, cls.port2 = start_second_serve(cls.box)

    @classmethod
    def tearDownClass(cls):
        cls.second.terminate()
        cls.second.wait(timeout=30)
        cls.box.__exit__(None, None, None)

    def enrol(self, code):
        return hq.Store(self.box.run("store", "add", code, "--name", code, "--no-qr").stdout.splitlines()[0])

    def test_same_batch_twice_at_once_from_two_processes(self):
        for round_ in range(5):
            store = "C0%d" % round_
            code = self.box.run("store", "add", store, "--name", store, "--no-qr").stdout.splitlines()[0]
            s = hq.Store(code)
            batch = s.batch([hq.sale_event(s, "sale", DAY, 100, [("cash", 100)]) for _ in range(200)])
            with multiprocessing.Pool(2) as pool:
                answers = pool.map(send_from_another_process, [(code, batch, s.port), (code, batch, self.port2)])
            statuses = sorted(a[0] for a in answers)
            self.assertEqual(statuses, [200, 409], answers)
            refused = next(a[1] for a in answers if a[0] == 409)
            self.assertEqual((refused["error"], refused["stored_through"]), ("replayed", 200))
            self.assertEqual(self.box.psql("SELECT count(*), max(seq) FROM events WHERE store = '%s'" % store), "200|200")
            self.assertEqual(self.box.psql("SELECT sales, total FROM store_days WHERE store = '%s'" % store), "200|20000")

    def test_retries_under_new_batch_ids_at_once(self):
        code = self.box.run("store", "add", "C10", "--name", "C10", "--no-qr").stdout.splitlines()[0]
        s = hq.Store(code)
        events = [hq.sale_event(s, "sale", DAY, 100, [("cash", 100)]) for _ in range(300)]
        batches = [(code, s.batch(events), port) for port in (s.port, self.port2, s.port, self.port2)]
        with multiprocessing.Pool(4) as pool:
            answers = pool.map(send_from_another_process, batches)
        self.assertTrue(all(a[0] == 200 for a in answers), answers)
        self.assertEqual(sum(a[1]["new"] for a in answers), 300)
        self.assertEqual(self.box.psql("SELECT count(*) FROM events WHERE store = 'C10'"), "300")
        self.assertEqual(self.box.psql("SELECT sales FROM store_days WHERE store = 'C10'"), "300")

    def test_two_servers_one_database_two_stores_in_turn(self):
        a, b = self.enrol("C20"), self.enrol("C21")
        jobs = []
        for i in range(10):
            for s in (a, b):
                batch = s.batch([hq.sale_event(s, "sale", DAY, 10, [("cash", 10)]) for _ in range(20)])
                jobs.append((s, batch, s.port if i % 2 else self.port2))
        # In order per store, alternating servers; both stores interleaved.
        for s, batch, port in jobs:
            status, body = s.send(batch, port=port)
            self.assertEqual(status, 200, body)
        for store in ("C20", "C21"):
            self.assertEqual(self.box.psql("SELECT stored_through, (SELECT count(*) FROM events WHERE store = code)"
                                           " FROM stores WHERE code = '%s'" % store), "200|200")
        self.assertEqual(hq.Store(self.box.code).hello(port=self.port2)[1]["store"], "S01")


if __name__ == "__main__":
    unittest.main(verbosity=2)
