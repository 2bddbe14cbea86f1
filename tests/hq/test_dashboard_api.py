"""The owner's dashboard's API (issue 18) over HTTPS: logins and roles (an area
manager sees only their stores; only finance or the owner signs), the session
cookie, wrong passwords locking a login, and every figure against hand-computed
ones and against `salon-hq report stores` (the stores' Z reports)."""
import http.client
import json
import os
import ssl
import sys
import unittest

sys.path.insert(0, os.path.dirname(__file__))
import dashboard_data as data  # noqa: E402
import hq_client as hq  # noqa: E402

Q = "?from=%s&to=%s" % (data.FROM, data.TO)


class Browser(hq.Customer):
    def sign_in(self, login, password=data.PASSWORD):
        return self.request("POST", "/api/dashboard/v1/sessions", {"login": login, "password": password})

    def get(self, path):
        status, body = self.request("GET", "/api/dashboard/v1" + path)
        assert status == 200, (path, status, body)
        return body


class DashboardApi(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.box = hq.Sandbox().__enter__()
        cls.expected = data.load(cls.box)

    @classmethod
    def tearDownClass(cls):
        cls.box.__exit__(None, None, None)

    def owner(self):
        b = Browser(self.box.hq)
        status, me = b.sign_in("owner")
        self.assertEqual((status, me["role"], me["may_sign"]), (200, "owner", True))
        return b

    def test_sign_in_cookie_and_lockout(self):
        b = Browser(self.box.hq)
        self.assertEqual(b.request("GET", "/api/dashboard/v1/me")[0], 401)
        self.assertEqual(b.sign_in("owner", "wrong-password")[1]["error"], "login_failed")
        self.assertEqual(b.sign_in("nobody")[1]["error"], "login_failed")
        # the cookie: HttpOnly, Secure, SameSite=Strict; HQ keeps its sha256 only
        conn = http.client.HTTPSConnection(b.host, b.port, context=ssl._create_unverified_context(), timeout=30)
        conn.request("POST", "/api/dashboard/v1/sessions", body=json.dumps({"login": "owner", "password": data.PASSWORD}),
                     headers={"Content-Type": "application/json"})
        r = conn.getresponse()
        r.read()
        cookie = r.getheader("Set-Cookie")
        for part in ("salon_dash=", "HttpOnly", "Secure", "SameSite=Strict"):
            self.assertIn(part, cookie)
        token = cookie.split(";")[0].split("=", 1)[1]
        self.assertEqual(self.box.psql("SELECT count(*) FROM dashboard_sessions WHERE token_hash = encode(sha256('%s'::bytea), 'hex')" % token), "1")
        stored = self.box.psql("SELECT password_hash FROM dashboard_users WHERE login = 'owner'")
        self.assertTrue(stored.startswith("pbkdf2-sha256$100000$"))
        self.assertNotIn(data.PASSWORD, stored)
        # not JSON: refused (with SameSite=Strict, no other site can post JSON here)
        conn.request("POST", "/api/dashboard/v1/sessions", body="login=owner", headers={"Content-Type": "application/x-www-form-urlencoded"})
        r = conn.getresponse()
        self.assertEqual((r.status, json.loads(r.read())["error"]), (415, "json_only"))
        conn.close()
        # five wrong passwords lock the login, even for the right one
        data.add_user(self.box, "locky", "finance")
        for _ in range(5):
            self.assertEqual(b.sign_in("locky", "not-the-password")[0], 401)
        self.assertEqual(b.sign_in("locky")[1]["error"], "login_locked")
        o = self.owner()
        self.assertEqual(o.request("POST", "/api/dashboard/v1/sessions/end", {})[0], 200)
        self.assertEqual(o.request("GET", "/api/dashboard/v1/me")[0], 401)

    def test_figures_equal_the_hand_computed_and_the_z_reports(self):
        o = self.owner()
        self.assertEqual(o.get("/me")["latest_day"], data.TO)
        sales = o.get("/sales" + Q)
        got = {(r["store"], r["day"]): r["gross"] for r in sales["by_store_day"]}
        self.assertEqual(got, self.expected["gross"])
        z = json.loads(self.box.run("report", "stores", "--json").stdout)
        self.assertEqual(got, {(r["store"], r["business_day"]): r["gross"] for r in z if data.FROM <= r["business_day"] <= data.TO})
        self.assertEqual({r["item"]: r["net"] for r in sales["by_service"]}, self.expected["by_service"])
        self.assertEqual({r["staff"]: r["net"] for r in sales["by_staff"]}, self.expected["by_staff"])
        self.assertEqual({r["staff"]: r["name"] for r in sales["by_staff"]}, {"T01": "王师傅", "T02": "李师傅"})
        liab = o.get("/liabilities" + Q)
        self.assertEqual({r["store"]: (r["principal"], r["bonus"]) for r in liab["stores"]}, self.expected["liability"])
        self.assertEqual({r["store"]: r["package_sessions"] for r in liab["stores"]}, self.expected["package_sessions"])
        self.assertEqual(self.box.psql("SELECT sum(sessions_left) FROM member_packages"), "9")
        self.assertEqual(self.box.psql("SELECT sum(principal) || '|' || sum(bonus) FROM member_value"), "%d|%d" % self.expected["liability"]["S01"])
        before = o.get("/liabilities?from=2026-11-01&to=2026-11-17")
        self.assertEqual([(r["principal"], r["bonus"]) for r in before["stores"]], [(150000, 25000)])
        cust = {r["store"]: {k: r[k] for k in ("customers", "new", "returning", "previous", "retained", "retention_bp")}
                for r in o.get("/customers" + Q)["stores"]}
        self.assertEqual(cust, self.expected["customers"])
        comp = o.get("/compliance" + Q)
        self.assertEqual((comp["target_on_time_bp"], comp["target_error_bp"]), (9800, 100))
        self.assertEqual({r["store"]: r["on_time_bp"] for r in comp["stores"] if r["store"] in ("S01", "S02")},
                         self.expected["on_time_bp"])
        sync = {r["store"]: r for r in o.get("/sync" + Q)["stores"]}
        self.assertEqual((sync["S01"]["audit_head"], sync["S02"]["audit_head"]), (40, 12))
        self.assertEqual((sync["S01"]["stored_through"], sync["S02"]["quarantined"]), (13, 0))
        self.assertNotEqual(sync["S01"]["last_contact"], "")
        st = o.get("/settlement?month=" + data.MONTH)
        self.assertEqual({(c["payer"], c["payee"]): c["amount"] for c in st["cells"]}, self.expected["settlement"])
        status, csv = o.request("GET", "/api/dashboard/v1/settlement.csv?month=" + data.MONTH)
        self.assertEqual((status, csv.decode()), (200, self.box.run("settlement", "show", "--month", data.MONTH, "--csv").stdout))
        self.assertIn("S01,0.00,142.00,142.00", csv.decode())
        self.assertEqual(o.request("GET", "/api/dashboard/v1/settlement?month=2026-13")[1]["error"], "bad_month")
        self.assertEqual(o.request("GET", "/api/dashboard/v1/sales?from=2026-11-30&to=2026-11-01")[0], 400)

    def test_area_manager_sees_only_their_stores_and_cannot_sign(self):
        a = Browser(self.box.hq)
        status, me = a.sign_in("area2")
        self.assertEqual((status, me["role"], me["stores"], me["may_sign"]), (200, "area_manager", ["S02"], False))
        self.assertEqual({r["store"] for r in a.get("/sales" + Q)["by_store_day"]}, {"S02"})
        self.assertEqual({r["staff"]: r["net"] for r in a.get("/sales" + Q)["by_staff"]}, {"T01": 3800, "T02": 12800})
        self.assertEqual(a.get("/liabilities" + Q)["stores"], [])  # S02 sold no stored value
        self.assertEqual([r["store"] for r in a.get("/sync" + Q)["stores"]], ["S02"])
        st = a.get("/settlement?month=" + data.MONTH)
        self.assertEqual((st["stores"], [(c["payer"], c["payee"]) for c in st["cells"]]), (["S01", "S02"], [("S01", "S02")]))
        self.assertEqual(st["net"], {"S02": 14200})  # S01's would be partial
        status, csv = a.request("GET", "/api/dashboard/v1/settlement.csv?month=" + data.MONTH)
        self.assertEqual(csv.decode().splitlines()[:2], ["payer\\payee,S01,S02,owes", "S01,0.00,142.00,142.00"])
        status, body = a.request("POST", "/api/dashboard/v1/settlement/sign", {"month": data.MONTH})
        self.assertEqual((status, body["error"]), (403, "not_allowed"))

    def test_finance_signs_once(self):
        f = Browser(self.box.hq)
        self.assertEqual(f.sign_in("finance")[1]["may_sign"], True)
        status, body = f.request("POST", "/api/dashboard/v1/settlement/sign", {"month": "2026-10"})
        self.assertEqual((status, body["status"], body["signed_by"]), (200, "signed", "finance"))
        status, body = f.request("POST", "/api/dashboard/v1/settlement/sign", {"month": "2026-10"})
        self.assertEqual((status, body["error"]), (409, "already_signed"))
        self.assertEqual(f.request("POST", "/api/dashboard/v1/settlement/sign", {"month": "2027-01"})[1]["error"], "out_of_order")


if __name__ == "__main__":
    unittest.main()
