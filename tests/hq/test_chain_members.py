"""Members across the chain (issue 18) on one sandbox PostgreSQL: a member topped up
in one store and served in another; head office's figures per member, every
movement with the store that sold the value and the store that used it, resends
moving nothing twice; the kiosk's `member show` asking HQ (source "hq") and
falling back to its own ledgers, and the kiosk window's checkout bar showing head
office's figures; member numbers that never collide across stores."""
import json
import os
import sqlite3
import subprocess
import sys
import tempfile
import unittest
import uuid

sys.path.insert(0, os.path.dirname(__file__))
import hq_client as hq  # noqa: E402

KIOSK_BIN = os.environ.get("SALON_KIOSK_BIN", "")
DAY = "2026-12-04"


def member_sale(store, member_no, customer_id, movements, total=0, tenders=(), reverses=None, kind="sale"):
    sid = str(uuid.uuid4())
    p = hq.sale_payload(sid, kind, DAY, total, list(tenders), lines=[], reverses=reverses)
    p["customer"] = {"id": customer_id, "name": "王小美", "tier": "", "birthday_offer": False, "member_no": member_no}
    p["movements"] = movements
    return hq.event(store, hq.EVENT_TYPE[kind], DAY, p, sid)


def sv(reason, principal, bonus):
    return {"kind": "stored_value", "reason": reason, "principal": principal, "bonus": bonus}


def kiosk(tmp, db, args, pin="9999", check=True):
    env = dict(os.environ, SALON_PIN=pin, SALON_PIN_COST="min", SALON_LANG="en")
    out = subprocess.run([KIOSK_BIN, *args, "--db", db], cwd=tmp, env=env, capture_output=True, text=True, timeout=120)
    if check and out.returncode != 0:
        raise RuntimeError(" ".join(args) + ": " + out.stdout + out.stderr)
    return out


class Kiosk:
    """A real salon-kiosk database enrolled at the sandbox's HQ under `code`."""

    def __init__(self, box, enrolment_code):
        self.tmp = tempfile.mkdtemp(prefix="kiosk.")
        self.db = os.path.join(self.tmp, "salon.db")
        kiosk(self.tmp, self.db, ["demo-data"], "")
        kiosk(self.tmp, self.db, ["sync", "enrol", "--staff", "admin", "--code", enrolment_code])

    def run(self, *args, pin="3456", check=True):
        return kiosk(self.tmp, self.db, list(args), pin, check)

    def register(self, phone):
        f = os.path.join(self.tmp, "reg.json")
        with open(f, "w") as out:
            json.dump({"name": "王小美", "phone": phone, "consent": True, "member": True}, out)
        return json.loads(self.run("customers", "register", "--json", f, "--staff", "cash").stdout)

    def sale(self, customer, lines, tenders):
        f = os.path.join(self.tmp, "sale.json")
        with open(f, "w") as out:
            json.dump({"id": str(uuid.uuid4()), "customer": customer, "lines": lines, "tenders": tenders}, out)
        return json.loads(self.run("sale", "--json", f, "--staff", "cash").stdout)

    def show(self, member_no):
        return json.loads(self.run("member", "show", member_no, "--staff", "cash", "--json").stdout)

    def window(self, lines):
        """The kiosk window (English) runs a script of `lines`; its screenshots go to <tmp>/shots."""
        script = os.path.join(self.tmp, "figures.script")
        with open(script, "w") as out:
            out.write("\n".join(["tap signin.staff.cash", "tap pin.3", "tap pin.4", "tap pin.5", "tap pin.6",
                                 "tap pin.ok", "wait 20", *lines]) + "\n")
        cmd = [KIOSK_BIN, "--db", self.db, "--width", "1024", "--height", "768", "--script", script,
               "--shots", os.path.join(self.tmp, "shots")]
        if not os.environ.get("DISPLAY"):
            cmd = ["xvfb-run", "-a", "-s", "-screen 0 1024x768x24", *cmd]
        env = dict(os.environ, SALON_PIN_COST="min", SALON_LANG="en", SDL_AUDIODRIVER="dummy")
        return subprocess.run(cmd, cwd=self.tmp, env=env, capture_output=True, text=True, timeout=120)

    def close(self):
        keep = os.environ.get("SALON_KEEP_SHOTS")  # a folder: the window's screenshots are copied there
        if keep and os.path.isdir(os.path.join(self.tmp, "shots")):
            subprocess.run(["cp", "-r", os.path.join(self.tmp, "shots"), keep])
        subprocess.run(["rm", "-rf", self.tmp])


class ChainMembers(hq.SandboxTest):
    def enrol(self, code):
        self.last_code = self.box.run("store", "add", code, "--name", code, "--no-qr").stdout.splitlines()[0]
        return hq.Store(self.last_code)

    def balance(self, store, member_no):
        return store.request("GET", "/members/%s/balance?staff=cash&purpose=checkout" % member_no)

    def test_top_up_in_one_store_spent_in_another(self):
        a, b = self.enrol("A01"), self.enrol("B01")
        m = "M90000001"
        reg = hq.event(a, "customer.registered", DAY, {"customer_id": 1, "file_no": "A01-2026-000001", "member_no": m})
        top_up = member_sale(a, m, 1, [sv("top_up", 100000, 20000), {"kind": "points", "reason": "earn", "points": 300}],
                             100000, [("cash", 100000)])
        pkg = member_sale(a, m, 1, [{"kind": "package", "reason": "buy", "package": top_up["id"] + "/2",
                                     "service": "SVC-01", "sessions": 10, "expires": "2027-12-04"}], 30000, [("cash", 30000)])
        self.assertEqual(a.send(a.batch([reg, top_up, pkg]))[0], 200)
        spend = member_sale(b, m, 9, [sv("spend", -25000, -5000), {"kind": "points", "reason": "redeem", "points": -100},
                                      {"kind": "package", "reason": "use", "package": top_up["id"] + "/2", "sessions": -1},
                                      {"kind": "arrears", "reason": "charge", "arrears": 8000}],
                             38000, [("stored_value", 30000), ("arrears", 8000)])
        status, body = b.send(b.batch([spend]))
        self.assertEqual((status, body["quarantined"]), (200, 0), body)
        b.send(b.batch([spend]))  # a resend moves nothing twice
        a.send(a.batch([reg, top_up, pkg]))

        status, j = self.balance(b, m)
        self.assertEqual(status, 200, j)
        self.assertEqual(set(j), {"member_no", "home_store", "stored_value", "points", "packages", "arrears", "as_of",
                                  "as_of_ms", "stored_through", "source", "scopes", "usable_here"})
        self.assertEqual((j["member_no"], j["home_store"], j["source"]), (m, "A01", "hq"))
        self.assertEqual(j["stored_value"], {"principal": 75000, "bonus": 15000})
        # what B may spend of it (chain.scope.*, the defaults: bonus and packages only where they were sold)
        self.assertEqual(j["usable_here"], {"stored_value": {"principal": 75000, "bonus": 0}, "points": 200,
                                            "packages": []})
        self.assertEqual((j["points"], j["arrears"]), (200, 8000))
        self.assertEqual(j["packages"], [{"service": "SVC-01", "sessions_left": 9, "expires": "2027-12-04",
                                          "package": top_up["id"] + "/2"}])
        self.assertEqual(j["stored_through"], b.seq)
        # Every movement: who sold the value, who used it.
        rows = self.box.psql("SELECT kind, reason, principal, bonus, points, sessions, arrears, sold_by, used_at"
                             " FROM member_movements WHERE member_no = '%s' ORDER BY id" % m).splitlines()
        self.assertEqual(rows, ["stored_value|top_up|100000|20000|0|0|0|A01|A01", "points|earn|0|0|300|0|0|A01|A01",
                                "package|buy|0|0|0|10|0|A01|A01", "stored_value|spend|-25000|-5000|0|0|0|A01|B01",
                                "points|redeem|0|0|-100|0|0|A01|B01", "package|use|0|0|0|-1|0|A01|B01",
                                "arrears|charge|0|0|0|0|8000|B01|B01"])
        # A void of the spend gives the value back to the store that sold it.
        void = member_sale(b, m, 9, [sv("spend_reversal", 25000, 5000)], -30000, [("stored_value", -30000)],
                           reverses=spend["id"], kind="void")
        self.assertEqual(b.send(b.batch([void]))[0], 200)
        self.assertEqual(self.box.psql("SELECT principal, bonus FROM member_value WHERE member_no = '%s'"
                                       " AND sold_by = 'A01'" % m), "100000|20000")
        # Points expired by the kiosk's housekeeping.
        expired = hq.event(a, "points.expired", DAY, {"customer": {"id": 1, "member_no": m},
                                                      "movements": [{"kind": "points", "reason": "expire", "points": -50}]})
        self.assertEqual(a.send(a.batch([expired]))[0], 200)
        self.assertEqual(self.balance(a, m)[1]["points"], 150)
        self.assertEqual(self.box.psql("SELECT count(*) FROM member_views WHERE member_no = '%s' AND store = 'B01'"
                                       " AND staff = 'cash' AND purpose = 'checkout'" % m), "1")
        self.assertEqual(self.balance(a, "M99999999")[0], 404)
        self.assertEqual(a.request("GET", "/members/%s/balance" % m, token="x" * 43)[0], 401)

    def test_a_kind_usable_only_where_sold_is_spent_from_the_using_stores_own_first(self):
        a, b = self.enrol("E01"), self.enrol("F01")
        m = "M90000009"
        self.assertEqual(a.send(a.batch([member_sale(a, m, 1, [sv("top_up", 10000, 2000)], 10000, [("cash", 10000)])]))[0],
                         200)
        second = member_sale(b, m, 1, [sv("top_up", 10000, 2000)], 10000, [("cash", 10000)])
        spend = member_sale(b, m, 1, [sv("spend", -5000, -1500)], 6500, [("stored_value", 6500)])
        self.assertEqual(b.send(b.batch([second, spend]))[0], 200)
        # principal (chain-wide): the oldest selling store first, E01; bonus (only where it was sold): F01's own
        self.assertEqual(self.box.psql("SELECT sold_by || ' ' || principal || ' ' || bonus FROM member_value"
                                       " WHERE member_no = '%s' ORDER BY sold_by" % m).splitlines(),
                         ["E01 5000 2000", "F01 10000 500"])

    @unittest.skipUnless(KIOSK_BIN and os.path.exists(KIOSK_BIN), "SALON_KIOSK_BIN not built")
    def test_kiosk_member_show_asks_head_office_then_falls_back(self):
        self.enrol("K01")
        k = Kiosk(self.box, self.last_code)
        try:
            block = int(self.box.psql("SELECT number_block FROM stores WHERE code = 'K01'"))
            member = k.register("13800138101")
            self.assertEqual(member["member_no"], "M%02d000001" % block)
            self.assertTrue(member["file_no"].startswith("K01-"))
            m = member["member_no"]
            k.run("day", "open", "--staff", "cash", "--float", "0")
            k.sale(m, [{"item": "V-1000", "qty": 1}], [{"type": "cash", "amount": 100000, "handed": 100000}])
            cut = k.sale(m, [{"item": "S-CUT", "qty": 1, "staff": ["beau"]}], [{"type": "stored_value", "amount": 8360}])
            self.assertEqual(cut["totals"]["total"], 8360)
            k.run("sync", "now", "--staff", "admin", pin="9999")
            # A top-up since the last upload: HQ's figures plus the store's own unsent movements.
            k.sale(m, [{"item": "V-1000", "qty": 1}], [{"type": "cash", "amount": 100000, "handed": 100000}])
            at_hq = k.show(m)
            self.assertEqual(at_hq["source"], "hq")
            self.assertEqual(self.box.psql("SELECT sum(principal + bonus) FROM member_value WHERE member_no = '%s'" % m),
                             str(120000 - 8360))
            self.assertEqual(self.box.psql("SELECT DISTINCT sold_by || '>' || used_at FROM member_movements"
                                           " WHERE member_no = '%s'" % m), "K01>K01")
            # The window's checkout bar: the member's card number scanned, head office's
            # figures (the chip says so), asked on the Lookups lane and audited as a look.
            shown = k.window(["tap home.tile.checkout", "wait 5", "scan " + m, "expect Head office · ",
                              "shot checkout_hq"])
            self.assertEqual(shown.returncode, 0, shown.stdout + shown.stderr)
            self.assertEqual(self.box.psql("SELECT count(*) FROM member_views WHERE member_no = '%s' AND store = 'K01'"
                                           " AND purpose = 'checkout'" % m), "1")
            # Head office cut off: the store's own ledgers, the same figures.
            with sqlite3.connect(k.db) as c:
                c.execute("UPDATE sync_state SET hq_url = 'https://127.0.0.1:9'")
            local = k.show(m)
            self.assertEqual(local["source"], "local")
            for j in (at_hq, local):
                del j["source"], j["as_of"]
            self.assertEqual(at_hq, local)
            self.assertEqual(local["stored_value"]["principal"] + local["stored_value"]["bonus"], 240000 - 8360)
            self.assertEqual(local["home_store"], "K01")
            with sqlite3.connect(k.db) as c:
                sections = [r[0:2] for r in c.execute("SELECT reason, sections FROM audit_log"
                                                      " WHERE action = 'customer.view' AND record_type = 'member'"
                                                      " ORDER BY seq")]
            self.assertEqual(sections, [("balance enquiry", "balances,hq"), ("checkout", "balances,hq"),
                                        ("balance enquiry", "balances,local,hq_unreachable")])
        finally:
            k.close()

    @unittest.skipUnless(KIOSK_BIN and os.path.exists(KIOSK_BIN), "SALON_KIOSK_BIN not built")
    def test_two_stores_never_issue_the_same_number(self):
        kiosks = []
        try:
            for code in ("N01", "N02"):
                self.enrol(code)
                kiosks.append(Kiosk(self.box, self.last_code))
            issued = [k.register("1390013900%d" % (i * 2 + n)) for i, k in enumerate(kiosks) for n in range(2)]
            members = [r["member_no"] for r in issued]
            files = [r["file_no"] for r in issued]
            self.assertEqual(len(set(members)), 4, members)
            self.assertEqual(len(set(files)), 4, files)
            self.assertEqual([f[:4] for f in files], ["N01-", "N01-", "N02-", "N02-"])
            blocks = self.box.psql("SELECT number_block FROM stores WHERE code IN ('N01', 'N02') ORDER BY code")
            self.assertEqual([m[1:3] for m in members], ["%02d" % int(b) for b in blocks.split() for _ in range(2)])
            self.assertEqual(kiosks[0].run("verify", pin="").returncode, 0)
        finally:
            for k in kiosks:
                k.close()


if __name__ == "__main__":
    unittest.main(verbosity=2)
