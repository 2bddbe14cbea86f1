"""Online booking, the store decides (issue 19): holds go down to their store in
/changes (booking.hold); the kiosk's booking.decided event confirms or declines; a
store that does not answer within its confirm window has the hold declined by HQ
(store_offline), and a late answer changes nothing; customers are texted once."""
import os
import sys
import time
import unittest
import uuid

sys.path.insert(0, os.path.dirname(__file__))
import hq_client as hq  # noqa: E402

DAY = hq.local_day(6)
MINUTE = 60 * 1000


def wait_for(what, seconds=8):
    end = time.time() + seconds
    while time.time() < end:
        got = what()
        if got:
            return got
        time.sleep(0.2)
    return what()


class StoreDecides(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.box = hq.Sandbox().__enter__()
        hq.open_store_online(cls.box)
        cls.store = hq.Store(cls.box.code)
        cls.cursor = ""

    @classmethod
    def tearDownClass(cls):
        cls.box.__exit__(None, None, None)

    def book(self, phone, start):
        web = hq.Customer(self.box.hq)
        web.ask_code(phone)
        status, body = web.book(store="S01", service="SVC-01", date=DAY, start=start, staff=None, phone=phone,
                                code=hq.last_code(self.box, phone), name="陈女士", privacy_consent=True,
                                marketing_opt_in=True)
        self.assertEqual(status, 200, body)
        return web, body["booking"]

    def holds(self):
        """The booking.hold changes since the last call, as the kiosk pulls them."""
        out = []
        while True:
            page = self.store.request("GET", "/changes" + ("?after=" + self.cursor if self.cursor else ""))[1]
            out += [c for c in page["changes"] if c["kind"] == "booking.hold"]
            self.__class__.cursor = page["cursor"]
            if not page["more"]:
                return out

    def answer(self, hold, decision, reason=""):
        events = [hq.event(self.store, "booking.decided", DAY,
                           {"appointment": hold["key"], "decision": decision, "reason": reason})]
        if decision == "confirmed":
            b = hold["body"]
            events.append(hq.event(self.store, "appointment.booked", DAY,
                                   {"appointment": hold["key"], "customer": 42, "staff": b["staff"], "start": b["start"],
                                    "end": b["end"], "state": "booked", "kind": "in_store"}))
        status, body = self.store.send(self.store.batch(events))
        self.assertEqual((status, body["quarantined"]), (200, 0), body)

    def decided_sms(self, phone):
        return [m for m in hq.sms_messages(self.box, phone) if m["template"] == "decided"]

    def test_1_the_kiosk_confirms_and_the_customer_is_told_once(self):
        web, bid = self.book("13600136001", "09:00")
        holds = wait_for(self.holds)
        self.assertEqual(len(holds), 1)
        body = holds[0]["body"]
        self.assertEqual((body["status"], body["service"], body["minutes"], body["staff"], body["any_staff"]),
                         ("pending", "SVC-01", 60, "T01", True))
        self.assertEqual(body["customer"]["phone"], "13600136001")
        self.assertTrue(body["customer"]["new"])
        self.assertTrue(body["customer"]["marketing"])
        self.assertNotIn(bid, str(holds))  # the customer's handle never leaves HQ
        self.answer(holds[0], "confirmed")
        self.assertEqual(web.booking(bid)[1]["status"], "confirmed")
        told = wait_for(lambda: self.decided_sms("13600136001"))
        self.assertEqual(len(told), 1)
        self.assertIn("已确认", told[0]["text"])
        time.sleep(2.5)  # another sweep: told once
        self.assertEqual(len(self.decided_sms("13600136001")), 1)
        # the confirmed hold and the store's appointment are one booking: T01 stays busy once
        free = dict((s["start"], s["staff"]) for s in web.slots("S01", "SVC-01", DAY)[1]["slots"])
        self.assertEqual(free["09:00"], ["T02"])
        self.assertEqual(wait_for(self.holds)[0]["body"]["status"], "confirmed")

    def test_2_the_kiosk_declines_with_its_reason(self):
        web, bid = self.book("13600136002", "10:00")
        hold = wait_for(self.holds)[0]
        self.answer(hold, "declined", "slot_taken")
        seen = web.booking(bid)[1]
        self.assertEqual((seen["status"], seen["reason"]), ("declined", "slot_taken"))
        self.assertIn("未能接受", wait_for(lambda: self.decided_sms("13600136002"))[0]["text"])

    def test_3_a_store_offline_past_its_window_is_declined_by_hq(self):
        self.box.run("online", "setting", "S01", "online.confirm_window_minutes", "30")
        web, bid = self.book("13600136003", "11:00")
        hold = wait_for(self.holds)[0]
        self.assertEqual(web.booking(bid)[1]["status"], "pending")
        hq.move_clock(self.box, 31 * MINUTE)
        told = wait_for(lambda: self.decided_sms("13600136003"))  # the sweep, without anyone asking
        self.assertIn("未能及时确认", told[0]["text"])
        seen = web.booking(bid)[1]
        self.assertEqual((seen["status"], seen["reason"]), ("declined", "store_offline"))
        self.assertEqual(wait_for(self.holds)[0]["body"]["status"], "declined")  # the kiosk hears it too
        self.answer(hold, "confirmed")  # too late: the first decision stands
        self.assertEqual(web.booking(bid)[1]["status"], "declined")


if __name__ == "__main__":
    unittest.main(verbosity=2)
