"""Projections and `salon-hq report stores` against hand-computed figures and
against the kiosk's own Z report for the same day; `salon-hq verify` on heads."""
import json
import os
import sqlite3
import subprocess
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.dirname(__file__))
import hq_client as hq  # noqa: E402

KIOSK_BIN = os.environ.get("SALON_KIOSK_BIN", "")


def report(box, *extra):
    return json.loads(box.run("report", "stores", "--json", *extra).stdout)


class Projections(hq.SandboxTest):
    def enrol(self, code):
        return hq.Store(self.box.run("store", "add", code, "--name", code, "--no-qr").stdout.splitlines()[0])

    def test_hand_computed_day(self):
        s = self.enrol("P01")
        d1, d2 = "2026-12-04", "2026-12-05"
        a = hq.sale_event(s, "sale", d1, 3800, [("cash", 3800)])
        b = hq.sale_event(s, "sale", d1, 12800, [("wechat", 10000), ("cash", 2800)])
        v = hq.sale_event(s, "void", d1, -3800, [("cash", -3800)], reverses=a["id"])
        r = hq.sale_event(s, "refund", d1, -2800, [("cash", -2800)], reverses=b["id"])
        arrears = hq.sale_event(s, "arrears_settlement", d1, 5000, [("alipay", 5000)])
        other_day = hq.sale_event(s, "sale", d2, 8800, [("card", 8800)])
        noise = hq.event(s, "customer.registered", d1, {"customer_id": 7, "file_no": "F-7", "member_no": ""})
        self.assertEqual(s.send(s.batch([a, b, v]))[0], 200)
        self.assertEqual(s.send(s.batch([r, arrears, other_day, noise]))[0], 200)
        # A retry of everything changes nothing.
        s.send(s.batch([a, b, v, r, arrears, other_day, noise]))
        mine = [x for x in report(self.box) if x["store"] == "P01"]
        self.assertEqual(mine, [
            {"store": "P01", "business_day": d1, "sales": 2, "voids": 1, "refunds": 1, "arrears_settlements": 1,
             "gross": 3800 + 12800 - 3800 - 2800 + 5000,
             "tenders": {"cash": 3800 + 2800 - 3800 - 2800, "wechat": 10000, "alipay": 5000}},
            {"store": "P01", "business_day": d2, "sales": 1, "voids": 0, "refunds": 0, "arrears_settlements": 0,
             "gross": 8800, "tenders": {"card": 8800}}])
        self.assertEqual([x["business_day"] for x in report(self.box, "--day", d2) if x["store"] == "P01"], [d2])
        self.assertEqual(self.box.psql("SELECT count(*) FROM sale_lines l JOIN sales s ON s.id = l.sale_id"
                                       " WHERE s.store = 'P01'"), "6")
        self.assertEqual(self.box.psql("SELECT file_no FROM store_customers WHERE store = 'P01'"), "F-7")

    def test_verify_finds_a_rewritten_or_rewound_chain(self):
        s = self.enrol("P02")
        for seq, h in [(10, "a"), (20, "b"), (20, "b")]:
            s.send(s.batch([hq.sale_event(s, "sale", "2026-12-04", 1, [("cash", 1)])], head={"seq": seq, "hash": h}))
        ok = self.box.run("verify", "--store", "P02")
        self.assertEqual(json.loads(ok.stdout)["ok"], True)
        s.send(s.batch([hq.sale_event(s, "sale", "2026-12-04", 1, [("cash", 1)])], head={"seq": 20, "hash": "B!"}))
        bad = self.box.run("verify", "--store", "P02", check=False)
        self.assertEqual(bad.returncode, 1)
        self.assertIn("audit head 20 has two hashes", bad.stderr)
        s3 = self.enrol("P03")
        for seq in (30, 12):
            s3.send(s3.batch([hq.sale_event(s3, "sale", "2026-12-04", 1, [("cash", 1)])], head={"seq": seq, "hash": str(seq)}))
        back = self.box.run("verify", "--store", "P03", check=False)
        self.assertEqual(back.returncode, 1)
        self.assertIn("older than head 30", back.stderr)
        self.assertNotEqual(self.box.run("verify", "--store", "NOPE", check=False).returncode, 0)

    @unittest.skipUnless(KIOSK_BIN and os.path.exists(KIOSK_BIN), "SALON_KIOSK_BIN not built")
    def test_equal_to_the_kiosks_z_report(self):
        s = self.enrol("P04")
        with tempfile.TemporaryDirectory() as tmp:
            db = os.path.join(tmp, "salon.db")
            day = kiosk_day(tmp, db)
            z = json.loads(kiosk(tmp, db, "report z --staff mgr --date " + day, "1234").stdout)
            rows = sqlite3.connect(db).execute("SELECT id, type, payload, at FROM outbox ORDER BY rowid").fetchall()
        events = []
        for i, (eid, type_, payload, at) in enumerate(rows, start=1):
            p = json.loads(payload)
            events.append({"id": eid, "seq": i, "type": type_, "at": at,
                           "day": p.get("business_day", day) if isinstance(p, dict) else day, "payload": p})
        for start in range(0, len(events), 3):  # small batches, like a kiosk catching up
            status, body = s.send(s.batch(events[start:start + 3]))
            self.assertEqual((status, body["quarantined"]), (200, 0), body)
        mine = [x for x in report(self.box, "--day", day) if x["store"] == "P04"]
        self.assertEqual(len(mine), 1)
        got = mine[0]
        self.assertEqual((got["sales"], got["voids"], got["refunds"], got["arrears_settlements"]),
                         (z["sales"], z["voids"], z["refunds"], z["arrears_settlements"]))
        self.assertEqual(got["gross"], z["total"])
        self.assertEqual(got["tenders"], z["by_tender"])
        self.assertGreaterEqual(z["voids"] + z["refunds"], 2)


def kiosk(tmp, db, args, pin, extra_env=None):
    env = dict(os.environ, SALON_PIN=pin, SALON_PIN_COST="min", **(extra_env or {}))
    out = subprocess.run([KIOSK_BIN, *args.split(), "--db", db], cwd=tmp, env=env, capture_output=True, text=True,
                         timeout=120)
    if out.returncode != 0:
        raise RuntimeError(args + ": " + out.stdout + out.stderr)
    return out


def kiosk_sale(tmp, db, body):
    body = dict(body, id=str(__import__("uuid").uuid4()), customer=None)
    path = os.path.join(tmp, "sale.json")
    with open(path, "w") as f:
        json.dump(body, f)
    return json.loads(kiosk(tmp, db, "sale --staff cash --json " + path, "3456").stdout)


def kiosk_day(tmp, db):
    """A day at the demo salon: three sales, a void and a partial refund."""
    kiosk(tmp, db, "demo-data", "")
    opened = json.loads(kiosk(tmp, db, "day open --staff cash --float 20000", "3456").stdout)
    cut = {"lines": [{"item": "S-CUT", "qty": 1, "staff": ["beau"]}, {"item": "P-MASK", "qty": 2}]}
    a = kiosk_sale(tmp, db, dict(cut, tenders=[{"type": "wechat", "amount": 20000, "ref": "WX4200001"},
                                               {"type": "cash", "amount": 20000}]))
    b = kiosk_sale(tmp, db, dict(cut, tenders=[{"type": "cash", "amount": 40000}]))
    kiosk_sale(tmp, db, {"lines": [{"item": "S-CUT", "qty": 1, "staff": ["beau"]}],
                         "tenders": [{"type": "card", "amount": 8800, "ref": "C-1"}]})
    mgr = {"SALON_MANAGER_PIN": "1234"}
    kiosk(tmp, db, "void --staff cash --manager mgr --reason 输错 --sale " + a["id"], "3456", mgr)
    kiosk(tmp, db, "refund --staff cash --manager mgr --reason 不满意 --lines 2:1 --sale " + b["id"], "3456", mgr)
    return opened["date"]


if __name__ == "__main__":
    unittest.main(verbosity=2)
