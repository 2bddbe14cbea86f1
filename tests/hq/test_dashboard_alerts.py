"""The owner's dashboard's alerts and sync backlog (issue 18), against real kiosks.

Two salon-kiosk databases enrolled at a sandbox HQ: B, cut off, sells ¥400 from a
member's stored value within its offline allowances while A, online, spends the whole
balance; B's upload makes the overdraw arrears. A debit whose sale never came (a
second member's, past debits.hold_hours) is the other kind. The API answers both with
the right store, member and amount, to each login only for its stores; finance marks
one seen (kept, never changed), an area manager may not. Sync health: A's kiosk, with
N events written after its last upload, tells HQ N with its next poll (`sync run`);
the sandbox's store, uploading as an older kiosk does (no count), shows "unknown";
a backlog that has not fallen for 5 minutes and a store never heard from are marked.
The page (Debian's headless Chromium at 1366x768) shows the same figures in zh-Hans
and English; screenshots go to $SALON_SCREENSHOTS (default: a temp folder)."""
import datetime
import json
import os
import subprocess
import sys
import tempfile
import time
import unittest
import urllib.request
import uuid

sys.path.insert(0, os.path.dirname(__file__))
import dashboard_data as data  # noqa: E402
import hq_client as hq  # noqa: E402
import test_booking_page as booking  # noqa: E402  (its DevTools client; not its test case)
from test_chain_money import Store, sale_json  # noqa: E402
from test_chain_members import KIOSK_BIN  # noqa: E402
from test_dashboard_api import Browser  # noqa: E402

CHROMIUM = booking.CHROMIUM


def cash_sale():
    return {"id": str(uuid.uuid4()), "customer": None, "lines": [{"item": "S-CUT", "qty": 1, "staff": ["beau"]}],
            "tenders": [{"type": "cash", "amount": 50000, "handed": 50000}]}


@unittest.skipUnless(KIOSK_BIN and os.path.exists(KIOSK_BIN), "SALON_KIOSK_BIN not built")
class DashboardAlerts(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.box = hq.Sandbox().__enter__()
        cls.codes = {c: cls.box.run("store", "add", c, "--name", c, "--no-qr").stdout.splitlines()[0]
                     for c in ("A01", "B01", "C01")}  # C01: enrolled, never heard from
        for kind in ("bonus", "packages"):
            cls.box.run("setting", "set", "chain.scope." + kind, "chain")
        cls.a = Store(cls.box, cls.codes["A01"])
        cls.b = Store(cls.box, cls.codes["B01"])
        for login, role, *extra in (("owner", "owner"), ("finance", "finance"), ("area1", "area_manager", "--stores", "A01"),
                                    ("area2", "area_manager", "--stores", "B01")):
            data.add_user(cls.box, login, role, *extra)

    @classmethod
    def tearDownClass(cls):
        cls.a.close()
        cls.b.close()
        cls.box.__exit__(None, None, None)

    def browser(self, login):
        b = Browser(self.box.hq)
        self.assertEqual(b.sign_in(login)[0], 200)
        return b

    def member(self, phone):
        """Registered in A, topped up there (1000 + 200 bonus), known at HQ; its file brought into B."""
        m = self.a.register(phone)["member_no"]
        self.a.sale(m, [{"item": "V-1000", "qty": 1}], [{"type": "cash", "amount": 100000, "handed": 100000}])
        self.a.sync()
        csv = os.path.join(self.b.tmp, "member.csv")
        with open(csv, "w") as out:
            out.write("会员卡号,姓名,手机号\n%s,王小美,%s\n" % (m, phone))
        self.b.run("customers", "import", csv, "--staff", "mgr", pin="1234")
        return m

    def overdraw(self):
        """B sells ¥400 offline from the member's value while A spends all of it online."""
        m = self.member("13700137101")
        self.box.run("setting", "set", "chain.offline.store_fen", "90000")
        self.b.sync()
        self.b.cut_off()
        try:
            code, sale = self.b.pay(sale_json(m, 5, 40000))
            self.assertEqual((code, sale.get("chain")), (0, "offline"), sale)
            code, all_of_it = self.a.pay(sale_json(m, 15, 120000, cash=100000))
            self.assertEqual((code, all_of_it.get("chain")), (0, "hq"), all_of_it)
        finally:
            self.b.reconnect()
        self.b.sync()
        return m, sale["id"]

    def stale_debit(self):
        """A debit of ¥50 by A for a sale that never arrives, past debits.hold_hours (0)."""
        m = self.member("13700137102")
        line = hq.Store(self.codes["A01"])
        sale = str(uuid.uuid4())
        status, body = line.request("POST", "/members/%s/debits" % m, {"sale": sale, "stored_value": 5000, "points": 0,
                                                                      "staff": "cash"})
        self.assertEqual(status, 200, body)
        self.box.run("setting", "set", "debits.hold_hours", "0")
        return m, sale

    def backlog(self):
        """A uploads everything, then writes sales while `sync run` only polls: HQ hears the count."""
        self.a.sync()
        self.assertEqual(self.sync_row(self.browser("owner"), "A01")["events_waiting"], 0)  # told by its last batch
        run = subprocess.Popen([KIOSK_BIN, "sync", "run", "--staff", "admin", "--seconds", "60", "--interval-ms", "600000",
                                "--poll-ms", "100", "--db", self.a.db], cwd=self.a.tmp, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True, env=dict(os.environ, SALON_PIN="9999", SALON_PIN_COST="min"))
        try:
            self.assertEqual(json.loads(run.stdout.readline())["waiting"], 0)  # the first round: nothing left here
            for _ in range(3):
                self.assertEqual(self.a.pay(cash_sale())[0], 0)
            (waiting,) = self.a.sql("SELECT count(*) FROM outbox WHERE sent_at IS NULL")[0]
            owner = self.browser("owner")
            end = time.time() + 20
            while time.time() < end and self.sync_row(owner, "A01")["events_waiting"] != waiting:
                time.sleep(0.1)
        finally:
            run.terminate()
            run.communicate(timeout=20)
        return waiting

    def sync_row(self, browser, store):
        return next(r for r in browser.get("/sync?to=" + hq.local_day())["stores"] if r["store"] == store)

    def check_alerts_api(self, over, stale):
        (m, sale), (m2, sale2) = over, stale
        al = self.browser("owner").get("/alerts")
        self.assertEqual([(o["id"], o["store"], o["member_no"], o["arrears"], o["seen_by"]) for o in al["overdraws"]],
                         [("overdraw:" + sale, "B01", m, 40000, None)])
        self.assertEqual([(d["sale"], d["store"], d["member_no"], d["stored_value"]) for d in al["stale_debits"]],
                         [(sale2, "A01", m2, 5000)])
        at = datetime.datetime.strptime(al["overdraws"][0]["at"], "%Y-%m-%dT%H:%M:%SZ")
        self.assertLess(abs((datetime.datetime.utcnow() - at).total_seconds()), 600)
        self.assertTrue(al["may_mark_seen"])
        # The same as `salon-hq chain alerts`.
        cli = json.loads(self.box.run("chain", "alerts").stdout)
        self.assertEqual((cli["overdraws"], cli["stale_debits"]), (al["overdraws"], al["stale_debits"]))
        # An area manager sees only their stores' alerts and marks none.
        area1, area2 = self.browser("area1"), self.browser("area2")
        self.assertEqual(([o["id"] for o in area1.get("/alerts")["overdraws"]], len(area1.get("/alerts")["stale_debits"])), ([], 1))
        seen2 = area2.get("/alerts")
        self.assertEqual(([o["id"] for o in seen2["overdraws"]], seen2["stale_debits"], seen2["may_mark_seen"]),
                         (["overdraw:" + sale], [], False))
        status, body = area2.request("POST", "/api/dashboard/v1/alerts/seen", {"id": "overdraw:" + sale})
        self.assertEqual((status, body["error"]), (403, "not_allowed"))

    def check_marking_seen(self, stale_id):
        finance = self.browser("finance")
        self.assertEqual(finance.request("POST", "/api/dashboard/v1/alerts/seen", {"id": "overdraw:" + str(uuid.uuid4())})[0], 404)
        status, seen = finance.request("POST", "/api/dashboard/v1/alerts/seen", {"id": stale_id})
        self.assertEqual((status, seen["seen_by"], seen["store"]), (200, "finance", "A01"))
        status, again = self.browser("owner").request("POST", "/api/dashboard/v1/alerts/seen", {"id": stale_id})
        self.assertEqual((status, again["seen_by"], again["seen_at"]), (200, "finance", seen["seen_at"]))  # seen once
        shown = self.browser("owner").get("/alerts")["stale_debits"][0]
        self.assertEqual((shown["seen_by"], shown["seen_at"]), ("finance", seen["seen_at"]))
        for sql in ("UPDATE alerts_seen SET login = 'owner'", "DELETE FROM alerts_seen"):
            out = subprocess.run(["/usr/lib/postgresql/15/bin/psql", self.box.pg, "-XAtq", "-c", sql], capture_output=True, text=True)
            self.assertIn("append-only", out.stderr)
        self.assertEqual(self.box.psql("SELECT alert || ':' || login FROM alerts_seen"), stale_id + ":finance")
        with open(os.path.join(self.box.dir, "serve.log")) as log:
            self.assertEqual(log.read().count("alert %s (store A01) seen by finance" % stale_id), 1)

    def check_sync_api(self, waiting):
        owner = self.browser("owner")
        self.assertGreaterEqual(waiting, 3)  # three sales, each an outbox event at least
        a01 = self.sync_row(owner, "A01")
        self.assertEqual((a01["events_waiting"], a01["backlog_growing"], a01["contact_old"]), (waiting, False, False))
        self.assertTrue(a01["events_waiting_at"])
        # An older kiosk uploads without telling its backlog: unknown, not 0.
        old = hq.Store(self.box.code)
        good = hq.sale_event(old, "sale", hq.local_day(), 8800, [["cash", 8800]])
        bad = hq.sale_event(old, "sale", hq.local_day(), 100, [["cash", 100]])
        bad["payload"]["totals"] = {"total": "lots"}  # breaks the projection: quarantined
        status, body = old.send(old.batch([good, bad]))
        self.assertEqual((status, body["quarantined"]), (200, 1), body)
        self.assertEqual([(q["store"], q["events"]) for q in self.browser("owner").get("/alerts")["quarantined"]], [("S01", 1)])
        self.assertEqual(old.request("GET", "/waiting?events_waiting=-1")[0], 400)
        s01 = self.sync_row(owner, "S01")
        self.assertEqual((s01["events_waiting"], s01["events_waiting_at"], s01["contact_old"]), (None, "", False))
        self.assertEqual((self.sync_row(owner, "C01")["contact_old"], self.sync_row(owner, "C01")["events_waiting"]), (True, None))
        # A backlog that has not fallen for 5 minutes is marked.
        self.box.psql("UPDATE stores SET events_waiting_since = now() - interval '6 minutes' WHERE code = 'A01'")
        self.assertTrue(self.sync_row(owner, "A01")["backlog_growing"])
        self.assertEqual([r["store"] for r in self.browser("area1").get("/sync?to=" + hq.local_day())["stores"]], ["A01"])

    def test_alerts_and_backlog_through_the_api_and_the_page(self):
        over, stale = self.overdraw(), self.stale_debit()
        waiting = self.backlog()
        self.check_alerts_api(over, stale)
        self.check_sync_api(waiting)
        self.check_marking_seen("stale_debit:" + self.box.psql("SELECT id FROM member_debits WHERE sale = '%s'" % stale[1]))
        if CHROMIUM:
            Page(self, over[1], waiting).run()


class Page:
    """The dashboard in Chromium at 1366x768: the alerts panel and sync health, marking one seen."""

    def __init__(self, test, sale, waiting):
        self.t, self.sale, self.waiting = test, sale, waiting
        self.shots = os.environ.get("SALON_SCREENSHOTS") or tempfile.mkdtemp(prefix="dashboard-alerts.")
        os.makedirs(self.shots, exist_ok=True)

    def start(self):
        self.profile = tempfile.mkdtemp(prefix="chromium.")
        self.browser = subprocess.Popen(
            [CHROMIUM, "--headless=new", "--no-sandbox", "--disable-gpu", "--ignore-certificate-errors",
             "--disable-background-networking", "--disable-component-update", "--disable-sync",
             "--remote-debugging-port=0", "--user-data-dir=" + self.profile, "--window-size=1366,768",
             "--no-first-run", "--lang=zh-CN", "about:blank"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        port, end = None, time.time() + 30
        while time.time() < end and port is None:
            line = self.browser.stderr.readline()
            if "DevTools listening on ws://" in line:
                port = int(line.split("ws://")[1].split("/")[0].split(":")[1])
        assert port, "chromium did not start"
        pages = json.load(urllib.request.urlopen("http://127.0.0.1:%d/json/list" % port))
        self.page = booking.DevTools([p for p in pages if p["type"] == "page"][0]["webSocketDebuggerUrl"])
        self.page.call("Emulation.setDeviceMetricsOverride", width=1366, height=768, deviceScaleFactor=1, mobile=False)

    def run(self):
        self.start()
        try:
            self.check()
        finally:
            self.browser.terminate()
            self.browser.communicate(timeout=10)
            subprocess.run(["rm", "-rf", self.profile])
            print("screenshots in", self.shots)

    def attr(self, selector, name):
        return self.page.js("(e => e && e.getAttribute(%s))(document.querySelector(%s))" % (json.dumps(name), json.dumps(selector)))

    def text(self, selector):
        return self.page.js("(e => e && e.textContent)(document.querySelector(%s))" % json.dumps(selector))

    def shot(self, name):
        self.page.js("new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
        self.page.screenshot(os.path.join(self.shots, name))

    def check(self):
        p, t, row = self.page, self.t, "[data-alert='overdraw:%s']" % self.sale
        p.call("Page.navigate", url=t.box.hq + "/dashboard/")
        p.wait("document.getElementById('login') && !document.getElementById('login').hidden")
        p.type("#login-name", "owner")
        p.type("#login-password", data.PASSWORD)
        p.click("#login-go")
        p.wait("document.getElementById('status').dataset.loaded === 'yes'")
        t.assertEqual(self.attr("[data-alert-amount='overdraw:%s']" % self.sale, "data-fen"), "40000")
        t.assertEqual(self.text("[data-alert-amount='overdraw:%s']" % self.sale), "¥400.00")
        t.assertEqual(p.js("[...document.querySelector(%s).cells].slice(0, 2).map(c => c.textContent)" % json.dumps(row)),
                      ["透支转欠款", "B01"])
        t.assertEqual(self.attr("[data-quarantined=S01]", "data-events"), "1")
        t.assertEqual(self.attr("[data-waiting=A01]", "data-count"), str(self.waiting))
        t.assertEqual(self.attr("[data-waiting=A01]", "class"), "bad")
        t.assertEqual(self.text("[data-waiting=S01]"), "未知")
        t.assertEqual(self.attr("[data-contact-old=C01]", "class"), "bad")
        self.shot("dashboard-alerts-zh-Hans.png")
        p.click("[data-lang=zh-Hant]")
        p.wait("document.querySelector('h1').textContent === '門店經營看板'")
        t.assertEqual(p.js("document.querySelector(%s).cells[0].textContent" % json.dumps(row)), "透支轉欠款")
        t.assertEqual(self.text("#alerts h2"), "需要處理的提醒")
        p.click("[data-lang=en]")
        p.wait("document.querySelector('h1').textContent === 'Salon chain dashboard'")
        t.assertEqual(self.text("[data-waiting=S01]"), "unknown")
        t.assertEqual(p.js("document.querySelector(%s).cells[0].textContent" % json.dumps(row)), "Overdraw made arrears")
        p.js("document.querySelector('#table-sync').scrollIntoView()")
        self.shot("dashboard-alerts-en-sync.png")
        p.js("window.scrollTo(0, 0)")
        p.click("%s [data-mark-seen]" % row)
        p.wait("document.querySelector(%s).classList.contains('seen')" % json.dumps(row))
        t.assertEqual(t.box.psql("SELECT login FROM alerts_seen WHERE alert = 'overdraw:%s'" % self.sale), "owner")
        self.shot("dashboard-alerts-en-seen.png")
        p.click("[data-lang=zh-Hans]")


if __name__ == "__main__":
    unittest.main()
