// The owner's dashboard (issue 18): alerts (overdraws made arrears, debits whose sale
// never came, quarantined events), sales, liabilities, customers, the cross-store
// settlement, record-keeping and sync health (with each store's events waiting), from /api/dashboard/v1. Charts are
// ECharts (served by salon-hq from npm, no CDN). zh-Hans by default, zh-Hant, en.
"use strict";

const API = "/api/dashboard/v1";
const TEXT = {
  "zh-Hans": {
    csv: "导出 CSV",
    owner: "老板", finance: "财务", area_manager: "区域经理",
    title: "门店经营看板", signIn: "登录", signOut: "退出", login: "账号", password: "密码", from: "开始日期",
    to: "结束日期", month: "结算月份", refresh: "刷新", salesByDay: "各门店每日营业额（Z 报表）",
    salesByService: "按项目营业额", salesByStaff: "按员工营业额", liability: "储值与套餐负债（按售卡门店）",
    customers: "新客与回头客", settlement: "跨店结算", compliance: "数据记录合规（及时率 ≥ 98 %，差错率 < 1 %）",
    sync: "同步状态", store: "门店", gross: "营业额", principal: "本金", bonus: "赠送", sessions: "套餐剩余次数",
    newC: "新客", returning: "回头客", retention: "留存率", payerPayee: "售卡门店 \\ 消费门店", owes: "应付",
    owed: "应收", net: "净额", onTime: "及时率", errorRate: "差错率", notUploaded: "门店尚未上传",
    lastContact: "最后联系", stored: "已收事件", quarantined: "隔离事件", auditHead: "审计链头", skew: "时钟偏差",
    open: "未签字（实时计算）", signed: "已签字：{by}，{at}", skipped: "此月未签字，其款项计入下一个开放月份",
    sign: "签字确认 {m}", confirmSign: "再按一次确认签字 {m}", wrongLogin: "账号或密码错误", locked: "错误次数过多，请 15 分钟后再试",
    loaded: "已更新", asOf: "截至 {d}", rate: "赠送部分结算比例 {r} %", adjustment: "含往月调整 {a}", never: "从未", target: "目标",
    alerts: "需要处理的提醒", alertKind: "类型", overdraw: "透支转欠款", stale_debit: "扣款未见销售", member: "会员",
    amount: "金额", when: "时间（UTC）", seen: "已阅", markSeen: "标记已阅", noAlerts: "暂无提醒", points: "{p} 积分",
    quarantinedAt: "隔离事件：{s} 共 {n} 件（最近 {at}）", waiting: "待上传", unknown: "未知", syncNote: "红色：积压 5 分钟未减少，或 15 分钟以上未联系；未知：该门店收银机版本较旧，不报告积压。",
  },
  "zh-Hant": {
    csv: "匯出 CSV",
    owner: "老闆", finance: "財務", area_manager: "區域經理",
    title: "門店經營看板", signIn: "登入", signOut: "登出", login: "帳號", password: "密碼", from: "開始日期",
    to: "結束日期", month: "結算月份", refresh: "重新整理", salesByDay: "各門店每日營業額（Z 報表）",
    salesByService: "按項目營業額", salesByStaff: "按員工營業額", liability: "儲值與套餐負債（按售卡門店）",
    customers: "新客與回頭客", settlement: "跨店結算", compliance: "資料記錄合規（及時率 ≥ 98 %，差錯率 < 1 %）",
    sync: "同步狀態", store: "門店", gross: "營業額", principal: "本金", bonus: "贈送", sessions: "套餐剩餘次數",
    newC: "新客", returning: "回頭客", retention: "留存率", payerPayee: "售卡門店 \\ 消費門店", owes: "應付",
    owed: "應收", net: "淨額", onTime: "及時率", errorRate: "差錯率", notUploaded: "門店尚未上傳",
    lastContact: "最後聯絡", stored: "已收事件", quarantined: "隔離事件", auditHead: "稽核鏈頭", skew: "時鐘偏差",
    open: "未簽字（即時計算）", signed: "已簽字：{by}，{at}", skipped: "此月未簽字，其款項計入下一個開放月份",
    sign: "簽字確認 {m}", confirmSign: "再按一次確認簽字 {m}", wrongLogin: "帳號或密碼錯誤", locked: "錯誤次數過多，請 15 分鐘後再試",
    loaded: "已更新", asOf: "截至 {d}", rate: "贈送部分結算比例 {r} %", adjustment: "含往月調整 {a}", never: "從未", target: "目標",
    alerts: "需要處理的提醒", alertKind: "類型", overdraw: "透支轉欠款", stale_debit: "扣款未見銷售", member: "會員",
    amount: "金額", when: "時間（UTC）", seen: "已閱", markSeen: "標記已閱", noAlerts: "暫無提醒", points: "{p} 點數",
    quarantinedAt: "隔離事件：{s} 共 {n} 件（最近 {at}）", waiting: "待上傳", unknown: "未知", syncNote: "紅色：積壓 5 分鐘未減少，或 15 分鐘以上未聯絡；未知：該門店收銀機版本較舊，不回報積壓。",
  },
  en: {
    csv: "Export CSV",
    owner: "Owner", finance: "Finance", area_manager: "Area manager",
    title: "Salon chain dashboard", signIn: "Sign in", signOut: "Sign out", login: "Login", password: "Password",
    from: "From", to: "To", month: "Settlement month", refresh: "Refresh", salesByDay: "Sales by store and day (Z reports)",
    salesByService: "Sales by service", salesByStaff: "Sales by staff", liability: "Stored value and package liability (by selling store)",
    customers: "New and returning customers", settlement: "Cross-store settlement",
    compliance: "Record-keeping (on time ≥ 98 %, errors < 1 %)", sync: "Sync health", store: "Store", gross: "Sales",
    principal: "Principal", bonus: "Bonus", sessions: "Package sessions left", newC: "New", returning: "Returning",
    retention: "Retention", payerPayee: "Sold by \\ used at", owes: "Owes", owed: "Is owed", net: "Net",
    onTime: "On time", errorRate: "Error rate", notUploaded: "not uploaded by stores yet", lastContact: "Last contact",
    stored: "Events stored", quarantined: "Quarantined", auditHead: "Audit head", skew: "Clock skew",
    open: "Open (computed live)", signed: "Signed by {by} at {at}", skipped: "Never signed: its amounts are in the next open month",
    sign: "Sign {m}", confirmSign: "Press again to sign {m}", wrongLogin: "Wrong login or password",
    locked: "Too many wrong passwords: try again in 15 minutes", loaded: "Updated", asOf: "as of {d}",
    rate: "Bonus settled at {r} %", adjustment: "incl. earlier months {a}", never: "never", target: "target",
    alerts: "Alerts", alertKind: "Kind", overdraw: "Overdraw made arrears", stale_debit: "Debit, no sale came", member: "Member",
    amount: "Amount", when: "When (UTC)", seen: "Seen", markSeen: "Mark seen", noAlerts: "No alerts", points: "{p} points",
    quarantinedAt: "Quarantined: {s}, {n} event(s) (last {at})", waiting: "Events waiting", unknown: "unknown", syncNote: "Red: a backlog not going down for 5 minutes, or no contact for 15 minutes; unknown: an older kiosk that does not report its backlog.",
  },
};

let lang = localStorage.getItem("dashboard.lang") || "zh-Hans";
let me = null;
let data = {};
const charts = {};

const $ = (id) => document.getElementById(id);
const t = (key, vars) => (TEXT[lang][key] || key).replace(/\{(\w+)\}/g, (_, k) => (vars || {})[k]);
const yuan = (fen) => (fen / 100).toFixed(2);
const pct = (bp) => (bp === null || bp === undefined ? "—" : (bp / 100).toFixed(2) + " %");

async function api(path, body) {
  const init = body === undefined ? {} : { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) };
  const res = await fetch(API + path, init);
  const json = await res.json();
  if (!res.ok) throw Object.assign(new Error(json.message), { status: res.status, code: json.error });
  return json;
}

function cell(tag, text, attrs) {
  const e = document.createElement(tag);
  e.textContent = text;
  for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, v);
  return e;
}

function fillTable(table, head, rows) {
  table.replaceChildren();
  const tr = document.createElement("tr");
  head.forEach((h) => tr.append(cell("th", h)));
  table.append(tr);
  for (const r of rows) {
    const row = document.createElement("tr");
    r.forEach((c) => row.append(typeof c === "object" && c !== null ? cell("td", c.text, c.attrs) : cell("td", c)));
    table.append(row);
  }
}

function chart(id, option) {
  if (charts[id]) charts[id].dispose();
  charts[id] = echarts.init($(id), null, { renderer: "canvas", locale: lang === "en" ? "EN" : "ZH" });
  charts[id].setOption(Object.assign({ animation: false, tooltip: { trigger: "axis" }, grid: { left: 60, right: 16, top: 30, bottom: 30 } }, option));
}

function days(from, to) {
  const out = [];
  for (let d = new Date(from + "T00:00:00Z"); d <= new Date(to + "T00:00:00Z"); d.setUTCDate(d.getUTCDate() + 1)) out.push(d.toISOString().slice(0, 10));
  return out;
}

function drawSales() {
  const s = data.sales;
  const x = days(s.from, s.to);
  const stores = [...new Set(s.by_store_day.map((r) => r.store))].sort();
  chart("chart-sales-day", {
    legend: { top: 0 }, xAxis: { type: "category", data: x.map((d) => d.slice(5)) }, yAxis: { type: "value", name: "¥" },
    series: stores.map((st) => ({ name: st, type: "line", data: x.map((d) => {
      const r = s.by_store_day.find((v) => v.store === st && v.day === d);
      return r ? r.gross / 100 : 0;
    }) })),
  });
  chart("chart-service", { xAxis: { type: "category", data: s.by_service.map((r) => r.name) }, yAxis: { type: "value", name: "¥" },
    series: [{ name: t("gross"), type: "bar", data: s.by_service.map((r) => r.net / 100) }] });
  chart("chart-staff", { xAxis: { type: "category", data: s.by_staff.map((r) => r.name) }, yAxis: { type: "value", name: "¥" },
    series: [{ name: t("gross"), type: "bar", data: s.by_staff.map((r) => r.net / 100) }] });
}

function drawLiability() {
  const rows = data.liabilities.stores;
  chart("chart-liability", { legend: { top: 0 }, xAxis: { type: "category", data: rows.map((r) => r.store) }, yAxis: { type: "value", name: "¥" },
    series: [{ name: t("principal"), type: "bar", stack: "v", data: rows.map((r) => r.principal / 100) },
      { name: t("bonus"), type: "bar", stack: "v", data: rows.map((r) => r.bonus / 100) }] });
  fillTable($("table-liability"), [t("store") + " · " + t("asOf", { d: data.liabilities.as_of }), t("principal"), t("bonus"), t("sessions")],
    rows.map((r) => [r.store, { text: yuan(r.principal), attrs: { "data-principal": r.store, "data-fen": r.principal } },
      { text: yuan(r.bonus), attrs: { "data-bonus": r.store, "data-fen": r.bonus } }, String(r.package_sessions)]));
}

function drawCustomers() {
  const rows = data.customers.stores;
  chart("chart-customers", { legend: { top: 0 }, xAxis: { type: "category", data: rows.map((r) => r.store) }, yAxis: { type: "value" },
    series: [{ name: t("newC"), type: "bar", stack: "c", data: rows.map((r) => r.new) },
      { name: t("returning"), type: "bar", stack: "c", data: rows.map((r) => r.returning) }] });
  fillTable($("table-customers"), [t("store"), t("newC"), t("returning"), t("retention")],
    rows.map((r) => [r.store, String(r.new), String(r.returning), pct(r.retention_bp)]));
}

function drawSettlement() {
  const s = data.settlement;
  const amount = (a, b) => (s.cells.find((c) => c.payer === a && c.payee === b) || { amount: 0 }).amount;
  const owes = (a) => s.cells.filter((c) => c.payer === a).reduce((n, c) => n + c.amount, 0);
  fillTable($("table-settlement"), [t("payerPayee"), ...s.stores, t("owes")],
    [...s.stores.map((a) => [a, ...s.stores.map((b) => ({ text: a === b ? "—" : yuan(amount(a, b)), attrs: { "data-payer": a, "data-payee": b, "data-fen": amount(a, b) } })), yuan(owes(a))]),
      [t("net"), ...s.stores.map((b) => (b in s.net ? { text: yuan(s.net[b]), attrs: { "data-net": b, "data-fen": s.net[b] } } : "—")), ""]]);
  const mine = s.stores.filter((b) => b in s.net);
  chart("chart-settlement", { xAxis: { type: "category", data: mine }, yAxis: { type: "value", name: "¥" },
    series: [{ name: t("net"), type: "bar", data: mine.map((b) => s.net[b] / 100) }] });
  const adj = s.cells.reduce((n, c) => n + c.adjustment, 0);
  $("settlement-state").textContent = s.month + " · " + (s.status === "signed" ? t("signed", { by: s.signed_by, at: s.signed_at }) : t(s.status)) +
    " · " + t("rate", { r: s.bonus_rate_bp / 100 }) + (adj ? " · " + t("adjustment", { a: yuan(adj) }) : "");
  $("settlement-state").dataset.status = s.status;
  $("csv").href = API + "/settlement.csv?month=" + encodeURIComponent(s.month);
  const sign = $("sign");
  sign.hidden = !(me.may_sign && s.status === "open");
  sign.dataset.armed = "";
  sign.textContent = t("sign", { m: s.month });
}

function drawCompliance() {
  const c = data.compliance;
  chart("chart-compliance", { xAxis: { type: "category", data: c.stores.map((r) => r.store) }, yAxis: { type: "value", min: 0, max: 100, name: "%" },
    grid: { left: 60, right: 40, top: 30, bottom: 30 },
    series: [{ name: t("onTime"), type: "bar", data: c.stores.map((r) => ({ value: r.on_time_bp === null ? 0 : r.on_time_bp / 100,
      itemStyle: { color: r.on_time_bp !== null && r.on_time_bp < c.target_on_time_bp ? "#d9534f" : "#3f9b5b" } })),
      markLine: { silent: true, symbol: "none", label: { formatter: t("target") + " {c} %", position: "insideEndTop" },
        data: [{ yAxis: c.target_on_time_bp / 100 }] } }] });
  fillTable($("table-compliance"), [t("store"), t("onTime"), t("errorRate")],
    c.stores.map((r) => [r.store, { text: pct(r.on_time_bp), attrs: { class: r.on_time_bp !== null && r.on_time_bp < c.target_on_time_bp ? "bad" : "good" } },
      r.error_bp === null ? t("notUploaded") : pct(r.error_bp)]));
}

const when = (iso) => iso.replace("T", " ").replace("Z", "");

function alertRow(a) {
  const fen = a.kind === "overdraw" ? a.arrears : a.stored_value;
  const seen = a.seen_by ? { text: a.seen_by + " · " + when(a.seen_at), attrs: { "data-seen-by": a.id } }
    : data.alerts.may_mark_seen ? { text: t("markSeen"), attrs: { "data-mark-seen": a.id } } : "—";
  return { attrs: { "data-alert": a.id, class: a.seen_by ? "seen" : "unseen" }, cells: [t(a.kind), a.store, a.member_no,
    { text: "¥" + yuan(fen) + (a.points ? " + " + t("points", { p: a.points }) : ""), attrs: { "data-alert-amount": a.id, "data-fen": fen } },
    when(a.at), seen] };
}

function drawAlerts() {
  const al = data.alerts;
  const rows = [...al.overdraws.map((a) => Object.assign({ kind: "overdraw" }, a)), ...al.stale_debits.map((a) => Object.assign({ kind: "stale_debit" }, a))]
    .sort((a, b) => (a.at < b.at ? 1 : -1)).map(alertRow);
  const table = $("table-alerts");
  fillTable(table, [t("alertKind"), t("store"), t("member"), t("amount"), t("when"), t("seen")], rows.map((r) => r.cells));
  [...table.querySelectorAll("tr")].slice(1).forEach((tr, i) => { for (const [k, v] of Object.entries(rows[i].attrs)) tr.setAttribute(k, v); });
  table.querySelectorAll("[data-mark-seen]").forEach((td) => {
    const b = cell("button", td.textContent, { type: "button", "data-mark-seen": td.dataset.markSeen });
    td.removeAttribute("data-mark-seen");
    td.replaceChildren(b);
    b.addEventListener("click", () => markSeen(b.dataset.markSeen));
  });
  $("alerts-none").hidden = rows.length > 0;
  $("alerts-quarantine").replaceChildren(...al.quarantined.map((q) => cell("li", t("quarantinedAt", { s: q.store, n: q.events, at: when(q.last_at) }),
    { "data-quarantined": q.store, "data-events": q.events })));
}

async function markSeen(id) {
  try {
    await api("/alerts/seen", { id });
    data.alerts = await api("/alerts");
    $("alerts-error").textContent = "";
    drawAlerts();
  } catch (e) {
    $("alerts-error").textContent = e.message;
  }
}

function drawSync() {
  fillTable($("table-sync"), [t("store"), t("lastContact"), t("stored"), t("waiting"), t("quarantined"), t("auditHead"), t("skew")],
    data.sync.stores.map((r) => [r.store + " " + r.name,
      { text: r.last_contact ? when(r.last_contact) : t("never"), attrs: r.contact_old ? { class: "bad", "data-contact-old": r.store } : {} },
      String(r.stored_through),
      { text: r.events_waiting === null ? t("unknown") : String(r.events_waiting),
        attrs: Object.assign({ "data-waiting": r.store, "data-count": r.events_waiting === null ? "" : r.events_waiting },
          r.backlog_growing ? { class: "bad", "data-growing": "yes" } : {}) },
      { text: String(r.quarantined), attrs: r.quarantined ? { class: "bad" } : {} },
      r.audit_head === null ? "—" : "#" + r.audit_head, { text: Math.round(r.clock_skew_ms / 1000) + " s", attrs: Math.abs(r.clock_skew_ms) > 300000 ? { class: "bad" } : {} }]));
}

let loadedAt = null;

function drawAll() {
  drawAlerts(); drawSales(); drawLiability(); drawCustomers(); drawSettlement(); drawCompliance(); drawSync();
  $("who").textContent = me.name + " · " + t(me.role);
  $("status").textContent = loadedAt ? t("loaded") + " " + loadedAt.toLocaleTimeString(lang) : "";
}

async function load() {
  $("status").dataset.loaded = "no";
  const q = "?from=" + $("from").value + "&to=" + $("to").value;
  const [sales, liabilities, customers, compliance, sync, settlement, alerts] = await Promise.all([
    api("/sales" + q), api("/liabilities" + q), api("/customers" + q), api("/compliance" + q), api("/sync" + q),
    api("/settlement?month=" + $("month").value), api("/alerts")]);
  data = { sales, liabilities, customers, compliance, sync, settlement, alerts };
  loadedAt = new Date();
  drawAll();
  $("status").dataset.loaded = "yes";
}

function translate() {
  document.documentElement.lang = lang;
  document.title = t("title");
  document.querySelectorAll("[data-t]").forEach((e) => { e.textContent = t(e.dataset.t); });
  document.querySelectorAll("[data-lang]").forEach((b) => b.setAttribute("aria-pressed", String(b.dataset.lang === lang)));
}

function shiftDay(day, n) {
  const d = new Date(day + "T00:00:00Z");
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

async function start() {
  try {
    me = await api("/me");
  } catch (e) {
    $("login").hidden = false; $("board").hidden = true; $("sign-out").hidden = true;
    return;
  }
  $("login").hidden = true; $("board").hidden = false; $("sign-out").hidden = false;
  $("who").textContent = me.name + " · " + t(me.role);
  const to = me.latest_day || new Date().toISOString().slice(0, 10);
  if (!$("to").value) { $("to").value = to; $("from").value = shiftDay(to, -13); $("month").value = to.slice(0, 7); }
  await load();
}

$("login").addEventListener("submit", async (ev) => {
  ev.preventDefault();
  try {
    await api("/sessions", { login: $("login-name").value, password: $("login-password").value });
    $("login-error").textContent = "";
    await start();
  } catch (e) {
    $("login-error").textContent = t(e.status === 429 ? "locked" : "wrongLogin");
  }
});
$("filters").addEventListener("submit", (ev) => { ev.preventDefault(); load(); });
$("sign-out").addEventListener("click", async () => { await api("/sessions/end", {}); location.reload(); });
$("sign").addEventListener("click", async () => {
  const b = $("sign");
  if (!b.dataset.armed) { b.dataset.armed = "1"; b.textContent = t("confirmSign", { m: data.settlement.month }); return; }
  try {
    data.settlement = await api("/settlement/sign", { month: data.settlement.month });
    $("sign-error").textContent = "";
    drawSettlement();
  } catch (e) {
    $("sign-error").textContent = e.message;
  }
});
document.querySelectorAll("[data-lang]").forEach((b) => b.addEventListener("click", () => {
  lang = b.dataset.lang;
  localStorage.setItem("dashboard.lang", lang);
  translate();
  if (me && data.sales) drawAll();
}));
window.addEventListener("resize", () => Object.values(charts).forEach((c) => c.resize()));
translate();
start();
