"""salon-hq's sync endpoints against PROTOCOL.md: pinning, dedup, gaps, refusals,
quarantine, clock skew, heads, backups, /changes paging."""
import json
import os
import sys
import time
import unittest
import uuid

sys.path.insert(0, os.path.dirname(__file__))
import hq_client as hq  # noqa: E402

DAY = "2026-12-04"


def all_changes(store, after=""):
    """Every change after the cursor, paging until "more" is false: (changes, cursor)."""
    changes = []
    while True:
        page = store.request("GET", "/changes" + ("?after=" + after if after else ""))[1]
        changes += page["changes"]
        after = page["cursor"]
        if not page["more"]:
            return changes, after


class SyncApi(hq.SandboxTest):
    def enrol(self, code):
        out = self.box.run("store", "add", code, "--name", "店" + code, "--no-qr")
        return hq.Store(out.stdout.strip().splitlines()[0])

    def test_hello_pins_the_certificate(self):
        s = hq.Store(self.box.code)
        self.assertEqual(s.url, self.box.hq)
        status, body = s.hello()
        self.assertEqual(status, 200)
        self.assertEqual(body["store"], "S01")
        self.assertEqual(body["stored_through"], 0)
        self.assertIsNone(body["head"])
        self.assertLess(abs(body["server_time"] - time.time() * 1000), 60000)
        with self.assertRaises(hq.Refused):
            hq.Store(self.box.code, fp="0" * 64).hello()

    def test_enrolment_code_is_as_the_protocol_says(self):
        info = hq.decode_code(self.box.code)
        self.assertEqual(list(info.keys()), ["v", "url", "store", "token", "fp"])
        self.assertEqual(info["v"], 1)
        self.assertEqual(len(info["token"]), 43)
        self.assertEqual(len(info["fp"]), 64)
        self.assertNotIn("=", self.box.code)

    def test_batch_sent_twice_is_stored_once(self):
        s = self.enrol("D01")
        events = [hq.sale_event(s, "sale", DAY, 3800, [("cash", 3800)]) for _ in range(3)]
        batch = s.batch(events, head={"seq": 7, "hash": "h7"})
        self.assertEqual(s.send(batch), (200, {"stored_through": 3, "new": 3, "duplicates": 0, "quarantined": 0}))
        status, body = s.send(batch)  # the very same batch id: a replay
        self.assertEqual((status, body["error"], body["stored_through"]), (409, "replayed", 3))
        again = s.batch(events)  # a retry under a new batch id: all duplicates
        self.assertEqual(s.send(again), (200, {"stored_through": 3, "new": 0, "duplicates": 3, "quarantined": 0}))
        self.assertEqual(self.box.psql("SELECT count(*) FROM events WHERE store = 'D01'"), "3")
        self.assertEqual(self.box.psql("SELECT sales, total FROM store_days WHERE store = 'D01'"), "3|11400")
        refusal = self.box.psql("SELECT code FROM refusals WHERE store = 'D01'")
        self.assertEqual(refusal, "replayed")

    def test_gap_is_refused_and_nothing_written(self):
        s = self.enrol("D02")
        s.send(s.batch([hq.sale_event(s, "sale", DAY, 100, [("cash", 100)])]))
        s.seq = 5
        status, body = s.send(s.batch([hq.sale_event(s, "sale", DAY, 100, [("cash", 100)])]))
        self.assertEqual((status, body["error"], body["stored_through"]), (409, "sequence_gap", 1))
        self.assertEqual(self.box.psql("SELECT count(*) FROM events WHERE store = 'D02'"), "1")
        # The kiosk resends from stored_through + 1 and the overlap is fine.
        s.seq = 0
        events = [hq.sale_event(s, "sale", DAY, 100, [("cash", 100)]) for _ in range(3)]
        events[0]["id"] = self.box.psql("SELECT id FROM events WHERE store = 'D02' AND seq = 1")
        status, body = s.send(s.batch(events))
        self.assertEqual((status, body["new"], body["duplicates"], body["stored_through"]), (200, 2, 1, 3))

    def test_revoked_and_wrong_tokens_get_401(self):
        s = self.enrol("D03")
        status, body = s.hello(token="not-a-token")
        self.assertEqual((status, body["error"]), (401, "unknown_token"))
        self.assertEqual(s.request("GET", "/hello", token="")[0], 401)
        self.box.run("store", "revoke", "D03")
        status, body = s.hello()
        self.assertEqual((status, body["error"]), (401, "revoked"))
        status, body = s.send(s.batch([hq.sale_event(s, "sale", DAY, 100, [("cash", 100)])]))
        self.assertEqual((status, body["error"]), (401, "revoked"))
        self.assertIn("revoked", self.box.psql("SELECT string_agg(code, ',') FROM refusals WHERE store = 'D03'"))

    def test_tampered_body_is_refused(self):
        s = self.enrol("D04")
        raw = json.dumps(s.batch([hq.sale_event(s, "sale", DAY, 100, [("cash", 100)])])).encode()
        key = __import__("hashlib").sha256(s.token.encode()).digest()
        sig = __import__("hmac").new(key, raw, "sha256").hexdigest()
        tampered = raw.replace(b'"amount": 100', b'"amount": 900')
        status, body = s.request("POST", "/events", body=tampered, sign=False, headers={"X-Salon-Signature": sig})
        self.assertEqual((status, body["error"]), (400, "bad_signature"))
        status, body = s.request("POST", "/events", body=raw, sign=False)
        self.assertEqual((status, body["error"]), (400, "bad_signature"))
        self.assertEqual(self.box.psql("SELECT count(*) FROM events WHERE store = 'D04'"), "0")
        self.assertEqual(self.box.psql("SELECT count(*) FROM refusals WHERE store = 'D04' AND code = 'bad_signature'"), "2")

    def test_bad_input_gets_stable_codes(self):
        s = self.enrol("D05")
        self.assertEqual(s.send(b"{not json")[1]["error"], "bad_batch")
        self.assertEqual(s.send({"store": "D05"})[1]["error"], "bad_batch")
        b = s.batch([hq.sale_event(s, "sale", DAY, 100, [("cash", 100)])])
        b["events"][0]["day"] = "2026-02-30"
        self.assertEqual(s.send(b)[1]["error"], "bad_batch")
        b = s.batch([hq.sale_event(s, "sale", DAY, 100, [("cash", 100)]) for _ in range(2)])
        b["events"][1]["seq"] += 1  # a gap inside the batch
        self.assertEqual(s.send(b)[1]["error"], "bad_batch")
        other = s.batch([])
        other["store"] = "S01"
        self.assertEqual(s.send(other)[:1] + (s.send(other)[1]["error"],), (403, "wrong_store"))
        s.seq = 0  # nothing stored yet
        nul = s.batch([hq.event(s, "note.added", DAY, {"text": "a\u0000b"})])
        self.assertEqual(s.send(nul)[:1] + (s.send(nul)[1]["error"],), (400, "bad_batch"))  # jsonb has no NUL
        status, body = s.send(b"x" * (4 * 1024 * 1024 + 1))
        self.assertEqual((status, body["error"]), (413, "too_large"))
        self.assertEqual(s.hello()[0], 200)  # the server is fine afterwards

    def test_the_kiosk_tells_its_backlog_with_batches_and_polls_and_an_older_kiosk_does_not(self):
        s = self.enrol("D20")
        backlog = "SELECT COALESCE(events_waiting::text, 'unknown') || ':' || (events_waiting_at IS NOT NULL)" \
                  " || ':' || (events_waiting_since IS NOT NULL) FROM stores WHERE code = 'D20'"
        self.assertEqual(s.send(s.batch([hq.sale_event(s, "sale", DAY, 100, [("cash", 100)])]))[0], 200)
        self.assertEqual(self.box.psql(backlog), "unknown:false:false")  # an older kiosk: never 0
        told = s.batch([hq.sale_event(s, "sale", DAY, 100, [("cash", 100)])])
        told["events_waiting"] = 7
        self.assertEqual(s.send(told)[0], 200)
        self.assertEqual(self.box.psql(backlog), "7:true:true")
        self.assertEqual(s.request("GET", "/waiting?events_waiting=9"), (200, {"changes": True}))
        self.assertEqual(self.box.psql(backlog), "9:true:true")  # rising: still since the 7
        self.assertEqual(s.request("GET", "/waiting?events_waiting=4")[0], 200)
        self.assertEqual(self.box.psql(backlog), "4:true:false")  # falling
        status, body = s.request("GET", "/waiting?events_waiting=lots")
        self.assertEqual((status, body["error"]), (400, "bad_request"))
        bad = s.batch([])
        bad["events_waiting"] = -1
        status, body = s.send(bad)
        self.assertEqual((status, body["error"]), (400, "bad_batch"))
        self.assertEqual(self.box.psql(backlog), "4:true:false")

    def test_unprojectable_event_is_quarantined_and_the_queue_moves_on(self):
        s = self.enrol("D06")
        bad = hq.sale_event(s, "sale", DAY, 100, [("cash", 100)])
        bad["payload"]["totals"] = {"total": "lots"}
        unknown = hq.event(s, "spa.new_kind_of_event", DAY, {"anything": 1})
        good = hq.sale_event(s, "sale", DAY, 200, [("card", 200)])
        status, body = s.send(s.batch([bad, unknown, good]))
        self.assertEqual((status, body["new"], body["quarantined"], body["stored_through"]), (200, 3, 1, 3))
        self.assertEqual(self.box.psql("SELECT seq FROM quarantine WHERE store = 'D06'"), "1")
        self.assertEqual(self.box.psql("SELECT count(*) FROM events WHERE store = 'D06'"), "3")
        self.assertEqual(self.box.psql("SELECT sales, total FROM store_days WHERE store = 'D06'"), "1|200")

    def test_clock_skew_is_flagged_and_days_come_from_the_store(self):
        s = self.enrol("D07")
        two_days = 2 * 24 * 3600 * 1000
        e = hq.sale_event(s, "sale", "2026-12-06", 500, [("cash", 500)])
        e["at"] = int(time.time() * 1000) + two_days
        s.send(s.batch([e], sent_at=int(time.time() * 1000) + two_days))
        skew = int(self.box.psql("SELECT clock_skew_ms FROM stores WHERE code = 'D07'"))
        self.assertLess(abs(skew - two_days), 120000)
        self.assertEqual(self.box.psql("SELECT business_day FROM store_days WHERE store = 'D07'"), "2026-12-06")
        e = hq.sale_event(s, "sale", "2026-12-02", 300, [("cash", 300)])
        s.send(s.batch([e], sent_at=int(time.time() * 1000) - two_days))
        skew = int(self.box.psql("SELECT clock_skew_ms FROM stores WHERE code = 'D07'"))
        self.assertLess(abs(skew + two_days), 120000)
        self.assertEqual(self.box.psql("SELECT string_agg(seq::text, ',' ORDER BY seq) FROM events WHERE store = 'D07'"), "1,2")
        s.send(s.batch([hq.sale_event(s, "sale", "2026-12-02", 1, [("cash", 1)])]))
        self.assertEqual(self.box.psql("SELECT clock_skew_ms FROM stores WHERE code = 'D07'"), "0")

    def test_heads_are_kept_and_listed(self):
        s = self.enrol("D08")
        s.send(s.batch([hq.sale_event(s, "sale", DAY, 1, [("cash", 1)])], head={"seq": 10, "hash": "a"}))
        s.send(s.batch([hq.sale_event(s, "sale", DAY, 1, [("cash", 1)])], head={"seq": 12, "hash": "b"}))
        status, heads = s.request("GET", "/heads")
        self.assertEqual([(h["seq"], h["hash"]) for h in heads], [(10, "a"), (12, "b")])
        self.assertEqual(s.hello()[1]["head"], {"seq": 12, "hash": "b"})

    def test_backups_round_trip_per_store(self):
        s = self.enrol("D09")
        blob = os.urandom(200000)
        status, body = s.request("POST", "/backups", body=blob, headers={"X-Backup-Name": "kiosk-2026-12-04.enc"})
        self.assertEqual((status, body["bytes"]), (200, len(blob)))
        status, listing = s.request("GET", "/backups")
        self.assertEqual([(b["id"], b["name"], b["bytes"]) for b in listing], [(body["id"], "kiosk-2026-12-04.enc", len(blob))])
        status, data = s.request("GET", "/backups/" + body["id"])
        self.assertEqual((status, data), (200, blob))
        other = hq.Store(self.box.code)
        self.assertEqual(other.request("GET", "/backups/" + body["id"])[0], 404)
        self.assertEqual(s.request("POST", "/backups", body=blob)[1]["error"], "bad_backup")

    def test_changes_page_in_commit_order(self):
        s = self.enrol("D10")
        self.box.run("catalog", "set", "SVC-01", "--name", "洗剪吹", "--price", "38.00", "--category", "hair")
        self.box.run("price", "override", "D10", "SVC-01", "--price", "35.50")
        self.box.run("staff", "add", "T01", "--name", "小王", "--role", "beautician", "--stores", "D10,S01")
        self.box.run("setting", "set", "receipt.footer", "谢谢光临")
        # What a kiosk could not apply is refused here: a role no store has, a store's own setting.
        self.assertNotEqual(self.box.run("staff", "add", "T02", "--name", "小李", "--role", "stylist",
                                         "--stores", "D10", check=False).returncode, 0)
        self.assertNotEqual(self.box.run("setting", "set", "printer.target", "tcp://x", check=False).returncode, 0)
        changes, cursor = all_changes(s)
        mine = {(c["kind"], c["key"]) for c in changes}
        self.assertIn(("catalog.item", "SVC-01"), mine)
        self.assertIn(("price.override", "SVC-01"), mine)
        item = next(c["body"] for c in changes if c["kind"] == "catalog.item" and c["key"] == "SVC-01")
        self.assertEqual((item["price_fen"], item["name"], item["active"]), (3800, "洗剪吹", True))
        self.assertEqual(next(c["body"] for c in changes if c["kind"] == "price.override")["price_fen"], 3550)
        staff = next(c["body"] for c in changes if c["kind"] == "staff" and c["key"] == "T01")
        self.assertEqual(staff["stores"], ["D10", "S01"])
        self.assertNotIn("pin", json.dumps(staff).lower())
        # Another store sees the catalog but not D10's override.
        other = hq.Store(self.box.code)
        others = {(c["kind"], c["key"]) for c in all_changes(other)[0]}
        self.assertIn(("catalog.item", "SVC-01"), others)
        self.assertNotIn(("price.override", "SVC-01"), others)
        status, nothing = s.request("GET", "/changes?after=" + cursor)
        self.assertEqual((nothing["changes"], nothing["cursor"], nothing["more"]), ([], cursor, False))
        self.box.run("catalog", "retire", "SVC-01")
        status, later = s.request("GET", "/changes?after=" + cursor)
        self.assertEqual([(c["key"], c["body"]["active"]) for c in later["changes"]], [("SVC-01", False)])
        self.assertEqual(s.request("GET", "/changes?after=nonsense")[1]["error"], "bad_cursor")

    def test_changes_never_skip_a_row_committed_late(self):
        s = self.enrol("D11")
        start = all_changes(s)[1]
        import subprocess
        # Transaction A writes first (smaller id) and commits last.
        slow = subprocess.Popen(["/usr/lib/postgresql/15/bin/psql", self.box.pg, "-Xq", "-v", "ON_ERROR_STOP=1"],
                                stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, text=True)
        slow.stdin.write("BEGIN;\nINSERT INTO chain_settings VALUES ('late', 'A');\nSELECT pg_sleep(3);\nCOMMIT;\n")
        slow.stdin.close()
        time.sleep(1)
        self.box.run("setting", "set", "early", "B")  # B commits while A is open
        page = s.request("GET", "/changes?after=" + start)[1]
        keys = [c["key"] for c in page["changes"]]
        self.assertNotIn("late", keys)
        slow.wait(timeout=30)
        seen = keys + [c["key"] for c in s.request("GET", "/changes?after=" + page["cursor"])[1]["changes"]]
        self.assertIn("late", seen)
        self.assertIn("early", seen)

    def test_changes_page_at_most_a_thousand(self):
        s = self.enrol("D12")
        cursor, seen, pages = all_changes(s)[1], 0, 0
        self.box.psql("INSERT INTO chain_settings SELECT 'bulk.' || g, 'v' FROM generate_series(1, 1500) g")
        while True:
            page = s.request("GET", "/changes" + ("?after=" + cursor if cursor else ""))[1]
            seen += sum(1 for c in page["changes"] if c["key"].startswith("bulk."))
            self.assertLessEqual(len(page["changes"]), 1000)
            cursor, pages = page["cursor"], pages + 1
            if not page["more"]:
                break
        self.assertEqual(seen, 1500)
        self.assertGreaterEqual(pages, 2)


if __name__ == "__main__":
    unittest.main(verbosity=2)
