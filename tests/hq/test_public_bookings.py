"""Online booking, the holds (issue 19): a booking is a hold that takes the slot from
everyone else; two customers taking the last slot at once get it once; the booking's
page needs the customer's own session and answers 404 alike otherwise."""
import os
import sys
import threading
import unittest

sys.path.insert(0, os.path.dirname(__file__))
import hq_client as hq  # noqa: E402

DAY = hq.local_day(4)
MINUTE = 60 * 1000


class PublicBookings(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.box = hq.Sandbox().__enter__()
        hq.open_store_online(cls.box)
        cls.box.run("online", "setting", "S01", "online.confirm_window_minutes", "600")

    @classmethod
    def tearDownClass(cls):
        cls.box.__exit__(None, None, None)

    def signed_in(self, phone):
        """A customer whose code was good (the session cookie is kept)."""
        web = hq.Customer(self.box.hq)
        web.ask_code(phone)
        return web, hq.last_code(self.box, phone)

    def book(self, web, phone, code, start, staff=None, service="SVC-01"):
        return web.book(store="S01", service=service, date=DAY, start=start, staff=staff, phone=phone, code=code,
                        name="李先生", privacy_consent=True, marketing_opt_in=False)

    def free(self, start, service="SVC-01"):
        slots = hq.Customer(self.box.hq).slots("S01", service, DAY)[1]["slots"]
        return dict((s["start"], s["staff"]) for s in slots).get(start, [])

    def test_a_hold_takes_the_slot_and_its_page_is_its_customer_s_alone(self):
        web, code = self.signed_in("13700137001")
        self.assertEqual(self.free("09:00"), ["T01", "T02"])
        status, body = self.book(web, "13700137001", code, "09:00", staff="T02")
        self.assertEqual(status, 200, body)
        self.assertEqual(self.free("09:00"), ["T01"])
        self.assertEqual(self.free("09:30"), ["T01"])  # 09:30-10:30 overlaps the hold too
        status, seen = web.booking(body["booking"])
        self.assertEqual(status, 200, seen)
        self.assertEqual((seen["status"], seen["date"], seen["start"], seen["staff"], seen["service_name"]),
                         ("pending", DAY, "09:00", "T02", "洗剪吹"))
        # no cookie, another customer's cookie, a made-up id: the same 404
        stranger, code2 = self.signed_in("13700137002")
        self.book(stranger, "13700137002", code2, "11:00")
        for who, bid in ((hq.Customer(self.box.hq), body["booking"]), (stranger, body["booking"]),
                         (web, "A" * 22)):
            self.assertEqual(who.booking(bid), (404, {"error": "not_found", "message": "no such booking"}))
        # the slot the hold took is refused to the next customer
        third, code3 = self.signed_in("13700137003")
        status, body = self.book(third, "13700137003", code3, "09:00", staff="T02")
        self.assertEqual((status, body["error"]), (409, "slot_taken"))

    def test_two_customers_take_the_last_slot_at_once_one_gets_it(self):
        # SVC-02 is T02's alone: one staff member, so 10:30 is one slot for six customers at once
        people = [("1370013710%d" % i,) + self.signed_in("1370013710%d" % i) for i in range(6)]
        outcomes = []
        barrier = threading.Barrier(len(people))

        def take(phone, web, code):
            barrier.wait()
            outcomes.append(self.book(web, phone, code, "10:30", service="SVC-02"))

        threads = [threading.Thread(target=take, args=p) for p in people]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        statuses = sorted(s for s, _ in outcomes)
        self.assertEqual(statuses, [200] + [409] * 5, outcomes)
        self.assertEqual(self.box.psql("SELECT count(*) FROM online_bookings WHERE service = 'SVC-02'"
                                       " AND status = 'pending'"), "1")
        self.assertEqual(self.free("10:30", "SVC-02"), [])


if __name__ == "__main__":
    unittest.main(verbosity=2)
