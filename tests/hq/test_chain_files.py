"""Customer files across the chain (issue 18): two real kiosk databases (stores A and
B) and one sandbox HQ. A customer registered in A is found by phone in B: B knows
nothing, asks head office under a blind key, brings the sealed file in and audits the
view (purpose, source hq); head office records the look too. Head office's tables and
events hold no name or phone in plain text (a dump of the database is grepped). A
change approved in A reaches B's copy with the next sync (B does not send it back), and
one approved in B reaches A. A card printed in A is scanned in B (a forged one never
reaches HQ); a payload HQ cannot read is quarantined."""
import json
import os
import re
import sqlite3
import subprocess
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.dirname(__file__))
import hq_client as hq  # noqa: E402
from test_chain_members import KIOSK_BIN, Kiosk  # noqa: E402

PINS = {"cash": "3456", "sup": "2345", "admin": "9999", "mgr": "1234"}
NAME, PHONE = "欧阳娜娜", "13912345678"


class Store(Kiosk):
    def as_staff(self, staff, *args, stdin=None, check=True):
        env = dict(os.environ, SALON_PIN=PINS[staff], SALON_PIN_COST="min", SALON_LANG="en")
        out = subprocess.run([KIOSK_BIN, *args, "--staff", staff, "--db", self.db], cwd=self.tmp, env=env, input=stdin,
                             capture_output=True, text=True, timeout=120)
        if check and out.returncode != 0:
            raise RuntimeError(" ".join(args) + ": " + out.stdout + out.stderr)
        return out

    def verify(self):
        out = subprocess.run([KIOSK_BIN, "verify", "--db", self.db], cwd=self.tmp, capture_output=True, text=True,
                             timeout=120)
        if out.returncode != 0:
            raise AssertionError("verify: " + out.stdout + out.stderr)

    def sync(self):
        self.as_staff("admin", "sync", "now")

    def find(self, query, purpose="checkout"):
        return json.loads(self.as_staff("cash", "customers", "find", query, "--purpose", purpose, "--json").stdout)

    def sql(self, query, *args):
        with sqlite3.connect(self.db) as c:
            return c.execute(query, args).fetchall()


class ChainFiles(hq.SandboxTest):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        codes = [cls.box.run("store", "add", c, "--name", c, "--no-qr").stdout.splitlines()[0] for c in ("A01", "B01")]
        cls.a, cls.b = Store(cls.box, codes[0]), Store(cls.box, codes[1])
        secret = json.loads(cls.a.as_staff("admin", "sync", "chain-key", "--new").stdout)["key"]
        cls.b.as_staff("admin", "sync", "chain-key", "--set", stdin=secret + "\n")
        f = os.path.join(cls.a.tmp, "reg.json")
        with open(f, "w") as out:
            json.dump({"name": NAME, "phone": PHONE, "consent": True, "member": True,
                       "fields": {"allergies": "芒果", "occupation": "律师"}}, out)
        cls.reg = json.loads(cls.a.as_staff("cash", "customers", "register", "--json", f).stdout)
        cls.a.sync()

    @classmethod
    def tearDownClass(cls):
        cls.a.close()
        cls.b.close()
        super().tearDownClass()

    def bring_in(self):
        if not self.b.sql("SELECT 1 FROM customers WHERE file_no = ?", self.reg["file_no"]):
            self.b.find(PHONE)

    def test_1_found_in_another_store_through_head_office(self):
        self.assertEqual(self.b.sql("SELECT count(*) FROM customers WHERE phone = ?", PHONE), [(0,)])
        found = self.b.find(PHONE, purpose="checkout")
        self.assertEqual(found["source"], "hq", found)
        self.assertEqual([(r["file_no"], r["member_no"], r["name"]) for r in found["results"]],
                         [(self.reg["file_no"], self.reg["member_no"], NAME)])
        # the whole file came: its fields, consent and status, not only the summary
        self.assertEqual(self.b.sql("SELECT f.value FROM customer_fields f JOIN customers c ON c.id = f.customer_id"
                                    " WHERE c.file_no = ? AND f.field = 'allergies'", self.reg["file_no"]), [("芒果",)])
        keys = "SELECT name_search, pinyin, initials, hex(pinyin_sort), hex(stroke_sort) FROM customers WHERE file_no = ?"
        self.assertEqual(self.b.sql(keys, self.reg["file_no"]), self.a.sql(keys, self.reg["file_no"]))
        self.assertEqual(self.b.sql("SELECT from_store, brought_by, purpose FROM chain_files_in"),
                         [("A01", "cash", "checkout")])
        views = self.b.sql("SELECT staff, record_id, reason, sections FROM audit_log WHERE action = 'customer.view'"
                           " AND sections LIKE '%source=hq%'")
        self.assertEqual(views, [("cash", self.reg["file_no"], "checkout",
                                  "basic,consent,fields;source=hq;from=A01")])
        at_hq = self.box.psql("SELECT store || '|' || staff || '|' || purpose || '|' || array_to_string(files, ',')"
                              " FROM chain_file_views")
        self.assertEqual(at_hq, "B01|cash|checkout|" + self.reg["file_no"])
        # by member number, name and pinyin too, now found here (no second look at HQ): the name's
        # search keys came with the file
        for query in (self.reg["member_no"], NAME, "欧阳", "ouyangnana", "oynn"):
            found = self.b.find(query)
            self.assertEqual((found["source"], [r["file_no"] for r in found["results"]]), ("local", [self.reg["file_no"]]),
                             query)
        self.assertEqual(self.box.psql("SELECT count(*) FROM chain_file_views"), "1")
        self.b.verify()

    def test_2_found_by_member_number_and_unknown_phone(self):
        c = Store(self.box, self.box.run("store", "add", "C01", "--name", "C01", "--no-qr").stdout.splitlines()[0])
        try:
            # without the chain key a store cannot even ask (head office holds no readable key)
            self.assertEqual(c.find(self.reg["member_no"])["source"], "no_chain_key")
            secret = self.a.sql("SELECT secret FROM chain_file_key")[0][0]
            c.as_staff("admin", "sync", "chain-key", "--set", stdin=secret + "\n")
            found = c.find(self.reg["member_no"])
            self.assertEqual((found["source"], found["total"]), ("hq", 1))
            unknown = c.find("13900000001")
            self.assertEqual((unknown["source"], unknown["total"]), ("hq_file_unknown", 0))
            self.assertEqual(c.find("诸葛")["source"], "not_a_lookup_key")  # a name never goes to head office
        finally:
            c.close()

    def assert_no_plaintext(self, *words):
        dump = subprocess.run(["/usr/lib/postgresql/15/bin/pg_dump", self.box.pg, "--data-only"], capture_output=True,
                              text=True, timeout=120)
        self.assertEqual(dump.returncode, 0, dump.stderr)
        self.assertIn(self.reg["file_no"], dump.stdout)  # the file is there, sealed
        self.assertIn("customer.file", dump.stdout)
        for secret in words:
            self.assertNotIn(secret, dump.stdout)

    def test_3_head_office_holds_no_plaintext(self):
        self.assert_no_plaintext(NAME, PHONE, PHONE[-8:], "芒果", "律师", "ouyangnana")
        self.assertEqual(self.box.psql("SELECT count(*) FROM chain_file_keys WHERE file_no = '%s'" % self.reg["file_no"]),
                         "3")  # phone, file number, member number

    def test_4_a_change_approved_in_a_reaches_b(self):
        self.bring_in()
        self.b.sync()  # B's copy is not sent back up as a new version
        self.assertEqual(self.box.psql("SELECT store FROM chain_files WHERE file_no = '%s'" % self.reg["file_no"]), "A01")
        # nor does B claim the member's phone at HQ: the customer's own page still asks A
        self.assertEqual(self.box.psql("SELECT store FROM member_phones WHERE member_no = '%s'" % self.reg["member_no"]),
                         "A01")
        self.a.as_staff("cash", "changes", "submit", "--customer", self.reg["file_no"], "--field", "occupation",
                        "--value", "法官", "--reason", "new job")
        [[request]] = self.a.sql("SELECT id FROM change_requests WHERE new_value = '法官'")
        self.a.as_staff("sup", "changes", "approve", request)
        self.a.sync()
        self.b.sync()
        self.assertEqual(self.b.sql("SELECT f.value FROM customer_fields f JOIN customers c ON c.id = f.customer_id"
                                    " WHERE c.file_no = ? AND f.field = 'occupation'", self.reg["file_no"]), [("法官",)])
        self.assertEqual(len(self.b.sql("SELECT 1 FROM audit_log WHERE action = 'customer.chain_update' AND record_id = ?",
                                        self.reg["file_no"])), 1)
        self.b.sync()
        self.assertEqual(self.box.psql("SELECT store FROM chain_files WHERE file_no = '%s'" % self.reg["file_no"]), "A01")
        self.b.verify()
        self.assert_no_plaintext(NAME, PHONE, "法官")

    def test_4b_a_change_approved_in_b_reaches_a(self):
        self.bring_in()
        self.b.as_staff("cash", "changes", "submit", "--customer", self.reg["file_no"], "--field", "allergies",
                        "--value", "芒果, 花粉", "--reason", "told at B")
        [[request]] = self.b.sql("SELECT id FROM change_requests WHERE new_value = '芒果, 花粉'")
        self.b.as_staff("sup", "changes", "approve", request)
        self.b.sync()
        self.assertEqual(self.box.psql("SELECT store FROM chain_files WHERE file_no = '%s'" % self.reg["file_no"]), "B01")
        self.a.sync()
        self.assertEqual(self.a.sql("SELECT f.value FROM customer_fields f JOIN customers c ON c.id = f.customer_id"
                                    " WHERE c.file_no = ? AND f.field = 'allergies'", self.reg["file_no"]),
                         [("芒果, 花粉",)])
        self.assertEqual(self.a.sql("SELECT count(*) FROM change_requests WHERE new_value = '芒果, 花粉'"), [(0,)])
        self.a.verify()

    def test_5_a_card_printed_in_a_scanned_in_b(self):
        f = os.path.join(self.a.tmp, "reg2.json")
        with open(f, "w") as out:
            json.dump({"name": "司马光", "phone": "13912340002", "consent": True, "member": True}, out)
        m = json.loads(self.a.as_staff("cash", "customers", "register", "--json", f).stdout)["member_no"]
        printed = os.path.join(self.a.tmp, "card.bin")
        self.a.as_staff("cash", "print", "card", m, "--printer", "file:" + printed, "--reason", "新会员")
        with open(printed, "rb") as card:
            [payload] = re.findall(rb"SK1\.[A-Z0-9]+\.[0-9]+\.[A-Za-z0-9_-]+", card.read())
        self.a.sync()  # the file and A's card keys go up
        self.b.sync()  # A's card keys come down
        views = self.box.psql("SELECT count(*) FROM chain_file_views")
        forged = payload.decode()[:-4] + ("AAAA" if not payload.decode().endswith("AAAA") else "BBBB")
        self.assertEqual(self.b.as_staff("cash", "scan", forged, check=False).returncode, 2)  # HQ is not asked for a forgery
        scanned = json.loads(self.b.as_staff("cash", "scan", payload.decode()).stdout)
        self.assertEqual((scanned["member_no"], scanned["name"], scanned["source"]), (m, "司马光", "hq"))
        self.assertEqual(int(self.box.psql("SELECT count(*) FROM chain_file_views")), int(views) + 1)
        self.assertEqual(json.loads(self.b.as_staff("cash", "scan", payload.decode()).stdout)["source"], "local")
        self.b.verify()

    def test_6_a_payload_head_office_cannot_read_is_quarantined(self):
        s = hq.Store(self.box.run("store", "add", "Q01", "--name", "Q01", "--no-qr").stdout.splitlines()[0])
        good = {"file_no": "Q01-2026-000001", "keys": ["ab" * 32], "sealed": "c2VhbGVk"}
        events = [hq.event(s, "customer.file", "2026-12-05", dict(good, keys=["NOT HEX"])),
                  hq.event(s, "customer.file", "2026-12-05", {"file_no": "Q01-2026-000002", "keys": ["ab" * 32]}),
                  hq.event(s, "customer.file", "2026-12-05", good)]
        status, body = s.send(s.batch(events))
        self.assertEqual((status, body["new"], body["quarantined"]), (200, 3, 2), body)
        self.assertEqual(self.box.psql("SELECT string_agg(file_no, ',') FROM chain_files WHERE store = 'Q01'"),
                         "Q01-2026-000001")
        status, body = s.request("GET", "/files?key=%s&staff=cash&purpose=checkout" % ("ab" * 32))
        self.assertEqual((status, [f["file_no"] for f in body["files"]]), (200, ["Q01-2026-000001"]))
        self.assertEqual(s.request("GET", "/files?key=nothex&staff=cash&purpose=checkout")[0], 400)
        self.assertEqual(s.request("GET", "/files?key=%s&staff=cash&purpose=checkout" % ("cd" * 32))[0], 404)


if __name__ == "__main__":
    unittest.main(verbosity=2)
