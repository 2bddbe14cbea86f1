"""The phone page (issue 19) in headless Chromium at 390×844: choose the store, the
service, a day and a slot, ask for a code (read from the fake SMS folder), accept the
privacy notice, book, see "pending"; the kiosk confirms through the protocol and the
page shows "confirmed". Driven over the DevTools protocol with the standard library
only. Screenshots go to $SALON_SCREENSHOTS (default: a temp folder, named on stdout)."""
import base64
import hashlib
import hmac
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import unittest
import urllib.request
import uuid

sys.path.insert(0, os.path.dirname(__file__))
import hq_client as hq  # noqa: E402

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
DAY = hq.local_day(2)


class DevTools:
    """One page over a WebSocket (RFC 6455, text frames, client-masked)."""

    def __init__(self, ws_url):
        host_port, path = ws_url[len("ws://"):].split("/", 1)
        host, port = host_port.split(":")
        self.sock = socket.create_connection((host, int(port)), timeout=30)
        key = base64.b64encode(os.urandom(16)).decode()
        self.sock.sendall(("GET /%s HTTP/1.1\r\nHost: %s\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                           "Sec-WebSocket-Key: %s\r\nSec-WebSocket-Version: 13\r\n\r\n" % (path, host_port, key)).encode())
        reply = b""
        while b"\r\n\r\n" not in reply:
            reply += self.sock.recv(4096)
        assert b" 101 " in reply.split(b"\r\n")[0], reply
        self.buffer = reply.split(b"\r\n\r\n", 1)[1]
        self.next_id = 0

    def _read(self, n):
        while len(self.buffer) < n:
            chunk = self.sock.recv(1 << 20)
            if not chunk:
                raise ConnectionError("DevTools closed")
            self.buffer += chunk
        out, self.buffer = self.buffer[:n], self.buffer[n:]
        return out

    def _frame(self):
        data = b""
        while True:
            head = self._read(2)
            fin, length = head[0] & 0x80, head[1] & 0x7F
            if length == 126:
                length = int.from_bytes(self._read(2), "big")
            elif length == 127:
                length = int.from_bytes(self._read(8), "big")
            data += self._read(length)
            if fin:
                return data

    def call(self, method, **params):
        self.next_id += 1
        raw = json.dumps({"id": self.next_id, "method": method, "params": params}).encode()
        mask = os.urandom(4)
        n = len(raw)
        head = bytes([0x81]) + (bytes([0x80 | n]) if n < 126 else bytes([0x80 | 126]) + n.to_bytes(2, "big")
                                if n < 65536 else bytes([0x80 | 127]) + n.to_bytes(8, "big"))
        self.sock.sendall(head + mask + bytes(b ^ mask[i % 4] for i, b in enumerate(raw)))
        while True:
            msg = json.loads(self._frame())
            if msg.get("id") == self.next_id:
                if "error" in msg:
                    raise RuntimeError(method + ": " + str(msg["error"]))
                return msg["result"]

    def js(self, expression):
        r = self.call("Runtime.evaluate", expression=expression, returnByValue=True, awaitPromise=True)
        if "exceptionDetails" in r:
            raise RuntimeError(expression + ": " + str(r["exceptionDetails"]))
        return r["result"].get("value")

    def wait(self, expression, seconds=15):
        end = time.time() + seconds
        while time.time() < end:
            if self.js(expression):
                return
            time.sleep(0.1)
        raise AssertionError("never true: " + expression + "\n" + str(self.js("document.body.innerText")))

    def click(self, selector):
        self.wait("!!document.querySelector(%s)" % json.dumps(selector))
        self.js("document.querySelector(%s).click()" % json.dumps(selector))

    def type(self, selector, text):
        self.wait("!!document.querySelector(%s)" % json.dumps(selector))
        self.js("(e => { e.value = %s; e.dispatchEvent(new Event('input', {bubbles: true})); })(document.querySelector(%s))"
                % (json.dumps(text), json.dumps(selector)))

    def screenshot(self, path):
        with open(path, "wb") as f:
            f.write(base64.b64decode(self.call("Page.captureScreenshot", format="png")["data"]))


def sealed(public_key_b64, answer):
    """libsodium's crypto_box_seal of the answer's JSON, as the kiosk answers a look (ctypes)."""
    import ctypes
    sodium = ctypes.CDLL("libsodium.so.23")
    sodium.sodium_init()
    msg = json.dumps(answer, ensure_ascii=False).encode()
    out = ctypes.create_string_buffer(len(msg) + 48)  # crypto_box_SEALBYTES
    assert sodium.crypto_box_seal(out, msg, ctypes.c_ulonglong(len(msg)), base64.b64decode(public_key_b64)) == 0
    return base64.b64encode(out.raw).decode()


@unittest.skipUnless(CHROMIUM, "Debian's chromium is not installed (packaging/install-deps.sh)")
class BookingPage(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.box = hq.Sandbox().__enter__()
        hq.open_store_online(cls.box)
        cls.shots = os.environ.get("SALON_SCREENSHOTS") or tempfile.mkdtemp(prefix="booking-page.")
        os.makedirs(cls.shots, exist_ok=True)
        cls.profile = tempfile.mkdtemp(prefix="chromium.")
        cls.browser = subprocess.Popen(
            [CHROMIUM, "--headless=new", "--no-sandbox", "--disable-gpu", "--ignore-certificate-errors",
             "--remote-debugging-port=0", "--user-data-dir=" + cls.profile, "--window-size=390,844",
             "--no-first-run", "--lang=zh-CN", "about:blank"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        port = None
        end = time.time() + 30
        while time.time() < end and port is None:
            line = cls.browser.stderr.readline()
            if "DevTools listening on ws://" in line:
                port = int(line.split("ws://")[1].split("/")[0].split(":")[1])
        assert port, "chromium did not start"
        pages = json.load(urllib.request.urlopen("http://127.0.0.1:%d/json/list" % port))
        cls.page = DevTools([p for p in pages if p["type"] == "page"][0]["webSocketDebuggerUrl"])
        cls.page.call("Emulation.setDeviceMetricsOverride", width=390, height=844, deviceScaleFactor=1, mobile=True)

    @classmethod
    def tearDownClass(cls):
        cls.browser.terminate()
        cls.browser.wait(timeout=10)
        shutil.rmtree(cls.profile, ignore_errors=True)
        cls.box.__exit__(None, None, None)
        print("screenshots in", cls.shots)

    def test_book_through_the_page_and_see_the_store_confirm(self):
        p = self.page
        p.call("Page.navigate", url=self.box.hq + "/")
        p.click("[data-store=S01]")
        p.click("[data-service=SVC-01]")
        p.click("[data-date='%s']" % DAY)
        p.wait("document.querySelector('h2:nth-of-type(2)')?.textContent === %s" % json.dumps(DAY))
        p.wait("document.querySelectorAll('[data-start]').length === 5")
        p.screenshot(os.path.join(self.shots, "1-slots.png"))
        p.click("[data-start='10:00']")
        p.click("[data-staff=T02]")
        p.click("#to-details")
        p.type("#phone", "13500135001")
        p.click("#send-code")
        p.wait("document.getElementById('code-hint').textContent !== ''")
        code = hq.last_code(self.box, "13500135001")
        p.type("#code", code)
        p.type("#name", "周女士")
        p.wait("document.getElementById('notice').textContent.includes('隐私') ||"
               " document.getElementById('notice').textContent.includes('姓名')")
        self.assertTrue(p.js("document.getElementById('book').disabled"))  # not without consent
        p.click("#consent")
        p.wait("!document.getElementById('book').disabled")
        p.screenshot(os.path.join(self.shots, "2-details.png"))
        p.click("#book")
        p.wait("document.getElementById('status')?.dataset.status === 'pending'")
        p.screenshot(os.path.join(self.shots, "3-pending.png"))
        booking = p.js("location.hash").split("/")[-1]
        self.assertEqual(len(booking), 22)
        self.assertEqual(self.box.psql("SELECT staff || ' ' || status || ' ' || marketing FROM online_bookings b"
                                       " JOIN online_customers c USING (phone) WHERE id = '%s'" % booking),
                         "T02 pending false")
        # the kiosk pulls the hold and confirms it; the page refreshes itself
        store = hq.Store(self.box.code)
        hold = [c for c in store.request("GET", "/changes")[1]["changes"] if c["kind"] == "booking.hold"][0]
        ev = hq.event(store, "booking.decided", DAY, {"appointment": hold["key"], "decision": "confirmed", "reason": ""})
        self.assertEqual(store.send(store.batch([ev]))[0], 200)
        p.wait("document.getElementById('status')?.dataset.status === 'confirmed'", seconds=12)
        p.screenshot(os.path.join(self.shots, "4-confirmed.png"))
        # in English, the same page
        p.js("document.getElementById('lang').value = 'en'; document.getElementById('lang').dispatchEvent(new Event('change'))")
        p.wait("document.getElementById('status')?.textContent === 'Confirmed'")
        # another browser (no session cookie) cannot see it
        self.assertEqual(hq.Customer(self.box.hq).booking(booking)[0], 404)
        self.__class__.booked = booking
        self.__class__.store = store

    def test_my_bookings_move_and_cancel(self):
        p = self.page
        p.js("document.getElementById('lang').value = 'zh-Hans'; document.getElementById('lang').dispatchEvent(new Event('change'))")
        p.click("#to-mine")  # the session from booking: straight to the list
        p.wait("document.querySelector('[data-booking=\"%s\"] [data-status=confirmed]') !== null" % self.booked)
        p.screenshot(os.path.join(self.shots, "5-mine.png"))
        p.click("[data-move='%s']" % self.booked)
        p.wait("document.querySelectorAll('[data-start]').length > 0")
        p.click("[data-start='11:00']")
        p.click("#move-here")
        p.wait("document.querySelectorAll('[data-booking]').length === 2")
        p.wait("document.querySelector('[data-booking=\"%s\"] .note') !== null" % self.booked)
        p.screenshot(os.path.join(self.shots, "6-moving.png"))
        moved = self.box.psql("SELECT id FROM online_bookings WHERE replaces = '%s'" % self.booked)
        self.assertEqual(self.box.psql("SELECT status FROM online_bookings WHERE id = '%s'" % moved), "pending")
        # cancel the booking: two taps; the move waiting for the store goes with it
        p.click("[data-cancel='%s']" % self.booked)
        p.wait("document.querySelector('[data-cancel=\"%s\"]').textContent === '确认取消？'" % self.booked)
        p.click("[data-cancel='%s']" % self.booked)
        p.wait("document.querySelector('[data-booking=\"%s\"] [data-status=cancelled]') !== null" % self.booked)
        self.assertEqual(self.box.psql("SELECT string_agg(status, ',') FROM online_bookings WHERE id IN ('%s', '%s')"
                                       % (self.booked, moved)), "cancelled,cancelled")
        # a new browser signs in with a code to see the same list
        p.call("Network.clearBrowserCookies")
        p.call("Page.navigate", url=self.box.hq + "/?again#/mine")  # a fresh load, not a fragment change
        p.wait("!!document.getElementById('sign-in')")
        p.screenshot(os.path.join(self.shots, "7-sign-in.png"))
        hq.move_clock(self.box, 2 * 60 * 1000)  # one code a minute per phone
        used = hq.last_code(self.box, "13500135001")
        p.type("#phone", "13500135001")
        p.click("#send-code")
        p.wait("document.getElementById('code-hint').textContent !== ''")
        code = hq.last_code(self.box, "13500135001")
        self.assertNotEqual(code, used)
        p.type("#code", code)
        p.click("#sign-in")
        p.wait("document.querySelectorAll('[data-booking]').length === 2")
        # and applies for membership at S01 (the store decides at its kiosk)
        p.click("#join")
        p.click("[data-join-store=S01]")
        p.type("#name", "周女士")
        p.screenshot(os.path.join(self.shots, "8-join.png"))
        p.click("#apply")
        p.wait("!!document.getElementById('applied')")
        self.assertEqual(self.box.psql("SELECT store || ' ' || name FROM online_applications WHERE phone = '13500135001'"),
                         "S01 周女士")

    def test_my_membership(self):
        """#/account: the figures head office holds for the phone (found by the keyed hash a
        store sent), and the store's answer to the application made above."""
        p = self.page
        store = self.store
        key = self.box.psql("SELECT value FROM hq_settings WHERE key = 'phone_match_key'")
        phone_key = hmac.new(key.encode(), b"13500135001", hashlib.sha256).hexdigest()
        m = "M01000009"
        sid = str(uuid.uuid4())
        sale = hq.sale_payload(sid, "sale", DAY, 100000, [("cash", 100000)], lines=[])
        sale["customer"] = {"id": 9, "name": "周女士", "tier": "", "birthday_offer": False, "member_no": m}
        sale["movements"] = [{"kind": "stored_value", "reason": "top_up", "principal": 100000, "bonus": 20000},
                             {"kind": "points", "reason": "earn", "points": 1000},
                             {"kind": "package", "reason": "buy", "package": sid + "/2", "service": "SVC-01",
                              "sessions": 10, "expires": "2027-12-04"},
                             {"kind": "arrears", "reason": "charge", "arrears": 3800}]
        events = [hq.event(store, "customer.registered", DAY, {"customer_id": 9, "file_no": "S01-2026-000009",
                                                              "member_no": m}),
                  hq.event(store, "member.phone_key", DAY, {"member_no": m, "phone_key": phone_key}),
                  hq.event(store, "sale.settled", DAY, sale, sid)]
        self.assertEqual(store.send(store.batch(events))[1]["quarantined"], 0)
        p.js("location.hash = '#/account'")
        p.wait("document.querySelector('[data-member=%s]') !== null" % m)
        p.wait("document.querySelector('[data-application] [data-status=pending]') !== null")
        text = p.js("document.querySelector('[data-member=%s]').innerText" % m)
        for shown in ("¥1000", "¥200", "1000", "¥38", "洗剪吹", "剩 10 次", "2027-12-04", m):
            self.assertIn(shown, text)
        p.screenshot(os.path.join(self.shots, "9-account.png"))
        # the store approves the application at its kiosk: the decision comes up
        application = self.box.psql("SELECT id FROM online_applications WHERE phone = '13500135001'")
        decided = hq.event(store, "member.approved", DAY, {"customer": 9, "application": application, "member_no": m,
                                                          "reason": ""})
        self.assertEqual(store.send(store.batch([decided]))[0], 200)
        p.js("location.hash = '#/mine'")
        p.wait("document.querySelectorAll('[data-booking]').length === 2")
        p.click("#to-account")
        p.wait("document.querySelector('[data-application] [data-status=approved]') !== null")
        self.assertIn(m, p.js("document.querySelector('[data-application]').innerText"))
        p.screenshot(os.path.join(self.shots, "10-application.png"))
        # my file: head office asks the store; the store (here the test, sealing with libsodium
        # as the kiosk does) answers with the file and who viewed it
        p.click("#own-file")
        p.wait("!!document.getElementById('asking')")
        ask = [c for c in store.request("GET", "/changes")[1]["changes"] if c["kind"] == "customer.self_view"][-1]
        self.assertEqual(ask["body"]["member_no"], m)
        answer = {"found": True, "file_no": "S01-2026-000009", "member_no": m, "name": "周女士", "phone": "135****5001",
                  "status": "in_force", "consent": {"status": "agreed", "at": 1764806399000, "marketing": False},
                  "viewed_by": [{"at": 1764900000000, "by": "self", "role": "", "purpose": "own file", "action": "customer.self_view"},
                                {"at": 1764806400000, "by": "李主管", "role": "supervisor", "purpose": "review",
                                 "action": "customer.view"}]}
        reply = hq.event(store, "customer.self_view_answer", DAY,
                         {"request": ask["key"], "sealed": sealed(ask["body"]["public_key"], answer)}, ask["key"])
        self.assertEqual(store.send(store.batch([reply]))[1]["quarantined"], 0)
        p.wait("document.querySelector('[data-file]') !== null", seconds=10)
        self.assertIn("李主管", p.js("document.querySelector('[data-file]').innerText"))
        p.js("document.querySelector('details.correction').open = true")
        p.screenshot(os.path.join(self.shots, "11-own-file.png"))
        p.js("document.getElementById('correct-field').value = 'address'")
        p.type("#correct-value", "上海市徐汇区漕溪北路 1 号")
        p.type("#correct-reason", "搬家了")
        p.click("#correct")
        p.wait("document.getElementById('correction-sent').textContent !== ''")
        body = [c for c in store.request("GET", "/changes")[1]["changes"] if c["kind"] == "customer.correction"][-1]["body"]
        self.assertEqual((body["member_no"], body["field"], body["value"], body["reason"]),
                         (m, "address", "上海市徐汇区漕溪北路 1 号", "搬家了"))
        # another browser signed in with another phone sees nothing of it
        other = hq.Customer(self.box.hq)
        hq.move_clock(self.box, 2 * 60 * 1000)
        other.ask_code("13500135002")
        other.request("POST", "/api/public/v1/sessions", {"phone": "13500135002",
                                                          "code": hq.last_code(self.box, "13500135002")})
        self.assertEqual(other.request("GET", "/api/public/v1/me/figures")[1]["members"], [])
        self.assertEqual(other.request("GET", "/api/public/v1/me/applications")[1]["applications"], [])


if __name__ == "__main__":
    unittest.main(verbosity=2)
