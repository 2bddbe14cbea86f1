"""The customer sees, moves and cancels their bookings (issue 19), and replies 取消 / TD
by SMS; a real kiosk (auto-confirm) hears every change through /changes: a confirmed
move books the new slot and frees the old one, a declined move leaves the booking as
it was, a cancel frees the slot. One sandbox and one kiosk for the whole file."""
import os
import sqlite3
import subprocess
import sys
import tempfile
import time
import unittest

sys.path.insert(0, os.path.dirname(__file__))
import hq_client as hq  # noqa: E402

KIOSK_BIN = os.environ.get("SALON_KIOSK_BIN", "")
DAY = hq.local_day(2)


def kiosk(tmp, db, args, pin="9999"):
    env = dict(os.environ, SALON_PIN=pin, SALON_PIN_COST="min")
    out = subprocess.run([KIOSK_BIN, *args, "--db", db], cwd=tmp, env=env, capture_output=True, text=True, timeout=120)
    if out.returncode != 0:
        raise RuntimeError(" ".join(args) + ": " + out.stdout + out.stderr)
    return out.stdout


@unittest.skipUnless(KIOSK_BIN and os.path.exists(KIOSK_BIN), "SALON_KIOSK_BIN not built")
class CustomerChanges(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.box = box = hq.Sandbox().__enter__()
        cls.tmp = tempfile.mkdtemp(prefix="kiosk.")
        cls.db = os.path.join(cls.tmp, "salon.db")
        box.run("catalog", "set", "S-CUT", "--name", "洗剪吹", "--price", "45.00", "--category", "hair")
        box.run("online", "service", "S-CUT", "--minutes", "60", "--staff", "")
        box.run("staff", "add", "beau", "--name", "林美容师", "--role", "beautician", "--stores", "S01")
        box.run("setting", "set", "online.auto_confirm", "true")
        box.run("online", "setting", "S01", "online.enabled", "true")
        kiosk(cls.tmp, cls.db, ["demo-data"], "")
        kiosk(cls.tmp, cls.db, ["sync", "enrol", "--staff", "admin", "--code", box.code])
        kiosk(cls.tmp, cls.db, ["sync", "now", "--staff", "admin"])

    @classmethod
    def tearDownClass(cls):
        cls.box.__exit__(None, None, None)
        subprocess.run(["rm", "-rf", cls.tmp])

    def sync(self, rounds=1):
        for _ in range(rounds):
            kiosk(self.tmp, self.db, ["sync", "now", "--staff", "admin"])

    def book(self, phone, start):
        web, bid = hq.book_online(self.box, phone, DAY, start, service="S-CUT")
        self.sync(2)  # the kiosk takes the hold and books it; its answer goes up
        self.assertEqual(web.booking(bid)[1]["status"], "confirmed")
        return web, bid

    def appointment(self, bid):
        """The kiosk's appointment for an online booking: its state, or None."""
        uuid_ = self.box.psql("SELECT appointment FROM online_bookings WHERE id = '%s'" % bid)
        with sqlite3.connect(self.db) as k:
            row = k.execute("SELECT state FROM appointments WHERE id = ?", (uuid_,)).fetchone()
        return row[0] if row else None

    def texts(self, phone, kind):
        return [m for m in hq.sms_messages(self.box, phone) if m["params"].get("kind") == kind]

    def test_1_signed_out_sees_nothing(self):
        web = hq.Customer(self.box.hq)
        self.assertEqual(web.bookings()[0], 401)
        self.assertEqual(web.cancel("A" * 22)[1]["error"], "not_found")

    def test_2_move_then_cancel(self):
        web, old = self.book("13500135001", "09:00")
        mine = web.bookings()[1]["bookings"]
        self.assertEqual([(b["booking"], b["status"], b["can_change"]) for b in mine], [(old, "confirmed", True)])
        status, moved = web.move(old, store="S01", service="S-CUT", date=DAY, start="11:00", staff=None)
        self.assertEqual((status, moved["status"], moved["replaces"]), (200, "pending", old), moved)
        new = moved["booking"]
        seen = web.booking(old)[1]
        self.assertEqual((seen["status"], seen["moving_to"], seen["can_change"]), ("confirmed", new, False))
        free = [s["start"] for s in web.slots("S01", "S-CUT", DAY)[1]["slots"]]
        self.assertNotIn("09:00", free)  # the old slot is kept until the store decides
        self.assertNotIn("11:00", free)
        self.assertEqual(web.move(old, store="S01", service="S-CUT", date=DAY, start="13:00", staff=None)[1]["error"],
                         "not_changeable")  # one move at a time
        self.sync(3)  # the kiosk books the new slot, answers, then hears the old one cancelled
        self.assertEqual(web.booking(new)[1]["status"], "confirmed")
        self.assertEqual((web.booking(old)[1]["status"], web.booking(old)[1]["reason"]), ("cancelled", "moved"))
        self.assertEqual((self.appointment(old), self.appointment(new)), ("cancelled", "booked"))

        status, body = web.cancel(new)
        self.assertEqual((status, body["status"]), (200, "cancelled"), body)
        self.assertIn("已取消", self.texts("13500135001", "cancelled")[0]["text"])
        self.sync()
        self.assertEqual(self.appointment(new), "cancelled")  # the kiosk freed the slot
        with sqlite3.connect(self.db) as k:  # and its audit says why
            why = k.execute("SELECT group_concat(reason, ' | ') FROM (SELECT reason FROM audit_log"
                            " WHERE action = 'appointment.cancelled' ORDER BY seq)").fetchone()[0]
        self.assertEqual(why, "the customer moved the online booking | the customer cancelled the online booking")
        self.assertEqual(web.cancel(new)[1]["error"], "not_changeable")
        self.assertIn("09:00", [s["start"] for s in web.slots("S01", "S-CUT", DAY)[1]["slots"]])

    def test_3_a_declined_move_leaves_the_booking(self):
        web, old = self.book("13500135002", "10:00")
        with sqlite3.connect(self.db) as k:  # the counter books beau at 15:00, not yet sent up
            k.execute("INSERT INTO customers (id, file_no, name, phone, status, created_at, created_by)"
                      " VALUES (901, 'S01-2026-000901', '前台客', '13900139998', 'in_force', 0, 'cash')")
            start = hq.local_ms(DAY, "15:00")
            k.execute("INSERT INTO appointments (id, customer_id, staff, start_at, end_at, channel, state, booked_by, booked_at)"
                      " VALUES ('counter-2', 901, 'beau', ?, ?, 'counter', 'booked', 'cash', 0)", (start, start + 3600000))
        status, moved = web.move(old, store="S01", service="S-CUT", date=DAY, start="15:00", staff="beau")
        self.assertEqual(status, 200, moved)
        self.sync(2)
        seen = web.booking(moved["booking"])[1]
        self.assertEqual((seen["status"], seen["reason"]), ("declined", "slot_taken"))
        self.assertEqual(web.booking(old)[1]["status"], "confirmed")
        self.assertEqual(self.appointment(old), "booked")
        end = time.time() + 8  # the sweep texts decisions (every 2 s)
        while time.time() < end and not self.texts("13500135002", "move_declined"):
            time.sleep(0.2)
        told = self.texts("13500135002", "move_declined")
        self.assertEqual(len(told), 1)
        self.assertIn("原来的预约不变", told[0]["text"])

    def test_4_after_the_cut_off_nothing_changes(self):
        web, bid = self.book("13500135003", "12:00")
        self.box.run("online", "setting", "S01", "online.change_cutoff_hours", "1000")
        try:
            self.assertEqual(web.cancel(bid)[1]["error"], "too_late")
            self.assertFalse(web.booking(bid)[1]["can_change"])
            self.assertEqual(hq.sms_reply(self.box, "13500135003", "取消")[1]["action"], "nothing_to_cancel")
        finally:
            self.box.run("online", "setting", "S01", "online.change_cutoff_hours", "2")
        other = hq.Customer(self.box.hq)  # another phone's session: the booking does not exist for it
        other.ask_code("13500135099")
        other.request("POST", "/api/public/v1/sessions", {"phone": "13500135099", "code": hq.last_code(self.box, "13500135099")})
        self.assertEqual(other.cancel(bid)[1]["error"], "not_found")
        self.assertEqual(other.bookings()[1]["bookings"], [])

    def test_5_sms_replies_cancel_and_opt_out(self):
        phone = "13500135004"
        web, bid = self.book(phone, "16:00")
        self.assertEqual(hq.sms_reply(self.box, phone, "取消", secret="wrong")[0], 400)
        self.assertEqual(hq.sms_reply(self.box, phone, "取消", at=int(time.time() * 1000) - 3600 * 1000)[0], 400)
        status, body = hq.sms_reply(self.box, phone, " 取消 ", msg_id="m-1")
        self.assertEqual((status, body["action"]), (200, "cancelled"), body)
        self.assertEqual(hq.sms_reply(self.box, phone, "取消", msg_id="m-1")[1]["status"], "duplicate")
        self.assertEqual(web.booking(bid)[1]["status"], "cancelled")
        self.assertEqual(len(self.texts(phone, "cancelled")), 1)
        self.sync()
        self.assertEqual(self.appointment(bid), "cancelled")
        self.assertEqual(hq.sms_reply(self.box, phone, "CANCEL")[1]["action"], "nothing_to_cancel")
        self.assertEqual(hq.sms_reply(self.box, phone, "td")[1]["action"], "opted_out")
        self.assertEqual(hq.sms_reply(self.box, phone, "hello")[1]["action"], "ignored")
        self.assertEqual(self.box.psql("SELECT count(*) FROM sms_opt_outs WHERE phone = '%s'" % phone), "1")
        self.assertEqual(self.box.psql("SELECT string_agg(action, ',' ORDER BY action) FROM sms_inbound"
                                       " WHERE phone = '%s'" % phone), "cancelled,ignored,nothing_to_cancel,opted_out")

    def test_6_a_membership_application_online_waits_at_the_store(self):
        web = hq.Customer(self.box.hq)
        web.ask_code("13500135005")
        ask = {"store": "S01", "phone": "13500135005", "code": hq.last_code(self.box, "13500135005"), "name": "钱女士"}
        status, body = web.request("POST", "/api/public/v1/memberships", ask)
        self.assertEqual((status, body["error"]), (400, "consent_required"))  # a first-time phone
        ask["privacy_consent"] = True
        self.assertEqual(web.request("POST", "/api/public/v1/memberships", ask), (200, {"status": "pending"}))
        self.assertEqual(web.request("POST", "/api/public/v1/memberships", ask), (200, {"status": "pending"}))  # once
        self.sync()
        self.sync()  # heard twice is still once
        with sqlite3.connect(self.db) as k:
            rows = k.execute("SELECT a.status, a.applied_by, c.name, c.status FROM membership_applications a"
                             " JOIN customers c ON c.id = a.customer_id WHERE c.phone = '13500135005'").fetchall()
        self.assertEqual(rows, [("pending", "head-office", "钱女士", "pending_review")])
        # an existing customer (booked online before) applies with the session cookie alone
        web2, _ = self.book("13500135006", "17:00")
        self.assertEqual(web2.request("POST", "/api/public/v1/memberships", {"store": "S01", "phone": "13500135006"})[0], 200)
        self.sync()
        with sqlite3.connect(self.db) as k:
            self.assertEqual(k.execute("SELECT count(*) FROM membership_applications a JOIN customers c"
                                       " ON c.id = a.customer_id WHERE c.phone = '13500135006'").fetchone()[0], 1)

    def test_7_a_move_overlapping_the_booking_itself_is_refused(self):
        # beau is the store's only staff member: 18:00-19:00 is theirs until a move is confirmed
        web, old = self.book("13500135007", "18:00")
        free = [s["start"] for s in web.slots("S01", "S-CUT", DAY)[1]["slots"]]
        self.assertNotIn("18:30", free)  # the page never offers it
        for staff in ("beau", None):  # asked for anyway, named or "any"
            status, body = web.move(old, store="S01", service="S-CUT", date=DAY, start="18:30", staff=staff)
            self.assertEqual((status, body.get("error")), (409, "slot_taken"), body)
        self.assertEqual(self.box.psql("SELECT count(*) FROM online_bookings WHERE replaces = '%s'" % old), "0")
        self.assertEqual((web.booking(old)[1]["status"], web.booking(old)[1]["can_change"]), ("confirmed", True))
        # right after it is fine, and once confirmed the old slot is free again
        status, moved = web.move(old, store="S01", service="S-CUT", date=DAY, start="19:00", staff="beau")
        self.assertEqual((status, moved["status"]), (200, "pending"), moved)
        self.sync()
        self.assertEqual(web.booking(moved["booking"])[1]["status"], "confirmed")
        self.sync()
        self.assertEqual((self.appointment(old), self.appointment(moved["booking"])), ("cancelled", "booked"))
        self.assertIn("18:00", [s["start"] for s in web.slots("S01", "S-CUT", DAY)[1]["slots"]])


if __name__ == "__main__":
    unittest.main(verbosity=2)
