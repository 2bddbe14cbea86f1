"""Money owned by head office (issue 18): two real kiosk databases (stores A and B)
and one sandbox HQ. A member registered and topped up in A spends in B online
through a head-office debit keyed by the sale's id (a retry debits once); two
stores spending the last of a balance at the same moment: exactly one succeeds,
the other is told the balance; B cut off sells within its offline allowances and
the overdraw becomes arrears at HQ and in B; a card reissued in A is refused in B.
Package sessions are held the same way (the last session: exactly one store gets it),
and each kind of value is usable where the chain settings say (chain.scope.*)."""
import json
import os
import re
import sqlite3
import subprocess
import sys
import threading
import time
import unittest
import uuid

sys.path.insert(0, os.path.dirname(__file__))
import hq_client as hq  # noqa: E402
from test_chain_members import KIOSK_BIN, Kiosk  # noqa: E402


def sale_json(customer, cuts, stored_value, cash=50000, sale_id=None, approved_by=None, points=0):
    tenders = []
    if stored_value:
        tenders.append({"type": "stored_value", "amount": stored_value})
    if points:
        tenders.append({"type": "points", "amount": points})
    tenders.append({"type": "cash", "amount": cash, "handed": cash})
    body = {"id": sale_id or str(uuid.uuid4()), "customer": customer,
            "lines": [{"item": "S-CUT", "qty": cuts, "staff": ["beau"]}], "tenders": tenders}
    if approved_by:
        body["approved_by"] = approved_by
    return body


class Store(Kiosk):
    """A real kiosk enrolled at the sandbox's HQ, with its day open."""

    def __init__(self, box, code):
        super().__init__(box, code)
        self.code = code
        self.run("day", "open", "--staff", "cash", "--float", "0")

    def pay(self, body, env=None, check=False):
        """`salon-kiosk sale --json`: (exit code, the sale JSON or the error)."""
        f = os.path.join(self.tmp, "sale-%s.json" % uuid.uuid4())
        with open(f, "w") as out:
            json.dump(body, out)
        return self.finish(self.start(f, env))

    def start(self, path, env=None):
        full = dict(os.environ, SALON_PIN="3456", SALON_PIN_COST="min", SALON_LANG="en", **(env or {}))
        return subprocess.Popen([KIOSK_BIN, "sale", "--json", path, "--staff", "cash", "--db", self.db], cwd=self.tmp,
                                env=full, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)

    @staticmethod
    def finish(p):
        out, err = p.communicate(timeout=120)
        if p.returncode == 0:
            return 0, json.loads(out)
        return p.returncode, json.loads(err.strip().splitlines()[-1])["error"]

    def sync(self):
        self.run("sync", "now", "--staff", "admin", pin="9999")

    def sql(self, query, *args):
        with sqlite3.connect(self.db) as c:
            return c.execute(query, args).fetchall()

    def cut_off(self):
        self.url = self.sql("SELECT hq_url FROM sync_state")[0][0]
        with sqlite3.connect(self.db) as c:
            c.execute("UPDATE sync_state SET hq_url = 'https://127.0.0.1:9'")

    def reconnect(self):
        with sqlite3.connect(self.db) as c:
            c.execute("UPDATE sync_state SET hq_url = ?", (self.url,))


class ChainMoney(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.box = hq.Sandbox().__enter__()
        cls.codes = {}
        for code in ("A01", "B01"):
            cls.codes[code] = cls.box.run("store", "add", code, "--name", code, "--no-qr").stdout.splitlines()[0]
        # These tests spend value chain-wide; test_each_kind_usable_where_the_chain_says the defaults.
        for kind in ("bonus", "packages"):
            cls.box.run("setting", "set", "chain.scope." + kind, "chain")
        cls.a = Store(cls.box, cls.codes["A01"])
        cls.b = Store(cls.box, cls.codes["B01"])
        cls.phone = 13700137000

    @classmethod
    def tearDownClass(cls):
        cls.a.close()
        cls.b.close()
        cls.box.__exit__(None, None, None)

    def member(self):
        """Registered in A, topped up there (1000 + 200 bonus), known at HQ; its file brought into B."""
        ChainMoney.phone += 1
        m = self.a.register(str(self.phone))["member_no"]
        self.a.sale(m, [{"item": "V-1000", "qty": 1}], [{"type": "cash", "amount": 100000, "handed": 100000}])
        self.a.sync()
        csv = os.path.join(self.b.tmp, "member.csv")
        with open(csv, "w") as out:
            out.write("会员卡号,姓名,手机号\n%s,王小美,%d\n" % (m, self.phone))
        self.b.run("customers", "import", csv, "--staff", "mgr", pin="1234")
        return m

    def held(self, m):
        return self.box.psql("SELECT COALESCE(sum(principal + bonus), 0) FROM member_value WHERE member_no = '%s'" % m)

    def test_spend_in_b_online_and_a_retry_debits_once(self):
        m = self.member()
        body = sale_json(m, 1, 5000)
        code, sale = self.b.pay(body)
        self.assertEqual((code, sale.get("chain")), (0, "hq"), sale)
        debits = "SELECT count(*) FROM member_debits WHERE sale = '%s'" % body["id"]
        self.assertEqual(self.box.psql(debits), "1")
        split = self.box.psql("SELECT principal || ',' || bonus FROM member_debits WHERE sale = '%s'" % body["id"])
        self.assertEqual(split, "4167,833")  # core's split over 100000 + 20000
        # B's own ledger: what it lacked came in first, then the spend; its balances never below zero.
        self.assertEqual(self.b.sql("SELECT kind, principal_delta, bonus_delta FROM stored_value_ledger WHERE sale_id = ?"
                                    " ORDER BY id", body["id"]), [("chain_in", 4167, 833), ("spend", -4167, -833)])
        # The same sale again: the same sale and the same debit.
        code, again = self.b.pay(body)
        self.assertEqual((code, again["replayed"]), (0, True), again)
        st = hq.Store(self.codes["B01"])
        status, j = st.request("POST", "/members/%s/debits" % m, {"sale": body["id"], "stored_value": 5000, "staff": "cash"})
        self.assertEqual((status, j["replayed"], j["debited"]),
                         (200, True, {"principal": 4167, "bonus": 833, "points": 0, "packages": []}))
        self.assertEqual(j["stored_value"], {"principal": 100000 - 4167, "bonus": 20000 - 833})
        self.assertEqual(self.box.psql(debits), "1")
        status, j = st.request("POST", "/members/%s/debits" % m, {"sale": body["id"], "stored_value": 6000})
        self.assertEqual((status, j["error"]), (409, "debit_conflict"))
        # Another store sees the value held before B uploads the sale.
        status, j = hq.Store(self.codes["A01"]).request("GET", "/members/%s/balance?staff=cash&purpose=checkout" % m)
        self.assertEqual(j["stored_value"]["principal"] + j["stored_value"]["bonus"], 115000)
        self.assertEqual(self.held(m), "120000")
        self.b.sync()  # the upload posts the spend and ends the debit
        self.assertEqual(self.box.psql("SELECT e.how FROM member_debit_ends e JOIN member_debits d ON d.id = e.debit"
                                       " WHERE d.sale = '%s'" % body["id"]), "posted")
        self.assertEqual(self.held(m), "115000")
        self.assertEqual(self.box.psql("SELECT reason || ':' || sold_by || '>' || used_at FROM member_movements"
                                       " WHERE member_no = '%s' AND used_at = 'B01' AND kind = 'stored_value'" % m),
                         "spend:A01>B01")
        shown = self.b.show(m)
        self.assertEqual((shown["source"], shown["stored_value"]), ("hq", {"principal": 95833, "bonus": 19167}))
        # A debit whose sale the store refused after all: released, once; the value is free again.
        seen_by_a = lambda: sum(hq.Store(self.codes["A01"]).request(
            "GET", "/members/%s/balance?staff=cash&purpose=checkout" % m)[1]["stored_value"].values())
        other = str(uuid.uuid4())
        status, j = st.request("POST", "/members/%s/debits" % m, {"sale": other, "stored_value": 2000})
        self.assertEqual((status, j["replayed"]), (200, False))
        self.assertEqual(seen_by_a(), 113000)
        for how in ("released", "released"):
            status, j = st.request("POST", "/members/%s/debits/%s/release" % (m, other), {})
            self.assertEqual((status, j["status"]), (200, how))
        self.assertEqual(seen_by_a(), 115000)
        # A debit older than debits.hold_hours whose sale never came holds nothing and is an alert.
        self.box.psql("INSERT INTO member_debits (sale, store, member_no, principal, bonus, points, at) VALUES"
                      " (gen_random_uuid(), 'B01', '%s', 1000, 0, 0, now() - interval '25 hours')" % m)
        self.assertEqual(seen_by_a(), 115000)
        stale = json.loads(self.box.run("chain", "alerts").stdout)["stale_debits"]
        self.assertEqual([(d["store"], d["stored_value"]) for d in stale if d["member_no"] == m], [("B01", 1000)])
        self.assertEqual(self.b.run("verify", pin="").returncode, 0)

    def test_last_100_at_two_stores_at_once(self):
        m = self.member()
        code, sale = self.a.pay(sale_json(m, 14, 110000))  # ¥100 left
        self.assertEqual((code, sale.get("chain")), (0, "hq"), sale)
        paths = []
        for k in (self.a, self.b):
            paths.append(os.path.join(k.tmp, "race.json"))
            with open(paths[-1], "w") as out:
                json.dump(sale_json(m, 2, 10000), out)
        procs = [k.start(p) for k, p in zip((self.a, self.b), paths)]
        results = sorted((Store.finish(p) for p in procs), key=lambda r: r[0])
        self.assertEqual([r[0] for r in results], [0, 2], results)
        self.assertEqual(results[0][1]["chain"], "hq")
        refused = results[1][1]
        self.assertEqual(refused["code"], "chain_balance_short")
        self.assertTrue(refused["detail"].startswith("0,0,"), refused)  # principal, bonus (fen) and points left
        self.assertIn("balance is short", refused["message"])
        self.assertEqual(self.box.psql("SELECT count(*) FROM open_member_debits WHERE member_no = '%s'" % m), "2")
        self.a.sync()
        self.b.sync()
        self.assertEqual(self.held(m), "0")
        self.assertEqual(self.box.psql("SELECT count(*) FROM member_overdraws WHERE member_no = '%s'" % m), "0")

    def test_package_sessions_through_head_office(self):
        m = self.member()
        bought = {"id": str(uuid.uuid4()), "customer": m, "lines": [{"item": "K-FACIAL10", "qty": 1}],
                  "tenders": [{"type": "cash", "amount": 98000, "handed": 98000}]}
        self.assertEqual(self.a.pay(bought)[0], 0)
        [[pkg]] = self.a.sql("SELECT id FROM customer_packages WHERE sale_id = ?", bought["id"])

        def use():
            return {"id": str(uuid.uuid4()), "customer": m, "lines": [{"item": "S-FACIAL", "qty": 1, "staff": ["beau"]}],
                    "tenders": [{"type": "package", "ref": pkg}]}

        def held(sale):
            return self.box.psql("SELECT string_agg(s.package || ':' || s.sessions, ',') FROM member_debit_sessions s"
                                 " JOIN member_debits d ON d.id = s.debit WHERE d.sale = '%s'" % sale)
        # Not at head office yet (A sold it and has not uploaded): the debit holds none of it.
        first = use()
        code, sale = self.a.pay(first)
        self.assertEqual((code, sale.get("chain")), (0, "hq"), sale)
        self.assertEqual(held(first["id"]), "")
        self.a.sync()
        # Known there: a session used is held at head office until the sale's upload.
        second = use()
        code, sale = self.a.pay(second)
        self.assertEqual((code, sale.get("chain")), (0, "hq"), sale)
        self.assertEqual(held(second["id"]), pkg + ":1")
        code, again = self.a.pay(second)  # a retry: the same sale, the same debit
        self.assertEqual((code, again["replayed"]), (0, True), again)
        self.assertEqual(self.box.psql("SELECT count(*) FROM member_debits WHERE sale = '%s'" % second["id"]), "1")
        st_a, st_b = hq.Store(self.codes["A01"]), hq.Store(self.codes["B01"])
        status, j = st_a.request("POST", "/members/%s/debits" % m,
                                 {"sale": second["id"], "packages": [{"package": pkg, "sessions": 2}]})
        self.assertEqual((status, j["error"]), (409, "debit_conflict"))
        # Another store sees the session held (9 at head office, less A's open debit).
        status, j = st_b.request("GET", "/members/%s/balance?staff=cash&purpose=checkout" % m)
        self.assertEqual([(p["package"], p["sessions_left"]) for p in j["packages"]], [(pkg, 8)])
        # Hold all but one, then two stores ask for the last session at once: exactly one gets it.
        status, j = st_a.request("POST", "/members/%s/debits" % m,
                                 {"sale": str(uuid.uuid4()), "packages": [{"package": pkg, "sessions": 7}]})
        self.assertEqual((status, j["packages"]), (200, [{"package": pkg, "sessions_left": 1}]), j)
        gate, answers = threading.Barrier(2), []

        def last(store):
            gate.wait()
            answers.append(store.request("POST", "/members/%s/debits" % m,
                                         {"sale": str(uuid.uuid4()), "packages": [{"package": pkg, "sessions": 1}]}))
        threads = [threading.Thread(target=last, args=(st,)) for st in (st_a, st_b)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        self.assertEqual(sorted(a[0] for a in answers), [200, 409], answers)
        refused = [a[1] for a in answers if a[0] == 409][0]
        self.assertEqual((refused["error"], refused["packages"]), ("balance_short", [{"package": pkg, "sessions_left": 0}]))
        # The counter is told so too; the upload posts the used sessions and ends their debits.
        code, err = self.a.pay(use())
        self.assertEqual((code, err["code"]), (2, "chain_balance_short"), err)
        self.a.sync()
        self.assertEqual(self.box.psql("SELECT sessions_left FROM member_packages WHERE package = '%s'" % pkg), "8")
        self.assertEqual(self.box.psql("SELECT e.how FROM member_debit_ends e JOIN member_debits d ON d.id = e.debit"
                                       " WHERE d.sale = '%s'" % second["id"]), "posted")

    def test_each_kind_usable_where_the_chain_says(self):
        m = self.member()  # A sold ¥1000 + ¥200 bonus
        bought = {"id": str(uuid.uuid4()), "customer": m, "lines": [{"item": "K-FACIAL10", "qty": 1}],
                  "tenders": [{"type": "cash", "amount": 98000, "handed": 98000}]}
        self.assertEqual(self.a.pay(bought)[0], 0)
        self.a.sync()
        [[pkg]] = self.a.sql("SELECT id FROM customer_packages WHERE sale_id = ?", bought["id"])
        st_a, st_b = hq.Store(self.codes["A01"]), hq.Store(self.codes["B01"])
        balance = "/members/%s/balance?staff=cash&purpose=checkout" % m
        debits = "/members/%s/debits" % m
        self.box.psql("DELETE FROM chain_settings WHERE key LIKE 'chain.scope.%'")  # the defaults
        try:
            status, j = st_b.request("GET", balance)
            self.assertEqual(j["scopes"], {"principal": "chain", "bonus": "selling_store", "packages": "selling_store",
                                           "points": "chain"})
            self.assertEqual(j["stored_value"], {"principal": 100000, "bonus": 20000})  # the member's, whole
            self.assertEqual(j["usable_here"]["stored_value"], {"principal": 100000, "bonus": 0})
            self.assertEqual((j["usable_here"]["packages"], j["usable_here"]["points"]), ([], j["points"]))
            j = st_a.request("GET", balance)[1]
            self.assertEqual((j["usable_here"]["stored_value"], j["usable_here"]["packages"]),
                             ({"principal": 100000, "bonus": 20000}, [pkg]))
            # B may spend the principal only, and not A's package.
            status, j = st_b.request("POST", debits, {"sale": str(uuid.uuid4()), "stored_value": 100001})
            self.assertEqual((status, j["error"], j["stored_value"]), (409, "balance_short",
                                                                       {"principal": 100000, "bonus": 0}), j)
            status, j = st_b.request("POST", debits, {"sale": str(uuid.uuid4()), "stored_value": 5000})
            self.assertEqual((status, j["debited"]["principal"], j["debited"]["bonus"]), (200, 5000, 0), j)
            status, j = st_b.request("POST", debits, {"sale": str(uuid.uuid4()),
                                                      "packages": [{"package": pkg, "sessions": 1}]})
            self.assertEqual((status, j["error"], j["package"], j["sold_by"]), (409, "not_usable_here", pkg, "A01"), j)
            # The counter in B is told what it may use (B's own debit of ¥50 still holds).
            code, err = self.b.pay(sale_json(m, 14, 100000))
            self.assertEqual((code, err["code"]), (2, "chain_balance_short"), err)
            self.assertTrue(err["detail"].startswith("95000,0,"), err)
            # A may use its bonus and its package; the principal B holds is held for A too.
            status, j = st_a.request("POST", debits, {"sale": str(uuid.uuid4()), "stored_value": 115000,
                                                      "packages": [{"package": pkg, "sessions": 1}]})
            self.assertEqual((status, j["stored_value"], j["packages"]),
                             (200, {"principal": 0, "bonus": 0}, [{"package": pkg, "sessions_left": 9}]), j)
        finally:
            for kind in ("bonus", "packages"):
                self.box.run("setting", "set", "chain.scope." + kind, "chain")

    def test_offline_within_allowances_then_overdraw_becomes_arrears(self):
        m = self.member()
        self.box.run("setting", "set", "chain.offline.store_fen", "90000")
        self.b.sync()
        self.b.cut_off()
        try:
            code, s1 = self.b.pay(sale_json(m, 5, 40000))
            self.assertEqual((code, s1.get("chain")), (0, "offline"), s1)
            code, err = self.b.pay(sale_json(m, 3, 20000))
            self.assertEqual((code, err["code"]), (2, "offline_member_allowance"), err)
            code, err = self.b.pay(sale_json(m, 14, 100001))
            self.assertEqual((code, err["code"]), (2, "offline_sale_cap"), err)
            code, s2 = self.b.pay(sale_json(m, 3, 20000, approved_by="mgr"), env={"SALON_MANAGER_PIN": "1234"})
            self.assertEqual((code, s2.get("chain")), (0, "offline"), s2)
            code, err = self.b.pay(sale_json(m, 5, 40000, approved_by="mgr"), env={"SALON_MANAGER_PIN": "1234"})
            self.assertEqual((code, err["code"]), (2, "offline_store_allowance"), err)
            # Past 24 h since the last contact with HQ, chain balances wait for it.
            (contact,) = self.b.sql("SELECT last_contact FROM sync_state")[0]
            with sqlite3.connect(self.b.db) as c:
                c.execute("UPDATE sync_state SET last_contact = last_contact - 25 * 3600 * 1000")
            code, err = self.b.pay(sale_json(m, 1, 1000))
            self.assertEqual((code, err["code"], err["detail"]), (2, "offline_too_long", "25"), err)
            with sqlite3.connect(self.b.db) as c:
                c.execute("UPDATE sync_state SET last_contact = ?", (contact,))
            # Meanwhile A, online, spends the whole balance: HQ does not know of B's sales yet.
            code, all_of_it = self.a.pay(sale_json(m, 15, 120000, cash=100000))
            self.assertEqual((code, all_of_it.get("chain")), (0, "hq"), all_of_it)
        finally:
            self.b.reconnect()
        self.b.sync()  # up: B's offline sales overdraw the member by 600; down: the arrears
        self.assertEqual(self.box.psql("SELECT store || ':' || stored_value || ':' || event_id FROM member_overdraws"
                                       " WHERE member_no = '%s'" % m), "B01:60000:" + s2["id"])
        self.a.sync()
        self.assertEqual(self.held(m), "0")
        self.b.sync()
        shown = self.b.show(m)
        self.assertEqual((shown["source"], shown["arrears"]), ("hq", 60000))
        self.assertEqual(self.b.sql("SELECT kind, delta FROM arrears_ledger WHERE sale_id = ?", s2["id"]),
                         [("overdraw", 60000)])
        self.assertEqual(self.b.sql("SELECT arrears FROM chain_overdraws WHERE member_no = ?", m), [(60000,)])
        self.assertEqual(self.b.sql("SELECT count(*) FROM audit_log WHERE action = 'chain.overdraw'"), [(1,)])
        status = json.loads(self.b.run("sync", "status", "--staff", "admin", "--json", pin="9999").stdout)
        self.assertEqual(status["overdraws"], 1)  # the store's alert
        alerts = json.loads(self.box.run("chain", "alerts").stdout)  # head office's
        mine = [o for o in alerts["overdraws"] if o["member_no"] == m]
        self.assertEqual([(o["store"], o["sale"], o["arrears"]) for o in mine], [("B01", s2["id"], 60000)])
        # The store's arrears rules now apply: 600 owed is above the default limit of 500.
        code, err = self.b.pay({"id": str(uuid.uuid4()), "customer": m,
                                "lines": [{"item": "S-CUT", "qty": 1, "staff": ["beau"]}],
                                "tenders": [{"type": "arrears", "amount": 100}, {"type": "cash", "amount": 20000, "handed": 20000}]})
        self.assertEqual((code, err["code"]), (2, "arrears_limit"), err)
        self.assertEqual(self.b.run("verify", pin="").returncode, 0)
        # The window in B says it on Today, and on the member's checkout bar.
        shown = self.b.window(["expect Head office: offline overdraws turned into arrears (1)", "expect Owes ¥600.00",
                               "shot chain_overdraw_today", "tap home.overdraw.1", "wait 5",
                               "expect Offline overdraw owed ¥600.00", "shot chain_overdraw_bar"])
        self.assertEqual(shown.returncode, 0, shown.stdout + shown.stderr)

    def test_window_manager_pin_past_the_offline_allowance(self):
        """The checkout screen in B, cut off: past the member's offline allowance the refusal says
        what is left and offers 经理授权; a wrong PIN is said and writes nothing; the manager's PIN
        settles the sale once, with approved_by as `sale` records it."""
        ChainMoney.phone += 1
        m = self.b.register(str(self.phone))["member_no"]
        self.b.sale(m, [{"item": "V-1000", "qty": 1}], [{"type": "cash", "amount": 100000, "handed": 100000}])
        self.box.run("setting", "set", "chain.offline.member_fen", "5000")
        self.b.sync()
        self.b.cut_off()
        try:
            def pin(digits):
                return ["tap checkout.approval.pin.%s" % d for d in digits] + ["tap checkout.approval.pin.ok"]
            shown = self.b.window(
                ["tap home.tile.checkout", "wait 5", "scan " + m, "tap checkout.item.S-CUT", "tap checkout.staff.beau",
                 "tap checkout.pay", "tap checkout.tender.stored_value", "doubletap checkout.settle",
                 "expect this member's offline allowance is used up", "expect may still spend offline: ¥50.00",
                 "shot chain_offline_allowance", "tap checkout.approval", "expect Manager: tap your name",
                 "shot chain_manager_choose",
                 "tap checkout.approval.staff.mgr", *pin("9999"), "expect Wrong PIN",
                 "tap checkout.approval.pin.1", "tap checkout.approval.pin.2", "shot chain_manager_pin",
                 "tap checkout.approval.pin.3", "tap checkout.approval.pin.4", "tap checkout.approval.pin.ok",
                 "expect Settled", "shot chain_manager_approved"])
            self.assertEqual(shown.returncode, 0, shown.stdout + shown.stderr)
            self.assertEqual(self.b.sql("SELECT mode, approved_by FROM chain_spends WHERE member_no = ?", m),
                             [("offline", "mgr")])
            self.assertEqual(self.b.sql("SELECT count(*), max(approved_by) FROM sales s JOIN customers c"
                                        " ON c.id = s.customer_id WHERE c.member_no = ? AND s.kind = 'sale'"
                                        " AND s.approved_by != ''", m), [(1, "mgr")])
        finally:
            self.b.reconnect()
            self.box.run("setting", "set", "chain.offline.member_fen", "50000")
            self.b.sync()

    def test_window_settles_through_head_office_and_says_a_short_balance(self):
        """The checkout screen: head office's figures on the bar, 结账 debits at HQ (on the
        Lookups lane), and a balance spent elsewhere meanwhile said on screen with what is left."""
        m = self.member()
        pay = ["tap home.tile.checkout", "wait 5", "scan " + m, "expect Head office · ", "tap checkout.item.S-CUT",
               "tap checkout.staff.beau", "tap checkout.pay", "tap checkout.tender.stored_value"]
        shown = self.b.window(pay + ["tap checkout.settle", "expect Settled", "shot chain_settled"])
        self.assertEqual(shown.returncode, 0, shown.stdout + shown.stderr)
        (mode, spent), = self.b.sql("SELECT mode, principal + bonus FROM chain_spends WHERE member_no = ?", m)
        self.assertEqual((mode, spent), ("hq", 8360))  # a cut at the member's price
        self.assertEqual(self.box.psql("SELECT count(*) FROM member_debits WHERE member_no = '%s' AND store = 'B01'" % m),
                         "1")
        # A spends the rest while B's cashier is at the tender screen (after B's look at HQ).
        views = "SELECT count(*) FROM member_views WHERE member_no = '%s' AND store = 'B01'" % m
        before = int(self.box.psql(views))
        done = {}

        def spend_in_a():
            deadline = time.time() + 60
            while int(self.box.psql(views)) == before and time.time() < deadline:
                time.sleep(0.05)
            done["a"] = self.a.pay(sale_json(m, 15, 120000 - spent, cash=100000))

        spender = threading.Thread(target=spend_in_a)
        spender.start()
        shown = self.b.window(pay[:4] + ["wait 240"] + pay[4:] + ["tap checkout.settle", "expect balance is short",
                                                                  "expect ¥0.00 + bonus ¥0.00 · Points", "shot chain_refused"])
        spender.join()
        self.assertEqual(done["a"][0], 0, done)
        self.assertEqual(shown.returncode, 0, shown.stdout + shown.stderr)
        self.assertEqual(self.b.sql("SELECT count(*) FROM chain_spends WHERE member_no = ?", m), [(1,)])

    def card(self, k, m, reissue=False):
        """`print card` to a file printer; the QR's payload read back from the ESC/POS bytes."""
        out = os.path.join(k.tmp, "card-%s.bin" % uuid.uuid4())
        if reissue:  # a manager's
            k.run("print", "card", m, "--staff", "mgr", "--printer", "file:" + out, "--reason", "卡丢失", "--reissue",
                  pin="1234")
        else:
            k.run("print", "card", m, "--staff", "cash", "--printer", "file:" + out, "--reason", "新会员")
        with open(out, "rb") as f:
            found = re.findall(rb"SK1\.[A-Z0-9]+\.[0-9]+\.[A-Za-z0-9_-]+", f.read())
        self.assertEqual(len(found), 1)
        return found[0].decode()

    def scan(self, k, payload):
        out = k.run("scan", payload, "--staff", "cash", check=False)
        if out.returncode == 0:
            return json.loads(out.stdout)
        return {"code": re.findall(r"\[([a-z_]+)\]", out.stderr)[-1], "stderr": out.stderr}

    def test_reissued_card_refused_in_the_other_store(self):
        m = self.member()
        first = self.card(self.a, m)
        self.a.sync()  # A's card keys and the card go up
        self.b.sync()  # A's keys come down to B
        self.assertEqual(self.scan(self.b, first)["member_no"], m)
        second = self.card(self.a, m, reissue=True)
        self.assertTrue(second.startswith("SK1.%s.2." % m), second)
        self.a.sync()
        self.b.sync()
        refused = self.scan(self.b, first)
        self.assertEqual(refused["code"], "card_revoked", refused)
        self.assertEqual(self.scan(self.b, second)["member_no"], m)
        self.assertEqual(self.scan(self.a, first)["code"], "card_revoked")
        self.assertEqual(self.b.sql("SELECT version, staff FROM member_card_log WHERE member_no = ?", m),
                         [(2, "head-office")])
        self.assertEqual(self.b.run("verify", pin="").returncode, 0)


if __name__ == "__main__":
    unittest.main(verbosity=2)
