"""Online booking, codes by SMS (issue 19): the fake provider's folder, uniform
answers, expiry, wrong codes lock, rate limits per phone and per address, and the
session cookie a good code gives."""
import os
import sys
import unittest

sys.path.insert(0, os.path.dirname(__file__))
import hq_client as hq  # noqa: E402

DAY = hq.local_day(3)
MINUTE = 60 * 1000


class PublicCodes(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.box = hq.Sandbox().__enter__()
        hq.open_store_online(cls.box)

    @classmethod
    def tearDownClass(cls):
        cls.box.__exit__(None, None, None)

    def setUp(self):
        hq.move_clock(self.box, 61 * MINUTE)  # each test starts past the previous one's hourly limits
        self.web = hq.Customer(self.box.hq)

    def booking(self, phone, code, start="09:00", **extra):
        fields = dict(store="S01", service="SVC-01", date=DAY, start=start, staff=None, phone=phone, code=code,
                      name="王女士", privacy_consent=True, marketing_opt_in=False)
        fields.update(extra)
        return self.web.book(**fields)

    def test_a_code_arrives_in_the_fake_folder_and_books(self):
        status, body = self.web.ask_code("13800138001")
        self.assertEqual((status, body["status"]), (202, "sent"))
        code = hq.last_code(self.box, "13800138001")
        self.assertRegex(code, r"^\d{6}$")
        self.assertNotIn(code, self.box.psql("SELECT string_agg(coalesce(code_hash, ''), ',') FROM phone_codes"))
        status, body = self.booking("13800138001", code)
        self.assertEqual(status, 200, body)
        self.assertEqual(body["status"], "pending")
        self.assertEqual(len(body["booking"]), 22)
        self.assertTrue(self.web.cookie.startswith("salon_session="))
        # used up: the same code again is refused; the session still books
        other = hq.Customer(self.box.hq)
        self.assertEqual(other.book(store="S01", service="SVC-01", date=DAY, start="10:00", staff=None,
                                    phone="13800138001", code=code, name="王女士", privacy_consent=True)[1]["error"],
                         "code_invalid")
        self.assertEqual(self.booking("13800138001", "", start="10:00")[0], 200)
        booked = [m for m in hq.sms_messages(self.box, "13800138001") if m["template"] == "booked"]
        self.assertEqual(len(booked), 2)
        self.assertIn("待门店确认", booked[0]["text"])

    def test_answers_do_not_tell_phones_apart_and_codes_expire(self):
        self.assertEqual(self.web.ask_code("not a phone")[0], 400)
        a = self.web.ask_code("13800138002")
        b = self.web.ask_code("13800138002")  # within the minute: not sent, same answer
        self.assertEqual(a, b)
        self.assertEqual(len(hq.sms_messages(self.box, "13800138002")), 1)
        code = hq.last_code(self.box, "13800138002")
        hq.move_clock(self.box, 5 * MINUTE + 1000)
        status, body = self.booking("13800138002", code)
        self.assertEqual((status, body["error"]), (401, "code_invalid"))

    def test_five_wrong_codes_lock_for_fifteen_minutes(self):
        self.web.ask_code("13800138003")
        code = hq.last_code(self.box, "13800138003")
        wrong = "000000" if code != "000000" else "111111"
        for _ in range(4):
            self.assertEqual(self.booking("13800138003", wrong)[1]["error"], "code_invalid")
        self.assertEqual(self.booking("13800138003", wrong)[1]["error"], "code_locked")
        self.assertEqual(self.booking("13800138003", code)[1]["error"], "code_locked")  # even the good one
        hq.move_clock(self.box, 2 * MINUTE)
        self.web.ask_code("13800138003")  # locked: nothing is sent
        self.assertEqual(hq.last_code(self.box, "13800138003"), code)
        hq.move_clock(self.box, 14 * MINUTE)
        self.web.ask_code("13800138003")
        fresh = hq.last_code(self.box, "13800138003")
        self.assertNotEqual(len(hq.sms_messages(self.box, "13800138003")), 1)
        self.assertEqual(self.booking("13800138003", fresh, start="11:00")[0], 200)

    def test_a_phone_is_limited_per_hour_and_an_address_too(self):
        for _ in range(7):
            self.web.ask_code("13800138004")
            hq.move_clock(self.box, MINUTE + 1000)
        self.assertEqual(len(hq.sms_messages(self.box, "13800138004")), 5)  # at most 5 an hour
        hq.move_clock(self.box, 61 * MINUTE)
        statuses = [self.web.ask_code("1390013%04d" % i)[0] for i in range(21)]
        self.assertEqual(statuses[:20], [202] * 20)
        self.assertEqual(statuses[20], 429)

    def test_first_time_phones_need_consent_and_become_files_for_the_store(self):
        self.web.ask_code("13800138005")
        code = hq.last_code(self.box, "13800138005")
        status, body = self.booking("13800138005", code, start="10:00", privacy_consent=False)
        self.assertEqual((status, body["error"]), (400, "consent_required"))
        self.assertEqual(self.box.psql("SELECT count(*) FROM online_customers WHERE phone = '13800138005'"), "0")
        # the good code gave the session: consenting now needs no new code
        status, body = self.booking("13800138005", "", start="10:00", marketing_opt_in=True)
        self.assertEqual(status, 200, body)
        self.assertEqual(self.box.psql("SELECT name || ' ' || store || ' ' || marketing FROM online_customers"
                                       " WHERE phone = '13800138005'"), "王女士 S01 true")


if __name__ == "__main__":
    unittest.main(verbosity=2)
