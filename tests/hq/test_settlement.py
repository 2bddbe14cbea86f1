"""Cross-store settlement (issue 18) against hand-computed figures: three stores,
members' stored value sold in one and used in another; the bonus at the chain's
rate (rounded half away from zero); a signed month kept as rows and never
recomputed; a late movement dated in a signed month going into the next open month
as an adjustment; months signed in order; only finance or the owner signs; the CSV."""
import json
import os
import subprocess
import sys
import unittest
import uuid

sys.path.insert(0, os.path.dirname(__file__))
import hq_client as hq  # noqa: E402


def member_sale(store, day, member_no, movements, reverses=None, kind="sale"):
    sid = str(uuid.uuid4())
    p = hq.sale_payload(sid, kind, day, 0, [], lines=[], reverses=reverses)
    p["customer"] = {"id": 1, "name": "王小美", "tier": "", "birthday_offer": False, "member_no": member_no}
    p["movements"] = movements
    return hq.event(store, hq.EVENT_TYPE[kind], day, p, sid)


def sv(reason, principal, bonus):
    return {"kind": "stored_value", "reason": reason, "principal": principal, "bonus": bonus}


def add_user(box, login, role, password, *extra):
    return subprocess.run([hq.HQ_BIN, "user", "add", login, "--role", role, "--pg", box.pg, *extra],
                          input=password + "\n", capture_output=True, text=True, timeout=60)


class Settlement(hq.SandboxTest):
    def enrol(self, code):
        return hq.Store(self.box.run("store", "add", code, "--name", code, "--no-qr").stdout.splitlines()[0])

    def show(self, month):
        return json.loads(self.box.run("settlement", "show", "--month", month).stdout)

    def sign(self, month, by, check=True):
        return self.box.run("settlement", "sign", "--month", month, "--by", by, check=check)

    def cells(self, month):
        return {(c["payer"], c["payee"]): (c["principal"], c["bonus"], c["bonus_settled"], c["adjustment"], c["amount"])
                for c in self.show(month)["cells"]}

    def send(self, store, *events):
        status, body = store.send(store.batch(list(events)))
        self.assertEqual((status, body.get("quarantined")), (200, 0), body)

    def test_months_hand_computed_signed_and_adjusted(self):
        a, b, c = self.enrol("SA"), self.enrol("SB"), self.enrol("SC")
        self.box.run("setting", "set", "settlement.bonus_rate_bp", "5000")  # half the bonus is settled
        self.assertEqual(add_user(self.box, "fin1", "finance", "correct horse").returncode, 0)
        self.assertEqual(add_user(self.box, "area1", "area_manager", "correct horse", "--stores", "SA").returncode, 0)
        m1, m2 = "M91000001", "M92000001"
        self.send(a, member_sale(a, "2026-10-02", m1, [sv("top_up", 100000, 20000)]))
        self.send(b, member_sale(b, "2026-10-03", m2, [sv("top_up", 50000, 0)]))
        spend1 = member_sale(b, "2026-10-10", m1, [sv("spend", -30000, -6000)])
        spend2 = member_sale(b, "2026-10-11", m1, [sv("spend", -4000, -800)])
        self.send(b, spend1, spend2,
                  member_sale(b, "2026-10-11", m1, [sv("spend_reversal", 4000, 800)], reverses=spend2["id"], kind="void"))
        self.send(c, member_sale(c, "2026-10-12", m1, [sv("spend", -10000, -2001)]))
        self.send(a, member_sale(a, "2026-10-13", m2, [sv("spend", -5000, 0)]),
                  member_sale(a, "2026-10-14", m1, [sv("spend", -1000, 0)]))  # its own store: not settled
        self.send(c, member_sale(c, "2026-11-03", m2, [sv("spend", -1000, 0)]))

        oct_open = self.show("2026-10")
        self.assertEqual(oct_open["status"], "open")
        self.assertEqual(oct_open["bonus_rate_bp"], 5000)
        # A owes B 30000 principal + half of 6000 bonus; A owes C 10000 + 1000.5 → 1001; B owes A 5000.
        self.assertEqual(self.cells("2026-10"), {("SA", "SB"): (30000, 6000, 3000, 0, 33000),
                                                 ("SA", "SC"): (10000, 2001, 1001, 0, 11001),
                                                 ("SB", "SA"): (5000, 0, 0, 0, 5000)})
        self.assertEqual({k: v for k, v in oct_open["net"].items() if k in ("SA", "SB", "SC")},
                         {"SA": 5000 - 33000 - 11001, "SB": 33000 - 5000, "SC": 11001})
        csv = self.box.run("settlement", "show", "--month", "2026-10", "--csv").stdout.splitlines()
        self.assertEqual(csv[0], "payer\\payee,S01,SA,SB,SC,owes")
        self.assertEqual(csv[2], "SA,0.00,0.00,330.00,110.01,440.01")
        self.assertEqual(csv[-1], "net,0.00,-390.01,280.00,110.01,")

        # Only finance or the owner signs.
        refused = self.sign("2026-10", "area1", check=False)
        self.assertNotEqual(refused.returncode, 0)
        self.assertIn("only finance or the owner", refused.stderr)
        self.assertNotEqual(self.sign("2026-10", "nobody", check=False).returncode, 0)
        signed = json.loads(self.sign("2026-10", "fin1").stdout)
        self.assertEqual((signed["status"], signed["signed_by"]), ("signed", "fin1"))
        self.assertEqual(self.cells("2026-10")[("SA", "SB")], (30000, 6000, 3000, 0, 33000))
        again = self.sign("2026-10", "fin1", check=False)
        self.assertEqual(again.returncode, 1)
        self.assertIn("already_signed", again.stderr)
        self.assertIn("out_of_order", self.sign("2026-12", "fin1", check=False).stderr)

        # Late: a spend dated in October arrives after the signature; and the rate changes.
        self.send(c, member_sale(c, "2026-10-25", m1, [sv("spend", -2000, -1000)]))
        self.box.run("setting", "set", "settlement.bonus_rate_bp", "0")
        self.assertEqual(self.cells("2026-10"), {("SA", "SB"): (30000, 6000, 3000, 0, 33000),
                                                 ("SA", "SC"): (10000, 2001, 1001, 0, 11001),
                                                 ("SB", "SA"): (5000, 0, 0, 0, 5000)})
        self.assertEqual(self.show("2026-10")["bonus_rate_bp"], 5000)
        self.assertEqual(self.cells("2026-11"), {("SA", "SC"): (2000, 1000, 0, 2000, 2000),
                                                 ("SB", "SC"): (1000, 0, 0, 0, 1000)})
        self.assertEqual(self.show("2026-12")["cells"], [])  # the adjustment goes to the next open month only
        self.assertEqual(json.loads(self.sign("2026-11", "fin1").stdout)["cells"][0]["adjustment"], 2000)
        self.assertEqual(self.show("2026-09")["status"], "skipped")
        # Signed rows are append-only.
        with self.assertRaises(RuntimeError):
            self.box.psql("UPDATE settlement_cells SET amount = 0 WHERE month = '2026-10'")
        self.assertEqual(self.box.psql("SELECT count(*) FROM settled_movements WHERE month = '2026-10'"), "5")


if __name__ == "__main__":
    unittest.main()
