"""Reminders the day before (issue 19): each confirmed booking of tomorrow gets one
SMS in the language it was booked in, whatever runs the sweep how often (serve's
thread, `salon-hq online remind` alongside, a pass retried after a crash before its
commit); declined, cancelled and later bookings get none, nor a phone that replied TD.
The store's own text (a setting) replaces the default."""
import os
import sys
import time
import unittest

sys.path.insert(0, os.path.dirname(__file__))
import hq_client as hq  # noqa: E402

TOMORROW = hq.local_day(1)
LATER = hq.local_day(2)


def wait_for(what, seconds=8):
    end = time.time() + seconds
    while time.time() < end:
        got = what()
        if got:
            return got
        time.sleep(0.2)
    return what()


class Reminders(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.box = hq.Sandbox().__enter__()
        hq.open_store_online(cls.box)
        # no reminder while the bookings are set up (the sweep runs every 2 s) ...
        cls.box.run("online", "setting", "S01", "online.reminder_from", "23:59")
        cls.box.run("online", "setting", "S01", "sms.text.reminder.en", "{store} says: see you tomorrow at {time} ({service})")
        cls.store = hq.Store(cls.box.code)
        cls.cursor = ""

    @classmethod
    def tearDownClass(cls):
        cls.box.__exit__(None, None, None)

    def holds(self):
        out = []
        while True:
            page = self.store.request("GET", "/changes" + ("?after=" + self.cursor if self.cursor else ""))[1]
            out += [c for c in page["changes"] if c["kind"] == "booking.hold"]
            self.__class__.cursor = page["cursor"]
            if not page["more"]:
                return out

    def answer(self, decision, reason=""):
        """The store answers every pending hold it has not answered yet."""
        events = []
        for h in self.holds():
            if h["body"]["status"] == "pending":
                events.append(hq.event(self.store, "booking.decided", TOMORROW,
                                       {"appointment": h["key"], "decision": decision, "reason": reason}))
        status, body = self.store.send(self.store.batch(events))
        self.assertEqual((status, body["quarantined"]), (200, 0), body)

    def reminders(self, phone=None):
        return [m for m in hq.sms_messages(self.box, phone) if m["template"] == "reminder"]

    def remind_once_more(self):
        out = self.box.run("online", "remind", "--sms-outbox", os.path.join(self.box.dir, "sms"),
                           "--clock-file", os.path.join(self.box.dir, "clock.offset"))
        return out.stdout

    def test_reminders_go_once_to_confirmed_bookings_of_tomorrow(self):
        phones = {"hans": "13700137001", "hant": "13700137002", "en": "13700137003", "declined": "13700137004",
                  "cancelled": "13700137005", "later": "13700137006", "opted_out": "13700137007"}
        hq.book_online(self.box, phones["hans"], TOMORROW, "09:00")
        hq.book_online(self.box, phones["hant"], TOMORROW, "09:00", lang="zh-Hant")
        _, en = hq.book_online(self.box, phones["en"], TOMORROW, "10:00", lang="en")
        hq.book_online(self.box, phones["later"], LATER, "09:00")
        web, cancelled = hq.book_online(self.box, phones["cancelled"], TOMORROW, "10:00")
        hq.book_online(self.box, phones["opted_out"], TOMORROW, "11:00")
        self.answer("confirmed")
        hq.book_online(self.box, phones["declined"], TOMORROW, "11:00")
        self.answer("declined", "slot_taken")
        self.assertEqual(web.cancel(cancelled)[1]["status"], "cancelled")
        self.assertEqual(hq.sms_reply(self.box, phones["opted_out"], "TD")[1]["action"], "opted_out")
        self.box.run("online", "setting", "S01", "online.reminder_from", "00:00")  # ... then any hour of the day before

        wait_for(lambda: len(self.reminders()) >= 3)
        self.remind_once_more()  # a second process, next to serve's thread
        self.remind_once_more()
        time.sleep(2.5)  # and another pass of the thread
        got = {p: self.reminders(phone) for p, phone in phones.items()}
        self.assertEqual({p: len(m) for p, m in got.items()},
                         {"hans": 1, "hant": 1, "en": 1, "declined": 0, "cancelled": 0, "later": 0, "opted_out": 0})
        self.assertIn("提醒您明天", got["hans"][0]["text"])
        self.assertIn("提醒您明天", got["hant"][0]["text"])
        self.assertIn("預約", got["hant"][0]["text"])
        self.assertEqual(got["en"][0]["text"], "一店 says: see you tomorrow at 10:00 (洗剪吹)")
        self.assertEqual(self.box.psql("SELECT outcome, count(*) FROM booking_texts GROUP BY 1 ORDER BY 1"),
                         "opted_out|1\nsent|3")
        # The customer who opted out still gets what is essential (the confirmation came before TD).
        self.assertTrue([m for m in hq.sms_messages(self.box, phones["opted_out"]) if m["template"] == "decided"])

        # A crash after the provider took a reminder, before the claim committed: the
        # next pass sends it again under the same key, and the provider keeps one.
        self.box.psql("DELETE FROM booking_texts WHERE booking = '%s'" % en)
        self.remind_once_more()  # (or serve's thread, whichever comes first)
        self.assertEqual(self.box.psql("SELECT outcome FROM booking_texts WHERE booking = '%s'" % en), "sent")
        self.assertEqual(len(self.reminders(phones["en"])), 1)


if __name__ == "__main__":
    unittest.main(verbosity=2)
