"""A small kiosk-side client for salon-hq tests: decodes an enrolment code, pins the
certificate's fingerprint, signs POST bodies (HMAC-SHA256 keyed by sha256(token))
and builds outbox batches shaped like the kiosk's (storage/sale_json.cpp)."""
import base64
import hashlib
import hmac
import http.client
import json
import os
import unittest
import ssl
import subprocess
import tempfile
import time
import uuid

HQ_BIN = os.environ.get("SALON_HQ_BIN", "salon-hq")


def decode_code(code):
    assert code.startswith("SALONHQ1."), code
    body = code[len("SALONHQ1."):]
    body += "=" * (-len(body) % 4)
    return json.loads(base64.urlsafe_b64decode(body))


class Refused(Exception):
    pass


class Store:
    """One enrolled store talking to HQ, as a kiosk would."""

    def __init__(self, code, fp=None):
        info = decode_code(code)
        self.url, self.store, self.token = info["url"], info["store"], info["token"]
        self.fp = fp or info["fp"]
        hostport = self.url[len("https://"):]
        self.host, port = hostport.rsplit(":", 1)
        self.port = int(port)
        self.seq = 0

    def _connect(self, port=None):
        ctx = ssl.create_default_context()
        ctx.check_hostname = False
        ctx.verify_mode = ssl.CERT_NONE  # pinned below instead of a CA
        conn = http.client.HTTPSConnection(self.host, port or self.port, context=ctx, timeout=30)
        conn.connect()
        der = conn.sock.getpeercert(binary_form=True)
        if hashlib.sha256(der).hexdigest() != self.fp:
            conn.close()
            raise Refused("hq_certificate_mismatch")
        return conn

    def request(self, method, path, body=None, headers=None, token=None, sign=True, port=None):
        token = self.token if token is None else token
        h = {"Authorization": "Bearer " + token}
        if body is not None:
            raw = body if isinstance(body, bytes) else json.dumps(body).encode()
            if sign:
                key = hashlib.sha256(token.encode()).digest()
                h["X-Salon-Signature"] = hmac.new(key, raw, hashlib.sha256).hexdigest()
        else:
            raw = None
        h.update(headers or {})
        conn = self._connect(port)
        try:
            conn.request(method, "/api/v1" + path, body=raw, headers=h)
            r = conn.getresponse()
            data = r.read()
        finally:
            conn.close()
        ctype = r.getheader("Content-Type") or ""
        return r.status, (json.loads(data) if ctype.startswith("application/json") else data)

    def hello(self, **kw):
        return self.request("GET", "/hello", **kw)

    def batch(self, events, batch_id=None, head=None, sent_at=None):
        b = {"store": self.store, "batch": batch_id or str(uuid.uuid4()),
             "sent_at": sent_at if sent_at is not None else int(time.time() * 1000), "events": events}
        if head:
            b["audit_head"] = head
        return b

    def send(self, batch, **kw):
        return self.request("POST", "/events", body=batch, **kw)


def sale_payload(sale_id, kind, day, total, tenders, lines=None, reverses=None):
    lines = lines if lines is not None else [
        {"line": 1, "item": "SVC-01", "name": "洗剪吹", "kind": "service", "category": "hair", "qty": 1,
         "unit_price": total, "gross": total, "benefit": "none", "benefit_amount": 0, "manual_discount": 0,
         "adjustment": 0, "net": total, "staff": [{"code": "T01", "share_bp": 10000}]}]
    p = {"id": sale_id, "kind": kind, "business_day": day, "completed_at": day + " 10:00",
         "recorded_at": day + " 10:00", "completed_at_ms": 1764806399000, "cashier": "A01", "customer": None,
         "lines": lines, "totals": {"gross": total, "benefits": 0, "line_discounts": 0, "order_discount": 0,
                                    "subtotal": total, "tax": 0, "tax_inclusive": True, "rounding": 0, "total": total},
         "tenders": [{"type": t, "amount": a} for t, a in tenders], "change": 0, "points_earned": 0}
    if reverses:
        p["reverses"] = reverses
    return p


EVENT_TYPE = {"sale": "sale.settled", "void": "sale.voided", "refund": "sale.refunded",
              "arrears_settlement": "arrears.settled"}


def event(store, type_, day, payload, event_id=None):
    store.seq += 1
    return {"id": event_id or (payload.get("id") if isinstance(payload, dict) and "id" in payload else str(uuid.uuid4())),
            "seq": store.seq, "type": type_, "at": 1764806399000, "day": day, "payload": payload}


def sale_event(store, kind, day, total, tenders, reverses=None):
    sid = str(uuid.uuid4())
    return event(store, EVENT_TYPE[kind], day, sale_payload(sid, kind, day, total, tenders, reverses=reverses), sid)


class Sandbox:
    """salon-hq sandbox in a fresh /tmp folder; always stopped (use as a context manager)."""

    def __init__(self):
        self.dir = tempfile.mkdtemp(prefix="salon-hq-test.")

    def __enter__(self):
        out = subprocess.run([HQ_BIN, "sandbox", "--dir", self.dir], capture_output=True, text=True, timeout=120)
        if out.returncode != 0:
            self.__exit__(None, None, None)
            raise RuntimeError("sandbox failed: " + out.stdout + out.stderr)
        info = json.loads(out.stdout.strip().splitlines()[-1])
        self.hq, self.pg, self.code = info["hq"], info["pg"], info["code"]
        self.inbound_secret = info.get("sms_inbound_secret")
        return self

    def __exit__(self, *exc):
        if os.environ.get("SALON_HQ_KEEP_LOG") and os.path.exists(os.path.join(self.dir, "serve.log")):
            print(open(os.path.join(self.dir, "serve.log")).read())
        subprocess.run([HQ_BIN, "sandbox", "--dir", self.dir, "--stop"], capture_output=True, timeout=120)
        subprocess.run(["rm", "-rf", self.dir])

    def run(self, *args, check=True):
        out = subprocess.run([HQ_BIN, *args, "--pg", self.pg], capture_output=True, text=True, timeout=60)
        if check and out.returncode != 0:
            raise RuntimeError(" ".join(args) + " failed: " + out.stdout + out.stderr)
        return out

    def psql(self, sql):
        out = subprocess.run(["/usr/lib/postgresql/15/bin/psql", self.pg, "-XAtq", "-v", "ON_ERROR_STOP=1", "-c", sql],
                             capture_output=True, text=True, timeout=60)
        if out.returncode != 0:
            raise RuntimeError(sql + ": " + out.stderr)
        return out.stdout.strip()


# --- online booking (issue 19): the customers' side, /api/public/v1 ---------------

def local_day(offset_days=0, zone_minutes=480):
    """The store's calendar day (UTC+8 by default) offset_days from today."""
    import datetime
    t = datetime.datetime.utcnow() + datetime.timedelta(minutes=zone_minutes, days=offset_days)
    return t.strftime("%Y-%m-%d")


def local_ms(day, hhmm, zone_minutes=480):
    """ms since the epoch of DAY HH:MM in the store's zone."""
    import calendar
    import datetime
    t = datetime.datetime.strptime(day + " " + hhmm, "%Y-%m-%d %H:%M")
    return (calendar.timegm(t.timetuple()) - zone_minutes * 60) * 1000


class SandboxTest(unittest.TestCase):
    """Test cases sharing one throwaway head office (PostgreSQL + salon-hq) per class."""

    @classmethod
    def setUpClass(cls):
        cls.box = Sandbox().__enter__()

    @classmethod
    def tearDownClass(cls):
        cls.box.__exit__(None, None, None)


class Customer:
    """A phone browser talking to /api/public/v1: no pinning, keeps its cookie."""

    def __init__(self, url, address=None):
        hostport = url[len("https://"):]
        self.host, port = hostport.rsplit(":", 1)
        self.port = int(port)
        self.cookie = None
        self.address = address  # X-Forwarded-For is NOT trusted by HQ; kept for clarity only

    def request(self, method, path, body=None):
        ctx = ssl.create_default_context()
        ctx.check_hostname = False
        ctx.verify_mode = ssl.CERT_NONE
        conn = http.client.HTTPSConnection(self.host, self.port, context=ctx, timeout=30)
        h = {}
        raw = None
        if body is not None:
            raw = json.dumps(body).encode()
            h["Content-Type"] = "application/json"
        if self.cookie:
            h["Cookie"] = self.cookie
        try:
            conn.request(method, path, body=raw, headers=h)
            r = conn.getresponse()
            data = r.read()
        finally:
            conn.close()
        set_cookie = r.getheader("Set-Cookie")
        if set_cookie:
            self.cookie = set_cookie.split(";", 1)[0]
        ctype = r.getheader("Content-Type") or ""
        return r.status, (json.loads(data) if ctype.startswith("application/json") else data)

    def slots(self, store, service, day):
        return self.request("GET", "/api/public/v1/stores/%s/slots?service=%s&date=%s" % (store, service, day))

    def ask_code(self, phone):
        return self.request("POST", "/api/public/v1/codes", {"phone": phone})

    def book(self, **fields):
        return self.request("POST", "/api/public/v1/bookings", fields)

    def booking(self, booking_id):
        return self.request("GET", "/api/public/v1/bookings/" + booking_id)

    def bookings(self):
        return self.request("GET", "/api/public/v1/bookings")

    def cancel(self, booking_id):
        return self.request("POST", "/api/public/v1/bookings/%s/cancel" % booking_id, {})

    def move(self, booking_id, **fields):
        return self.request("POST", "/api/public/v1/bookings/%s/move" % booking_id, fields)


def book_online(box, phone, day, start, service="SVC-01", lang="zh-Hans", marketing=False, name="陈女士"):
    """Asks a code, reads it from the fake SMS folder and books; (customer, booking id)."""
    web = Customer(box.hq)
    web.ask_code(phone)
    status, body = web.book(store="S01", service=service, date=day, start=start, staff=None, phone=phone,
                            code=last_code(box, phone), name=name, privacy_consent=True, marketing_opt_in=marketing,
                            lang=lang)
    if status != 200:
        raise AssertionError("booking failed: %s %s" % (status, body))
    return web, body["booking"]


def sms_reply(box, phone, text, msg_id=None, at=None, secret=None):
    """The SMS provider forwarding a customer's reply to HQ (POST /api/sms/v1/inbound, signed)."""
    raw = json.dumps({"id": msg_id or str(uuid.uuid4()), "from": phone, "text": text,
                      "at": at if at is not None else int(time.time() * 1000)}, ensure_ascii=False).encode()
    sig = hmac.new((secret or box.inbound_secret).encode(), raw, hashlib.sha256).hexdigest()
    hostport = box.hq[len("https://"):]
    host, port = hostport.rsplit(":", 1)
    ctx = ssl.create_default_context()
    ctx.check_hostname = False
    ctx.verify_mode = ssl.CERT_NONE
    conn = http.client.HTTPSConnection(host, int(port), context=ctx, timeout=30)
    try:
        conn.request("POST", "/api/sms/v1/inbound", body=raw,
                     headers={"Content-Type": "application/json", "X-Sms-Signature": sig})
        r = conn.getresponse()
        return r.status, json.loads(r.read())
    finally:
        conn.close()


def sms_messages(box, phone=None):
    """The fake provider's messages, oldest first."""
    out = []
    folder = os.path.join(box.dir, "sms")
    if not os.path.isdir(folder):
        return out
    for name in sorted(os.listdir(folder)):
        if name.endswith(".json"):
            with open(os.path.join(folder, name)) as f:
                m = json.load(f)
            if phone is None or m["phone"] == phone:
                out.append(m)
    return out


def last_code(box, phone):
    import re
    msgs = [m for m in sms_messages(box, phone) if m["template"] == "code"]
    return re.search(r"\b(\d{6})\b", msgs[-1]["text"]).group(1) if msgs else None


def move_clock(box, ms):
    """Moves salon-hq's clock (the sandbox's --clock-file) forward by ms."""
    path = os.path.join(box.dir, "clock.offset")
    now = 0
    if os.path.exists(path):
        with open(path) as f:
            now = int(f.read().strip() or 0)
    with open(path, "w") as f:
        f.write(str(now + ms))


def open_store_online(box, store="S01", staff=("T01", "T02"), open_at="09:00", close_at="12:00"):
    """S01 takes online bookings of SVC-01 (60 min, anyone) and SVC-02 (30 min, T02 only)."""
    box.run("catalog", "set", "SVC-01", "--name", "洗剪吹", "--price", "38.00", "--category", "hair")
    box.run("catalog", "set", "SVC-02", "--name", "染发", "--price", "128.00", "--category", "hair")
    box.run("online", "service", "SVC-01", "--minutes", "60", "--staff", "")
    box.run("online", "service", "SVC-02", "--minutes", "30", "--staff", "T02")
    for code in staff:
        box.run("staff", "add", code, "--name", "美发师" + code, "--role", "beautician", "--stores", store)
    box.run("online", "setting", store, "online.enabled", "true")
    box.run("online", "setting", store, "appointments.open", open_at)
    box.run("online", "setting", store, "appointments.close", close_at)
