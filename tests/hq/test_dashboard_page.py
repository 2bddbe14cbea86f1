"""The owner's dashboard (issue 18) in Debian's headless Chromium at 1280×800: sign
in, every chart draws (a canvas with pixels, the right number of series, read from
echarts.getInstanceByDom(..).getOption()), the figures on the page equal the stores'
Z reports (`salon-hq report stores`) and the liabilities HQ holds for the same days,
English, the owner signs the month from the page, an area manager sees one store.
Screenshots go to $SALON_SCREENSHOTS (default: a temp folder, named on stdout)."""
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import unittest
import urllib.request

sys.path.insert(0, os.path.dirname(__file__))
import dashboard_data as data  # noqa: E402
import hq_client as hq  # noqa: E402
import test_booking_page as booking  # noqa: E402  (its DevTools client; not its test case)

CHROMIUM = booking.CHROMIUM
# chart id → series it must draw with this data
SERIES = {"chart-sales-day": 2, "chart-service": 1, "chart-staff": 1, "chart-liability": 2, "chart-customers": 2,
          "chart-settlement": 1, "chart-compliance": 1}
PAINTED = ("(id => { const c = document.querySelector('#' + id + ' canvas'); if (!c || !c.width || !c.height) return 0;"
           " const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data; let n = 0;"
           " for (let i = 3; i < d.length; i += 4) if (d[i]) n++; return n; })(%s)")
OPTION = "(id => echarts.getInstanceByDom(document.getElementById(id)).getOption())(%s)"


@unittest.skipUnless(CHROMIUM, "Debian's chromium is not installed (packaging/install-deps.sh)")
class DashboardPage(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.box = hq.Sandbox().__enter__()
        cls.expected = data.load(cls.box)
        cls.shots = os.environ.get("SALON_SCREENSHOTS") or tempfile.mkdtemp(prefix="dashboard-page.")
        os.makedirs(cls.shots, exist_ok=True)
        cls.profile = tempfile.mkdtemp(prefix="chromium.")
        cls.browser = subprocess.Popen(
            [CHROMIUM, "--headless=new", "--no-sandbox", "--disable-gpu", "--ignore-certificate-errors",
             "--disable-background-networking", "--disable-component-update", "--disable-sync",
             "--remote-debugging-port=0", "--user-data-dir=" + cls.profile, "--window-size=1280,800",
             "--no-first-run", "--lang=zh-CN", "about:blank"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        port = None
        end = time.time() + 30
        while time.time() < end and port is None:
            line = cls.browser.stderr.readline()
            if "DevTools listening on ws://" in line:
                port = int(line.split("ws://")[1].split("/")[0].split(":")[1])
        assert port, "chromium did not start"
        pages = json.load(urllib.request.urlopen("http://127.0.0.1:%d/json/list" % port))
        cls.page = booking.DevTools([p for p in pages if p["type"] == "page"][0]["webSocketDebuggerUrl"])
        cls.page.call("Emulation.setDeviceMetricsOverride", width=1280, height=800, deviceScaleFactor=1, mobile=False)

    @classmethod
    def tearDownClass(cls):
        cls.browser.terminate()
        cls.browser.wait(timeout=10)
        shutil.rmtree(cls.profile, ignore_errors=True)
        cls.box.__exit__(None, None, None)
        print("screenshots in", cls.shots)

    def sign_in(self, login):
        p = self.page
        p.call("Page.navigate", url=self.box.hq + "/dashboard/")
        p.wait("document.getElementById('login') && !document.getElementById('login').hidden")
        p.type("#login-name", login)
        p.type("#login-password", data.PASSWORD)
        p.click("#login-go")
        p.wait("document.getElementById('status').dataset.loaded === 'yes'")
        self.assertEqual(p.js("getComputedStyle(document.getElementById('login')).display"), "none")

    def check_charts(self, series=SERIES):
        for chart, count in series.items():
            self.page.wait(PAINTED % json.dumps(chart) + " > 100", 10)
            self.assertEqual(len(self.page.js(OPTION % json.dumps(chart))["series"]), count, chart)

    def fen(self, selector):
        return int(self.page.js("document.querySelector(%s).dataset.fen" % json.dumps(selector)))

    def shot(self, name):
        self.page.js("new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
        self.page.screenshot(os.path.join(self.shots, name))

    def test_owner_sees_the_stores_figures_in_two_languages_and_signs(self):
        p = self.page
        self.sign_in("owner")
        self.assertEqual(p.js("document.documentElement.lang"), "zh-Hans")
        self.assertEqual(p.js("document.querySelector('h1').textContent"), "门店经营看板")
        self.assertEqual(p.js("document.getElementById('to').value"), data.TO)
        self.check_charts()
        # The chart's points are the stores' Z reports, day by day.
        z = json.loads(self.box.run("report", "stores", "--json").stdout)
        option = p.js(OPTION % json.dumps("chart-sales-day"))
        days = p.js("(() => { const o = []; for (let d = new Date('%sT00:00:00Z'); d <= new Date('%sT00:00:00Z');"
                    " d.setUTCDate(d.getUTCDate() + 1)) o.push(d.toISOString().slice(0, 10)); return o; })()" % (data.FROM, data.TO))
        for s in option["series"]:
            want = [next((r["gross"] for r in z if r["store"] == s["name"] and r["business_day"] == d), 0) for d in days]
            self.assertEqual([round(v * 100) for v in s["data"]], want, s["name"])
            self.assertTrue(any(want))
        # Liabilities as HQ holds them (member_value: the stores' balances) and as computed by hand.
        principal, bonus = self.expected["liability"]["S01"]
        self.assertEqual((self.fen("[data-principal=S01]"), self.fen("[data-bonus=S01]")), (principal, bonus))
        self.assertEqual("%d|%d" % (principal, bonus), self.box.psql("SELECT sum(principal) || '|' || sum(bonus) FROM member_value"))
        # The settlement matrix: S01 sold the value used in S02.
        self.assertEqual(self.fen("[data-payer=S01][data-payee=S02]"), self.expected["settlement"][("S01", "S02")])
        self.assertEqual(self.fen("[data-net=S02]"), self.expected["settlement"][("S01", "S02")])
        self.assertIn("71.42 %", p.js("document.getElementById('table-compliance').innerText"))
        csv = p.js("fetch(document.getElementById('csv').href).then(r => r.text())")
        self.assertEqual(csv, self.box.run("settlement", "show", "--month", data.MONTH, "--csv").stdout)
        self.shot("dashboard-zh-Hans.png")
        p.js("document.querySelector('#table-settlement').scrollIntoView()")
        self.shot("dashboard-zh-Hans-settlement.png")
        p.js("window.scrollTo(0, 0)")

        p.click("[data-lang=en]")
        p.wait("document.querySelector('h1').textContent === 'Salon chain dashboard'")
        self.check_charts()
        self.assertEqual(p.js(OPTION % json.dumps("chart-liability"))["series"][0]["name"], "Principal")
        self.shot("dashboard-en.png")
        p.click("[data-lang=zh-Hant]")
        p.wait("document.querySelector('h1').textContent === '門店經營看板'")
        self.check_charts()
        self.assertEqual(p.js(OPTION % json.dumps("chart-customers"))["series"][1]["name"], "回頭客")
        p.click("[data-lang=en]")
        p.wait("document.querySelector('h1').textContent === 'Salon chain dashboard'")

        # The owner signs the month from the page (two presses); it is kept as signed.
        p.js("document.querySelector('#table-settlement').scrollIntoView()")
        p.click("#sign")
        p.wait("document.getElementById('sign').textContent.startsWith('Press again')")
        p.click("#sign")
        p.wait("document.getElementById('settlement-state').dataset.status === 'signed'")
        self.assertTrue(p.js("document.getElementById('sign').hidden"))
        self.assertEqual(self.box.psql("SELECT signed_by FROM settlement_months WHERE month = '%s'" % data.MONTH), "owner")
        self.shot("dashboard-en-signed.png")
        p.click("#sign-out")
        p.wait("document.getElementById('login') && !document.getElementById('login').hidden")

        # An area manager: one store, no signing.
        self.sign_in("area2")
        self.check_charts(dict(SERIES, **{"chart-sales-day": 1}))
        self.assertEqual([s["name"] for s in p.js(OPTION % json.dumps("chart-sales-day"))["series"]], ["S02"])
        self.assertTrue(p.js("document.getElementById('sign').hidden"))
        self.assertEqual(self.fen("[data-payer=S01][data-payee=S02]"), self.expected["settlement"][("S01", "S02")])
        self.assertEqual(p.js("document.querySelectorAll('[data-net]').length"), 1)


if __name__ == "__main__":
    unittest.main()
