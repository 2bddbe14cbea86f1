"""Online booking, the slots (issue 19): HQ projects the store's day book from the
events it uploads (appointments, absences, settings) and answers free starts by the
counter's rules (qualification, absences, members' holds, opening hours)."""
import os
import sys
import time
import unittest
import uuid

sys.path.insert(0, os.path.dirname(__file__))
import hq_client as hq  # noqa: E402

TOMORROW = hq.local_day(1)
LATER = hq.local_day(2)


def starts(body):
    return [(s["start"], s["staff"]) for s in body["slots"]]


class PublicSlots(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.box = hq.Sandbox().__enter__()
        hq.open_store_online(cls.box)
        cls.store = hq.Store(cls.box.code)
        cls.web = hq.Customer(cls.box.hq)

    @classmethod
    def tearDownClass(cls):
        cls.box.__exit__(None, None, None)

    def upload(self, type_, payload):
        ev = hq.event(self.store, type_, TOMORROW, payload)
        status, body = self.store.send(self.store.batch([ev]))
        self.assertEqual(status, 200, body)
        self.assertEqual(body["quarantined"], 0, body)

    def appointment(self, staff, day, start, end, state="booked", appointment_id=None):
        appointment_id = appointment_id or str(uuid.uuid4())
        self.upload("appointment." + state, {"appointment": appointment_id, "customer": 7, "staff": staff,
                                             "start": hq.local_ms(day, start), "end": hq.local_ms(day, end),
                                             "state": state, "kind": "in_store"})
        return appointment_id

    def test_1_an_empty_day_offers_every_hour_to_everyone(self):
        status, body = self.web.slots("S01", "SVC-01", TOMORROW)
        self.assertEqual(status, 200, body)
        self.assertEqual(starts(body)[0], ("09:00", ["T01", "T02"]))
        self.assertEqual(starts(body)[-1], ("11:00", ["T01", "T02"]))  # 60 minutes before closing at 12:00
        self.assertEqual(len(body["slots"]), 5)  # every 30 minutes

    def test_2_the_store_s_appointments_absences_and_settings_count(self):
        aid = self.appointment("T01", TOMORROW, "10:00", "11:00")
        body = self.web.slots("S01", "SVC-01", TOMORROW)[1]
        self.assertEqual(dict(starts(body))["09:00"], ["T01", "T02"])  # ends as T01's begins
        self.assertEqual(dict(starts(body))["09:30"], ["T02"])  # T01 busy from 10:00
        self.assertEqual(dict(starts(body))["10:30"], ["T02"])
        self.assertEqual(dict(starts(body))["11:00"], ["T01", "T02"])
        # moved, then cancelled: the latest event wins, cancelled frees the time
        self.appointment("T01", TOMORROW, "11:00", "12:00", "moved", aid)
        self.assertEqual(dict(starts(self.web.slots("S01", "SVC-01", TOMORROW)[1]))["09:00"], ["T01", "T02"])
        self.appointment("T01", TOMORROW, "11:00", "12:00", "cancelled", aid)
        self.assertEqual(dict(starts(self.web.slots("S01", "SVC-01", TOMORROW)[1]))["11:00"], ["T01", "T02"])
        # T02 off the day after: only T01; the colouring needs T02, so nothing
        self.upload("staff.absent", {"staff": "T02", "day": LATER, "reason": ""})
        self.assertTrue(all(s == ["T01"] for _, s in starts(self.web.slots("S01", "SVC-01", LATER)[1])))
        self.assertEqual(self.web.slots("S01", "SVC-02", LATER)[1]["slots"], [])
        self.assertEqual(len(self.web.slots("S01", "SVC-02", TOMORROW)[1]["slots"]), 6)  # 30-minute service
        # the kiosk's opening hours, uploaded as a setting change, move the day
        self.upload("settings.changed", {"key": "appointments.close", "value": "11:00"})
        self.assertEqual(starts(self.web.slots("S01", "SVC-01", TOMORROW)[1])[-1][0], "10:00")
        self.upload("settings.changed", {"key": "appointments.close", "value": "12:00"})

    def test_3_members_holds_are_not_offered_online(self):
        day = hq.local_day(5)
        self.upload("settings.changed", {"key": "appointments.priority_holds", "value": "* 09:00-10:00 48h"})
        try:
            self.assertEqual(starts(self.web.slots("S01", "SVC-01", day)[1])[0][0], "10:00")
        finally:
            self.upload("settings.changed", {"key": "appointments.priority_holds", "value": ""})
        self.assertEqual(starts(self.web.slots("S01", "SVC-01", day)[1])[0][0], "09:00")

    def test_4_only_what_the_store_offers_online(self):
        self.assertEqual(self.web.slots("S01", "NOPE", TOMORROW)[0], 404)
        self.box.run("catalog", "set", "SVC-03", "--name", "护理", "--price", "50.00")
        self.box.run("online", "service", "SVC-03", "--minutes", "30", "--off")
        self.assertEqual(self.web.slots("S01", "SVC-03", TOMORROW)[0], 404)
        self.assertEqual(self.web.slots("S99", "SVC-01", TOMORROW)[0], 404)
        self.assertEqual(self.web.slots("S01", "SVC-01", "2026-13-01")[0], 400)
        self.box.run("online", "setting", "S01", "online.services", "SVC-02")
        try:
            self.assertEqual(self.web.slots("S01", "SVC-01", TOMORROW)[0], 404)
            services = self.web.request("GET", "/api/public/v1/stores/S01/services")[1]
            self.assertEqual([s["code"] for s in services["services"]], ["SVC-02"])
        finally:
            self.box.run("online", "setting", "S01", "online.services", "")
        status, body = self.web.request("GET", "/api/public/v1/stores")
        self.assertEqual(body["stores"], [{"code": "S01", "name": "一店"}])

    def test_5_a_day_is_fast_with_a_busy_year_booked(self):
        # a year of 40 appointments a day, straight into the projection
        self.box.psql("INSERT INTO store_appointments (store, id, staff, start_at, end_at, state, seq)"
                      " SELECT 'S01', 'y' || g, 'T0' || (1 + g % 2), 1700000000000 + g::bigint * 900000,"
                      " 1700000000000 + g::bigint * 900000 + 1800000, 'booked', 1 FROM generate_series(1, 14600) g")
        times = []
        for _ in range(30):
            t = time.perf_counter()
            self.assertEqual(self.web.slots("S01", "SVC-01", TOMORROW)[0], 200)
            times.append(time.perf_counter() - t)
        times.sort()
        print("slots over HTTPS (new connection each): median %.1f ms, max %.1f ms" %
              (times[len(times) // 2] * 1000, times[-1] * 1000))


if __name__ == "__main__":
    unittest.main(verbosity=2)
