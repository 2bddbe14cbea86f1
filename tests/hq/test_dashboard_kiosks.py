"""The owner's dashboard (issue 18) against real kiosks: two salon-kiosk databases
enrolled at a sandbox HQ sell (a member's top-up, a cut paid from stored value,
walk-ins), sync, and the dashboard's API must show each store's own Z report total
and sale count for the day, and the stored-value liability the store's own
`report liabilities` shows for the same day."""
import json
import os
import sys
import unittest

sys.path.insert(0, os.path.dirname(__file__))
import dashboard_data as data  # noqa: E402
import hq_client as hq  # noqa: E402
import test_chain_members as chain  # noqa: E402  (its Kiosk driver; not its test case)
from test_dashboard_api import Browser  # noqa: E402

KIOSK_BIN = chain.KIOSK_BIN
CUT = [{"item": "S-CUT", "qty": 1, "staff": ["beau"]}]


@unittest.skipUnless(KIOSK_BIN and os.path.exists(KIOSK_BIN), "SALON_KIOSK_BIN not built")
class DashboardAgainstKiosks(unittest.TestCase):
    def test_dashboard_equals_the_kiosks_z_reports_and_liabilities(self):
        with hq.Sandbox() as box:
            kiosks = {}
            try:
                for code in ("K01", "K02"):
                    enrolment = box.run("store", "add", code, "--name", code, "--no-qr").stdout.splitlines()[0]
                    kiosks[code] = chain.Kiosk(box, enrolment)
                k1, k2 = kiosks["K01"], kiosks["K02"]
                member = k1.register("13800138201")["member_no"]
                days = {}
                for code, k in kiosks.items():
                    days[code] = json.loads(k.run("day", "open", "--staff", "cash", "--float", "0").stdout)["date"]
                k1.sale(member, [{"item": "V-1000", "qty": 1}], [{"type": "cash", "amount": 100000, "handed": 100000}])
                k1.sale(member, CUT, [{"type": "stored_value", "amount": 8360}])
                k1.sale(None, CUT, [{"type": "wechat", "amount": 8800, "ref": "WX42"}])
                k2.sale(None, CUT, [{"type": "cash", "amount": 8800, "handed": 8800}])
                k2.sale(None, CUT + [{"item": "P-MASK", "qty": 1}], [{"type": "card", "amount": 8800 + 12800, "ref": "C-7"}])
                for k in kiosks.values():
                    k.run("sync", "now", "--staff", "admin", pin="9999")
                data.add_user(box, "owner", "owner")
                b = Browser(box.hq)
                self.assertEqual(b.sign_in("owner")[0], 200)
                for code, k in kiosks.items():
                    day = days[code]
                    z = json.loads(k.run("report", "z", "--staff", "mgr", "--date", day, pin="1234").stdout)
                    shown = [r for r in b.get("/sales?from=%s&to=%s" % (day, day))["by_store_day"] if r["store"] == code]
                    self.assertEqual([(r["gross"], r["sales"]) for r in shown], [(z["total"], z["sales"])], code)
                    self.assertGreater(z["total"], 0)
                day = days["K01"]
                own = json.loads(k1.run("report", "liabilities", "--staff", "mgr", "--as-of", day, "--json", pin="1234").stdout)
                shown = {r["store"]: r for r in b.get("/liabilities?from=%s&to=%s" % (day, day))["stores"]}
                self.assertEqual(set(shown), {"K01"})
                self.assertEqual((shown["K01"]["principal"], shown["K01"]["bonus"]),
                                 (own["stored_value"]["principal"], own["stored_value"]["bonus"]))
                self.assertEqual(shown["K01"]["package_sessions"], own["packages"]["sessions"])
                self.assertEqual(own["stored_value"]["principal"] + own["stored_value"]["bonus"], 120000 - 8360)
            finally:
                for k in kiosks.values():
                    k.close()


if __name__ == "__main__":
    unittest.main()
