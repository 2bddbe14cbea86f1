"""A fortnight of two stores for the owner's dashboard tests (issue 18): sales with
services and staff shares, a void and a refund, customers new and returning,
members' stored value sold in S01 and used in S02, packages, consumption records
on time and late, services recorded in and out of their 30 minutes, audit heads.
`load(box)` sends it through the sync API like kiosks and returns hand-computed figures."""
import subprocess
import uuid

import hq_client as hq

FROM, TO = "2026-11-16", "2026-11-29"   # the period the dashboard shows (14 days)
PREV = "2026-11-05"                     # a day of the previous fortnight
MONTH = "2026-11"
PASSWORD = "dashboard-pass-1"


def line(n, item, name, net, staff):
    return {"line": n, "item": item, "name": name, "kind": "service", "category": "hair", "qty": 1, "unit_price": net,
            "gross": net, "benefit": "none", "benefit_amount": 0, "manual_discount": 0, "adjustment": 0, "net": net,
            "staff": [{"code": c, "share_bp": bp} for c, bp in staff]}


def sale(store, day, lines, tenders, customer=None, kind="sale", reverses=None, movements=None, recorded="10:05"):
    sid = str(uuid.uuid4())
    total = sum(l["net"] for l in lines)
    p = hq.sale_payload(sid, kind, day, total, tenders, lines=lines, reverses=reverses)
    p["recorded_at"] = day + " " + recorded
    if customer:
        p["customer"] = {"id": customer[0], "name": "顾客", "tier": "", "birthday_offer": False, "member_no": customer[1]}
    if movements:
        p["movements"] = movements
    return hq.event(store, hq.EVENT_TYPE[kind], day, p, sid)


def sv(reason, principal, bonus):
    return {"kind": "stored_value", "reason": reason, "principal": principal, "bonus": bonus}


def service_events(store, day, service_id, minutes_late):
    finished = hq.event(store, "service.finished", day, {"service": service_id, "staff": "T01"})
    finished["at"] = hq.local_ms(day, "11:00")
    recorded = hq.event(store, "service.recorded", day, {"service": service_id})
    recorded["at"] = finished["at"] + minutes_late * 60000
    return [finished, recorded]


def add_user(box, login, role, *extra):
    out = subprocess.run([hq.HQ_BIN, "user", "add", login, "--role", role, "--pg", box.pg, *extra],
                         input=PASSWORD + "\n", capture_output=True, text=True, timeout=60)
    if out.returncode != 0:
        raise RuntimeError(out.stderr)


def send(store, events, head=None):
    status, body = store.send(store.batch(events, head=head))
    assert status == 200 and body["quarantined"] == 0, body


def load(box):
    """Enrols S02 (S01 is the sandbox's), sends the data, adds the logins; returns the figures."""
    s1 = hq.Store(box.code)
    s2 = hq.Store(box.run("store", "add", "S02", "--name", "二店", "--no-qr").stdout.splitlines()[0])
    box.run("staff", "add", "T01", "--name", "王师傅", "--role", "beautician", "--stores", "S01,S02")
    box.run("staff", "add", "T02", "--name", "李师傅", "--role", "beautician", "--stores", "S01,S02")
    cut, dye = ("SVC-01", "洗剪吹"), ("SVC-02", "染发")
    m1, m2 = "M01000001", "M01000002"
    prev = [sale(s1, PREV, [line(1, *cut, 3800, [("T01", 10000)])], [("cash", 3800)], customer=(1, "")),
            sale(s1, PREV, [line(1, *cut, 3800, [("T02", 10000)])], [("cash", 3800)], customer=(2, "")),
            sale(s1, PREV, [line(1, *cut, 3800, [("T02", 10000)])], [("cash", 3800)], customer=(5, ""))]
    top1 = sale(s1, "2026-11-16", [line(1, "TOPUP", "储值充值", 100000, [])], [("cash", 100000)], customer=(3, m1),
                movements=[sv("top_up", 100000, 20000), {"kind": "package", "reason": "buy", "package": "P-1/1",
                                                          "service": "SVC-01", "sessions": 10, "expires": "2027-11-16"}])
    top2 = sale(s1, "2026-11-16", [line(1, "TOPUP", "储值充值", 50000, [])], [("wechat", 50000)], customer=(4, m2),
                movements=[sv("top_up", 50000, 5000)])
    a = sale(s1, "2026-11-17", [line(1, *cut, 3800, [("T01", 10000)]), line(2, *dye, 12800, [("T01", 5000), ("T02", 5000)])],
             [("wechat", 16600)], customer=(1, ""))
    b = sale(s1, "2026-11-17", [line(1, *dye, 12800, [("T02", 10000)])], [("cash", 12800)], customer=(6, ""), recorded="10:30")
    v = sale(s1, "2026-11-17", [line(1, *dye, -12800, [("T02", 10000)])], [("cash", -12800)], kind="void", reverses=b["id"])
    c = sale(s1, "2026-11-20", [line(1, *cut, 3800, [("T02", 10000)])], [("cash", 3800)], customer=(2, ""))
    send(s1, prev + [top1, top2, a, b, v, c] + service_events(s1, "2026-11-17", "svc-a", 20)
         + service_events(s1, "2026-11-20", "svc-b", 45), head={"seq": 40, "hash": "ab12"})
    # S02: a member of S01 spends stored value there; a refund; a new customer.
    d = sale(s2, "2026-11-18", [line(1, *dye, 12800, [("T02", 10000)])], [("stored_value", 12800)], customer=(1, m1),
             movements=[sv("spend", -10700, -2100), {"kind": "package", "reason": "use", "package": "P-1/1", "sessions": -1}])
    e = sale(s2, "2026-11-18", [line(1, *cut, 3800, [("T01", 10000)])], [("alipay", 3800)], customer=(2, ""))
    r = sale(s2, "2026-11-25", [line(1, *cut, -3800, [("T01", 10000)])], [("alipay", -3800)], kind="refund", reverses=e["id"])
    f = sale(s2, "2026-11-29", [line(1, *cut, 3800, [("T01", 10000)])], [("stored_value", 3800)], customer=(3, m2),
             movements=[sv("spend", -3500, -300)])
    send(s2, [d, e, r, f] + service_events(s2, "2026-11-18", "svc-c", 5), head={"seq": 12, "hash": "cd34"})
    add_user(box, "owner", "owner", "--name", "陈总")
    add_user(box, "finance", "finance", "--name", "财务小周")
    add_user(box, "area2", "area_manager", "--name", "区域经理", "--stores", "S02")
    return {
        "gross": {("S01", "2026-11-16"): 150000, ("S01", "2026-11-17"): 16600, ("S01", "2026-11-20"): 3800,
                  ("S02", "2026-11-18"): 16600, ("S02", "2026-11-25"): -3800, ("S02", "2026-11-29"): 3800},
        "by_service": {"TOPUP": 150000, "SVC-02": 12800 + 12800 - 12800 + 12800, "SVC-01": 3800 + 3800 + 3800 - 3800 + 3800},
        # T01: 3800 + 6400 (half of 12800) + 3800 - 3800 + 3800 at S02; T02: 6400 + 12800 - 12800 + 3800 + 12800
        "by_staff": {"T01": 3800 + 6400 + 3800 - 3800 + 3800, "T02": 6400 + 12800 - 12800 + 3800 + 12800},
        "liability": {"S01": (100000 + 50000 - 10700 - 3500, 20000 + 5000 - 2100 - 300)},
        "package_sessions": {"S01": 10 - 1},
        # S01 in the period: customers 1 (returning), 2 (returning), 3, 4 (new), 6 (new; its sale voided still counts
        # as a visit); previous fortnight 1, 2, 5 → 1 and 2 came back: 2/3.
        "customers": {"S01": {"customers": 5, "new": 3, "returning": 2, "previous": 3, "retained": 2, "retention_bp": 6666},
                      "S02": {"customers": 3, "new": 3, "returning": 0, "previous": 0, "retained": 0, "retention_bp": None}},
        # S01 sold the value used in S02: S01 owes S02 the principal (bonus not settled by default).
        "settlement": {("S01", "S02"): 10700 + 3500},
        # S01: sales due 5 in the period (top-ups and sales; the void is not a sale.settled), b late (recorded
        # after 30 minutes); services 2, svc-b late (45 minutes) → (4 + 1) / 7; S02: 3 sales and 1 service on time.
        "on_time_bp": {"S01": 5 * 10000 // 7, "S02": 10000},
    }
