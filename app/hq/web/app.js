// The customers' booking page (issue 19): store → service → date → slot → phone
// and code → consent → booked, the booking's own page (#/booking/ID), my bookings
// (#/mine) and my membership (#/account: figures and applications). Plain
// JavaScript, no library; talks only to /api/public/v1 on this origin. The privacy
// notice is the kiosk's own text (/web/<lang>.ui_checkin.json).
"use strict";

const WORDS = {
  "zh-Hans": {
    title: "在线预约", stores: "选择门店", services: "选择服务", when: "选择日期和时间", who: "服务人员", any: "任意",
    minutes: "分钟", noSlots: "这一天已约满，请换一天", details: "填写信息", phone: "手机号码", code: "验证码",
    sendCode: "获取验证码", resend: "重新获取", name: "您的称呼", agree: "我已阅读并同意隐私告知",
    book: "确认预约", next: "下一步", back: "返回", codeSent: "验证码已发送，5 分钟内有效", pending: "待门店确认",
    confirmed: "已确认", declined: "未成功", cancelled: "已取消", yours: "您的预约", store: "门店", service: "服务",
    date: "日期", time: "时间", staff: "服务人员", refresh: "刷新", again: "再约一次", waiting: "门店确认后会短信通知您。",
    onlineNote: "不同意隐私告知则无法在线预约，您可以致电门店预约。", mon: "一二三四五六日",
    today: "今天", tomorrow: "明天",
    errors: { slot_taken: "这个时间刚被约走了，请另选时间", code_invalid: "验证码不对或已过期",
      code_locked: "验证码错误次数太多，请 15 分钟后再试", rate_limited: "请求太频繁，请稍后再试",
      consent_required: "首次预约请先阅读并同意隐私告知", phone_invalid: "请输入正确的手机号码",
      not_found: "没有找到", too_late: "已过可改期/取消的时间，请致电门店", not_changeable: "这个预约现在不能更改", signed_out: "请先登录", network: "网络不太好，请重试", other: "出了点问题，请重试" },
    reasons: { store_offline: "门店未能及时确认，请重新选择时间", slot_taken: "该时间已被占用", moved: "已改期", customer: "您已取消" },
    mine: "我的预约", signIn: "输入手机号和验证码查看您的预约", show: "查看我的预约", none: "还没有预约",
    move: "改期", cancel: "取消预约", sure: "确认取消？", moveTo: "改到这个时间", moving: "改期待门店确认，原预约保留到门店确认",
    movedFrom: "改期申请", until: "可改期或取消至", oldKept: "门店未接受改期，原预约不变",
    join: "申请入会", joinStore: "在哪家门店入会", applied: "已提交入会申请，门店审核后会联系您。", apply: "提交申请",
  },
  "zh-Hant": {
    title: "線上預約", stores: "選擇門店", services: "選擇服務", when: "選擇日期和時間", who: "服務人員", any: "任意",
    minutes: "分鐘", noSlots: "這一天已約滿，請換一天", details: "填寫資料", phone: "手機號碼", code: "驗證碼",
    sendCode: "取得驗證碼", resend: "重新取得", name: "您的稱呼", agree: "我已閱讀並同意隱私告知",
    book: "確認預約", next: "下一步", back: "返回", codeSent: "驗證碼已發送，5 分鐘內有效", pending: "待門店確認",
    confirmed: "已確認", declined: "未成功", cancelled: "已取消", yours: "您的預約", store: "門店", service: "服務",
    date: "日期", time: "時間", staff: "服務人員", refresh: "重新整理", again: "再約一次", waiting: "門店確認後會以短訊通知您。",
    onlineNote: "不同意隱私告知則無法線上預約，您可以致電門店預約。", mon: "一二三四五六日",
    today: "今天", tomorrow: "明天",
    errors: { slot_taken: "這個時間剛被約走了，請另選時間", code_invalid: "驗證碼不對或已過期",
      code_locked: "驗證碼錯誤次數太多，請 15 分鐘後再試", rate_limited: "請求太頻繁，請稍後再試",
      consent_required: "首次預約請先閱讀並同意隱私告知", phone_invalid: "請輸入正確的手機號碼",
      not_found: "沒有找到", too_late: "已過可改期/取消的時間，請致電門店", not_changeable: "這個預約現在不能更改", signed_out: "請先登入", network: "網絡不太好，請重試", other: "出了點問題，請重試" },
    reasons: { store_offline: "門店未能及時確認，請重新選擇時間", slot_taken: "該時間已被佔用", moved: "已改期", customer: "您已取消" },
    mine: "我的預約", signIn: "輸入手機號碼和驗證碼查看您的預約", show: "查看我的預約", none: "還沒有預約",
    move: "改期", cancel: "取消預約", sure: "確認取消？", moveTo: "改到這個時間", moving: "改期待門店確認，原預約保留到門店確認",
    movedFrom: "改期申請", until: "可改期或取消至", oldKept: "門店未接受改期，原預約不變",
    join: "申請入會", joinStore: "在哪家門店入會", applied: "已提交入會申請，門店審核後會聯絡您。", apply: "提交申請",
  },
  en: {
    title: "Book online", stores: "Choose a salon", services: "Choose a service", when: "Choose a day and time",
    who: "With", any: "Anyone", minutes: "min", noSlots: "This day is fully booked; try another", details: "Your details",
    phone: "Mobile number", code: "Code", sendCode: "Send code", resend: "Send again", name: "Your name",
    agree: "I have read the privacy notice and agree", book: "Book", next: "Next", back: "Back",
    codeSent: "Code sent; it is valid for 5 minutes", pending: "Waiting for the salon", confirmed: "Confirmed",
    declined: "Not booked", cancelled: "Cancelled", yours: "Your booking", store: "Salon", service: "Service", date: "Date",
    time: "Time", staff: "With", refresh: "Refresh", again: "Book again", waiting: "We will text you once the salon confirms.",
    onlineNote: "Without agreeing to the privacy notice you cannot book online; please call the salon instead.",
    mon: ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"], today: "Today", tomorrow: "Tomorrow",
    errors: { slot_taken: "That time was just taken; please choose another", code_invalid: "The code is wrong or has expired",
      code_locked: "Too many wrong codes; try again in 15 minutes", rate_limited: "Too many requests; try again later",
      consent_required: "Please read and accept the privacy notice first", phone_invalid: "Please enter a valid mobile number",
      not_found: "Not found", too_late: "Too late to change online; please call the salon",
      not_changeable: "This booking cannot be changed now", signed_out: "Please sign in first", network: "The connection failed; please try again", other: "Something went wrong; please try again" },
    reasons: { store_offline: "The salon could not confirm in time; please choose another time", slot_taken: "That time is taken",
      moved: "Moved", customer: "Cancelled by you" },
    mine: "My bookings", signIn: "Enter your mobile number and a code to see your bookings", show: "Show my bookings",
    none: "No bookings yet", move: "Move", cancel: "Cancel", sure: "Cancel it?", moveTo: "Move to this time",
    moving: "Move waiting for the salon; your booking stays until it confirms", movedFrom: "Move request",
    until: "Can be moved or cancelled until", oldKept: "The salon could not move it; your booking stays as it was",
    join: "Become a member", joinStore: "Which salon", applied: "Application sent; the salon will contact you once it has reviewed it.",
    apply: "Apply",
  },
};

const state = { lang: "zh-Hans", store: null, service: null, date: null, slot: null, staff: null, staffNames: {}, notice: {},
  moving: null };  // moving: the booking being moved (the slot step then moves instead of booking)
const $ = (id) => document.getElementById(id);
const w = () => WORDS[state.lang];
let refreshTimer = null;

function el(tag, attrs, ...kids) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (k === "on") for (const [ev, fn] of Object.entries(v)) e.addEventListener(ev, fn);
    else if (k === "class") e.className = v;
    else if (v !== false && v !== null && v !== undefined) e.setAttribute(k, v === true ? "" : v);
  }
  for (const k of kids.flat()) if (k !== null && k !== undefined) e.append(k.nodeType ? k : String(k));
  return e;
}

async function api(method, path, body) {
  let res;
  try {
    res = await fetch("/api/public/v1" + path, { method, credentials: "same-origin",
      headers: body ? { "Content-Type": "application/json" } : {}, body: body ? JSON.stringify(body) : undefined });
  } catch (e) {
    throw { error: "network" };
  }
  const data = await res.json().catch(() => ({ error: "other" }));
  if (!res.ok) throw data;
  return data;
}

function showError(e) {
  const box = $("error");
  box.textContent = w().errors[e && e.error] || w().errors.other;
  box.hidden = false;
  clearTimeout(showError.timer);
  showError.timer = setTimeout(() => (box.hidden = true), 5000);
}

function render(...nodes) {
  $("view").replaceChildren(...nodes.filter((n) => n !== null && n !== undefined));
  window.scrollTo(0, 0);
}

function crumbs() {
  const parts = [];
  if (state.store) parts.push(el("button", { on: { click: () => { state.service = null; showServices(); } } }, state.store.name));
  if (state.service) parts.push(" · ", el("button", { on: { click: showSlots } }, state.service.name));
  if (state.slot) parts.push(" · ", state.date.slice(5) + " " + state.slot.start);
  $("crumbs").replaceChildren(...parts);
}

function yuan(fen) { return "¥" + (fen / 100).toFixed(fen % 100 ? 2 : 0); }

async function showStores() {
  Object.assign(state, { store: null, service: null, slot: null });
  crumbs();
  const { stores } = await api("GET", "/stores");
  render(el("h2", {}, w().stores), el("div", { class: "list" }, stores.map((s) =>
    el("button", { class: "card", "data-store": s.code, on: { click: () => { state.store = s; showServices(); } } },
      el("span", {}, s.name, el("small", {}, s.code)), "›"))));
}

async function showServices() {
  state.slot = null;
  crumbs();
  const data = await api("GET", "/stores/" + encodeURIComponent(state.store.code) + "/services");
  state.staffNames = data.staff;
  render(el("h2", {}, w().services), el("div", { class: "list" }, data.services.map((s) =>
    el("button", { class: "card", "data-service": s.code, on: { click: () => { state.service = s; showSlots(); } } },
      el("span", {}, s.name, el("small", {}, s.minutes + " " + w().minutes)), el("span", { class: "price" }, yuan(s.price_fen))))));
}

function nextDays(n) {
  const out = [];
  const now = new Date();
  for (let i = 0; i < n; i++) {
    const d = new Date(now.getFullYear(), now.getMonth(), now.getDate() + i);
    const iso = d.getFullYear() + "-" + String(d.getMonth() + 1).padStart(2, "0") + "-" + String(d.getDate()).padStart(2, "0");
    const label = i === 0 ? w().today : i === 1 ? w().tomorrow : w().mon[(d.getDay() + 6) % 7];
    out.push({ iso, label, day: d.getMonth() + 1 + "/" + d.getDate() });
  }
  return out;
}

async function showSlots() {
  state.slot = null;
  state.date = state.date || nextDays(2)[1].iso;
  crumbs();
  const days = el("div", { class: "days" }, nextDays(14).map((d) =>
    el("button", { class: "day" + (d.iso === state.date ? " on" : ""), "data-date": d.iso,
      on: { click: () => { state.date = d.iso; showSlots(); } } }, el("small", {}, d.label), d.day)));
  const q = "?service=" + encodeURIComponent(state.service.code) + "&date=" + state.date;
  const { slots } = await api("GET", "/stores/" + encodeURIComponent(state.store.code) + "/slots" + q);
  const grid = slots.length ? el("div", { class: "grid" }, slots.map((s) =>
    el("button", { class: "slot", "data-start": s.start, on: { click: () => chooseSlot(s) } }, s.start)))
    : el("p", { class: "empty" }, w().noSlots);
  render(el("h2", {}, w().when), days, el("h2", {}, state.date), grid);
  days.querySelector(".on")?.scrollIntoView({ inline: "center", block: "nearest" });
}

function chooseSlot(slot) {
  state.slot = slot;
  state.staff = null;
  crumbs();
  const chips = el("div", { class: "chips" });
  const paint = () => chips.replaceChildren(...[null, ...slot.staff].map((code) =>
    el("button", { class: "chip" + (state.staff === code ? " on" : ""), "data-staff": code || "any",
      on: { click: () => { state.staff = code; paint(); } } }, code ? state.staffNames[code] || code : w().any)));
  paint();
  const next = state.moving ? el("button", { class: "primary", id: "move-here", on: { click: moveHere } }, w().moveTo)
    : el("button", { class: "primary", id: "to-details", on: { click: showDetails } }, w().next);
  render(el("h2", {}, w().who), chips, next,
    el("button", { class: "secondary", on: { click: showSlots } }, w().back));
}

async function loadNotice() {
  if (!state.notice[state.lang]) state.notice[state.lang] = await fetch("/web/" + state.lang + ".ui_checkin.json").then((r) => r.json()).catch(() => ({}));
  return state.notice[state.lang];
}

async function showDetails() {
  const notice = await loadNotice();
  const phone = el("input", { id: "phone", type: "tel", inputmode: "numeric", autocomplete: "tel", maxlength: "16" });
  const code = el("input", { id: "code", inputmode: "numeric", autocomplete: "one-time-code", maxlength: "6" });
  const name = el("input", { id: "name", autocomplete: "name", maxlength: "30" });
  const consent = el("input", { id: "consent", type: "checkbox" });
  const marketing = el("input", { id: "marketing", type: "checkbox" });
  const send = el("button", { id: "send-code", type: "button" }, w().sendCode);
  const hint = el("p", { class: "hint", id: "code-hint" });
  const book = el("button", { class: "primary", id: "book", disabled: true }, w().book);
  const ready = () => (book.disabled = !(phone.value.trim() && /^\d{6}$/.test(code.value.trim()) && name.value.trim() && consent.checked));
  [phone, code, name].forEach((i) => i.addEventListener("input", ready));
  consent.addEventListener("change", ready);
  send.addEventListener("click", async () => {
    try {
      await api("POST", "/codes", { phone: phone.value.trim(), lang: state.lang });
      hint.textContent = w().codeSent;
      let left = 60;
      send.disabled = true;
      const tick = setInterval(() => { send.textContent = w().resend + " " + --left; if (left <= 0) { clearInterval(tick); send.disabled = false; send.textContent = w().resend; } }, 1000);
      code.focus();
    } catch (e) { showError(e); }
  });
  book.addEventListener("click", async () => {
    book.disabled = true;
    try {
      const r = await api("POST", "/bookings", { store: state.store.code, service: state.service.code, date: state.date,
        start: state.slot.start, staff: state.staff, phone: phone.value.trim(), code: code.value.trim(), name: name.value.trim(),
        privacy_consent: consent.checked, marketing_opt_in: marketing.checked, lang: state.lang });
      location.hash = "#/booking/" + r.booking;
    } catch (e) {
      showError(e);
      if (e.error === "slot_taken") showSlots(); else ready();
    }
  });
  const summary = el("dl", { class: "summary" }, row(w().service, state.service.name),
    row(w().time, state.date + " " + state.slot.start), row(w().staff, state.staff ? state.staffNames[state.staff] || state.staff : w().any));
  render(el("h2", {}, w().details), summary,
    el("div", { class: "row" }, el("label", { class: "field" }, w().phone, phone), send), hint,
    el("label", { class: "field" }, w().code, code), el("label", { class: "field" }, w().name, name),
    el("h2", {}, notice["ui.register.notice_title"] || ""), el("div", { class: "notice", id: "notice" }, notice["ui.register.notice_text"] || ""),
    el("label", { class: "check" }, consent, el("span", {}, w().agree, el("small", {}, w().onlineNote))),
    el("label", { class: "check" }, marketing, el("span", {}, notice["ui.register.marketing_title"] || "", el("small", {}, notice["ui.register.marketing_text"] || ""))),
    book);
}

function row(k, v) { return el("div", {}, el("dt", {}, k), el("dd", { style: false }, v)); }

async function showBooking(id) {
  clearTimeout(refreshTimer);
  $("crumbs").replaceChildren();
  let b;
  try { b = await api("GET", "/bookings/" + encodeURIComponent(id)); } catch (e) { showError(e); return render(el("p", { class: "empty" }, w().errors.not_found)); }
  const reason = b.reason ? el("p", { class: "hint", id: "reason" }, w().reasons[b.reason] || b.reason) : null;
  render(el("h2", {}, w().yours), el("span", { class: "badge " + b.status, id: "status", "data-status": b.status }, w()[b.status] || b.status),
    reason, b.status === "pending" ? el("p", { class: "hint" }, w().waiting) : null,
    el("dl", { class: "summary" }, row(w().store, b.store_name), row(w().service, b.service_name), row(w().date, b.date),
      row(w().time, b.start + " (" + b.minutes + " " + w().minutes + ")"), row(w().staff, b.staff_name)),
    el("button", { class: "secondary", on: { click: () => showBooking(id) } }, w().refresh),
    el("button", { class: "secondary", id: "booking-to-mine", on: { click: () => { location.hash = "#/mine"; } } }, w().mine),
    el("button", { class: "primary", on: { click: () => { location.hash = ""; } } }, w().again));
  if (b.status === "pending") refreshTimer = setTimeout(() => showBooking(id), 5000);
}

// My bookings (#/mine): the session's phone's bookings; without a session, a phone and
// a code first. Move goes through the slot steps (state.moving); cancel asks twice.
async function showMine() {
  clearTimeout(refreshTimer);
  $("crumbs").replaceChildren();
  let list;
  try { list = (await api("GET", "/bookings")).bookings; } catch (e) {
    if (e.error === "signed_out") return showSignIn(showMine);
    throw e;
  }
  render(el("h2", {}, w().mine), list.length ? el("div", { class: "list", id: "mine" }, list.map(mineCard)) : el("p", { class: "empty" }, w().none),
    el("button", { class: "primary", on: { click: () => { location.hash = ""; } } }, w().again),
    el("button", { class: "secondary", id: "to-account", on: { click: () => { location.hash = "#/account"; } } }, w().account),
    el("button", { class: "secondary", id: "join", on: { click: () => showJoin().catch(showError) } }, w().join));
  if (list.some((b) => b.status === "pending")) refreshTimer = setTimeout(() => showMine().catch(showError), 5000);
}

function mineCard(b) {
  const note = b.moving_to ? w().moving : b.replaces && b.status === "pending" ? w().movedFrom
    : b.replaces && b.status === "declined" ? w().oldKept : b.reason ? w().reasons[b.reason] || b.reason : null;
  const cancel = el("button", { class: "link danger", "data-cancel": b.booking }, w().cancel);
  cancel.addEventListener("click", async () => {
    // The list refreshes itself while a booking is pending: not while "cancel it?" waits for the second tap.
    if (!cancel.classList.contains("sure")) { clearTimeout(refreshTimer); cancel.classList.add("sure"); cancel.textContent = w().sure; return; }
    try { await api("POST", "/bookings/" + b.booking + "/cancel", {}); } catch (e) { showError(e); }
    showMine().catch(showError);
  });
  const move = el("button", { class: "link", "data-move": b.booking, on: { click: () => startMove(b) } }, w().move);
  return el("div", { class: "card booking", "data-booking": b.booking },
    el("div", { class: "head" }, el("strong", {}, b.date.slice(5) + " " + b.start),
      el("span", { class: "badge " + b.status, "data-status": b.status }, w()[b.status] || b.status)),
    el("div", {}, b.service_name + " · " + b.minutes + " " + w().minutes),
    el("small", {}, b.store_name + " · " + b.staff_name),
    note ? el("small", { class: "note" }, note) : null,
    b.can_cancel ? el("div", { class: "actions" }, el("small", {}, w().until + " " + b.change_until.slice(5)),
      b.can_change ? move : null, cancel) : null);
}

async function startMove(b) {
  const data = await api("GET", "/stores/" + encodeURIComponent(b.store) + "/services");
  const service = data.services.find((s) => s.code === b.service);
  if (!service) return showError({ error: "not_changeable" });
  Object.assign(state, { store: { code: b.store, name: b.store_name }, service, date: b.date, moving: b.booking });
  history.pushState(null, "", "#/move");
  await showSlots();
}

async function moveHere() {
  try {
    await api("POST", "/bookings/" + state.moving + "/move", { store: state.store.code, service: state.service.code,
      date: state.date, start: state.slot.start, staff: state.staff, lang: state.lang });
    state.moving = null;
    location.hash = "#/mine";
  } catch (e) {
    showError(e);
    if (e.error === "slot_taken") showSlots();
  }
}

// A membership application (signed in): the store, then the name and, for a phone new
// online, the privacy notice; the store's supervisor decides it at the kiosk.
async function showJoin() {
  clearTimeout(refreshTimer);
  const [{ stores }, notice] = await Promise.all([api("GET", "/stores"), loadNotice()]);
  let store = stores[0] && stores[0].code;
  const picks = el("div", { class: "chips" });
  const paint = () => picks.replaceChildren(...stores.map((s) => el("button", { class: "chip" + (s.code === store ? " on" : ""),
    "data-join-store": s.code, on: { click: () => { store = s.code; paint(); } } }, s.name)));
  paint();
  const name = el("input", { id: "name", autocomplete: "name", maxlength: "30" });
  const consent = el("input", { id: "consent", type: "checkbox" });
  const marketing = el("input", { id: "marketing", type: "checkbox" });
  const send = el("button", { class: "primary", id: "apply", on: { click: async () => {
    try {
      await api("POST", "/memberships", { store, name: name.value.trim(), privacy_consent: consent.checked,
        marketing_opt_in: marketing.checked, lang: state.lang });
      render(el("h2", {}, w().join), el("p", { class: "badge pending", id: "applied" }, w().applied),
        el("button", { class: "secondary", id: "applied-to-account", on: { click: () => { location.hash = "#/account"; } } }, w().account));
    } catch (e) { showError(e); } } } }, w().apply);
  render(el("h2", {}, w().join), el("p", { class: "hint" }, w().joinStore), picks, el("label", { class: "field" }, w().name, name),
    el("details", {}, el("summary", {}, notice["ui.register.notice_title"] || ""), el("div", { class: "notice" }, notice["ui.register.notice_text"] || "")),
    el("label", { class: "check" }, consent, el("span", {}, w().agree)),
    el("label", { class: "check" }, marketing, el("span", {}, notice["ui.register.marketing_title"] || "")), send);
}

function showSignIn(next) {
  const phone = el("input", { id: "phone", type: "tel", inputmode: "numeric", autocomplete: "tel", maxlength: "16" });
  const code = el("input", { id: "code", inputmode: "numeric", autocomplete: "one-time-code", maxlength: "6" });
  const hint = el("p", { class: "hint", id: "code-hint" });
  const send = el("button", { id: "send-code", type: "button", on: { click: async () => {
    try { await api("POST", "/codes", { phone: phone.value.trim(), lang: state.lang }); hint.textContent = w().codeSent; code.focus(); }
    catch (e) { showError(e); } } } }, w().sendCode);
  const go = el("button", { class: "primary", id: "sign-in", on: { click: async () => {
    try { await api("POST", "/sessions", { phone: phone.value.trim(), code: code.value.trim() }); await next(); }
    catch (e) { showError(e); } } } }, w().show);
  render(el("h2", {}, w().mine), el("p", { class: "hint" }, w().signIn),
    el("div", { class: "row" }, el("label", { class: "field" }, w().phone, phone), send), hint,
    el("label", { class: "field" }, w().code, code), go);
}

function route() {
  clearTimeout(refreshTimer);
  const m = location.hash.match(/^#\/booking\/([A-Za-z0-9_-]{22})$/);
  if (location.hash !== "#/move") state.moving = null;
  (m ? showBooking(m[1]) : location.hash === "#/mine" ? showMine() : location.hash === "#/account" ? showAccount()
    : showStores()).catch(showError);
}

// The same step again in the new language (what was typed on the details step is kept
// only up to the slot: the customer is taken back to choosing the staff member).
function redraw() {
  if (location.hash.startsWith("#/booking/") || location.hash === "#/mine" || location.hash === "#/account") return route();
  const step = state.slot ? () => chooseSlot(state.slot) : state.service ? showSlots : state.store ? showServices : showStores;
  Promise.resolve(step()).catch(showError);
}

function setLanguage(lang) {
  state.lang = WORDS[lang] ? lang : "zh-Hans";
  document.documentElement.lang = state.lang;
  $("lang").value = state.lang;
  $("title").textContent = document.title = w().title;
  $("to-mine").textContent = w().mine;
  try { localStorage.setItem("lang", state.lang); } catch (e) { /* private mode */ }
}

document.addEventListener("DOMContentLoaded", () => {
  let saved = null;
  try { saved = localStorage.getItem("lang"); } catch (e) { /* private mode */ }
  setLanguage(new URLSearchParams(location.search).get("lang") || saved || "zh-Hans");
  $("lang").addEventListener("change", (e) => { setLanguage(e.target.value); redraw(); });
  $("to-mine").addEventListener("click", () => { if (location.hash === "#/mine") route(); else location.hash = "#/mine"; });
  window.addEventListener("hashchange", route);
  route();
});
