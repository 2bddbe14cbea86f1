// The phone page's account side (issue 19, continued), loaded after app.js: my membership
// (#/account: figures across the chain and the store's answer to each application), my
// file (asked from the store, shown once) and a correction of it. Uses app.js's el, api,
// row, render, state and w().
"use strict";

Object.assign(WORDS["zh-Hans"], {
  account: "我的会员", memberNo: "会员号", principal: "储值本金", bonus: "赠送金额", points: "积分", arrears: "欠费",
  packages: "疗程卡", left: "剩 {n} 次", expires: "有效期至", asOf: "数据截至", noMember: "这个手机号还没有会员信息。",
  applications: "入会申请", appPending: "审核中", appApproved: "已通过", appDeclined: "未通过",
  sharedNote: "如与家人共用手机号，请到店查询。",
  ownFile: "我的档案", asking: "正在向门店调取您的档案…", storeOffline: "门店暂时离线，请稍后再试。", fileNo: "档案号",
  fileName: "姓名", filePhone: "手机", consent: "隐私告知", agreed: "已同意", to_confirm: "待确认", marketingL: "营销信息",
  yes: "接收", no: "不接收", viewedBy: "谁查看过我的档案", self: "您本人", noFile: "这个手机号还没有门店档案。",
  onceNote: "档案内容只显示这一次，不在总部保存。",
  correct: "申请更正", correctField: "要更正的内容", correctValue: "正确的内容", correctReason: "说明", sendCorrection: "提交更正",
  correctionSent: "已提交，门店主管审核后更正；联系方式的更正需您到店确认。",
  corrections: "我的更正申请", corrSent: "已提交", corrFiled: "门店主管审核中", corrSkipped: "门店未能受理，请到店办理",
  corrApproved: "已更正", corrRejected: "门店未采纳",
  fields: { name: "姓名", phone: "手机", gender: "性别", birthday: "生日（如 1990-03-15）", address: "地址", occupation: "职业" },
  roles: { cashier: "前台", beautician: "美容师", supervisor: "客服主管", manager: "店长", finance: "财务", admin: "管理员" },
  purposes: { checkout: "结账", service: "服务", booking: "预约", registration: "登记", review: "审核", care_followup: "回访",
    complaint: "投诉处理", statement: "消费记录", "own file": "本人查看", "own file, online": "本人在线查看" },
});
Object.assign(WORDS["zh-Hant"], {
  account: "我的會員", memberNo: "會員號", principal: "儲值本金", bonus: "贈送金額", points: "積分", arrears: "欠費",
  packages: "療程卡", left: "剩 {n} 次", expires: "有效期至", asOf: "資料截至", noMember: "這個手機號碼還沒有會員資料。",
  applications: "入會申請", appPending: "審核中", appApproved: "已通過", appDeclined: "未通過",
  sharedNote: "如與家人共用手機號碼，請到店查詢。",
  ownFile: "我的檔案", asking: "正在向門店調取您的檔案…", storeOffline: "門店暫時離線，請稍後再試。", fileNo: "檔案號",
  fileName: "姓名", filePhone: "手機", consent: "隱私告知", agreed: "已同意", to_confirm: "待確認", marketingL: "行銷資訊",
  yes: "接收", no: "不接收", viewedBy: "誰查看過我的檔案", self: "您本人", noFile: "這個手機號碼還沒有門店檔案。",
  onceNote: "檔案內容只顯示這一次，不在總部保存。",
  correct: "申請更正", correctField: "要更正的內容", correctValue: "正確的內容", correctReason: "說明", sendCorrection: "提交更正",
  correctionSent: "已提交，門店主管審核後更正；聯絡方式的更正需您到店確認。",
  corrections: "我的更正申請", corrSent: "已提交", corrFiled: "門店主管審核中", corrSkipped: "門店未能受理，請到店辦理",
  corrApproved: "已更正", corrRejected: "門店未採納",
  fields: { name: "姓名", phone: "手機", gender: "性別", birthday: "生日（如 1990-03-15）", address: "地址", occupation: "職業" },
  roles: { cashier: "前台", beautician: "美容師", supervisor: "客服主管", manager: "店長", finance: "財務", admin: "管理員" },
  purposes: { checkout: "結帳", service: "服務", booking: "預約", registration: "登記", review: "審核", care_followup: "回訪",
    complaint: "投訴處理", statement: "消費記錄", "own file": "本人查看", "own file, online": "本人線上查看" },
});
Object.assign(WORDS.en, {
  account: "My membership", memberNo: "Member no.", principal: "Stored value", bonus: "Bonus", points: "Points",
  arrears: "Owed", packages: "Packages", left: "{n} left", expires: "until", asOf: "As of",
  noMember: "No membership is known for this number yet.", applications: "Applications", appPending: "Under review",
  appApproved: "Approved", appDeclined: "Not approved", sharedNote: "If you share this number with family, ask at the salon.",
  ownFile: "My file", asking: "Asking your salon for your file…", storeOffline: "Your salon is offline; please try later.",
  fileNo: "File no.", fileName: "Name", filePhone: "Mobile", consent: "Privacy notice", agreed: "Agreed",
  to_confirm: "To confirm", marketingL: "Offers", yes: "Yes", no: "No", viewedBy: "Who viewed my file", self: "You",
  noFile: "No salon holds a file for this number yet.", onceNote: "Shown this once; head office does not keep it.",
  correct: "Ask for a correction", correctField: "What is wrong", correctValue: "What it should be", correctReason: "Why",
  sendCorrection: "Send", correctionSent: "Sent: a supervisor at your salon reviews it; a change of contact details is confirmed with you at the salon.",
  corrections: "My corrections", corrSent: "Sent", corrFiled: "With a supervisor at the salon",
  corrSkipped: "The salon could not take it online; please ask at the salon",
  corrApproved: "Corrected", corrRejected: "Not taken by the salon",
  fields: { name: "Name", phone: "Mobile", gender: "Gender", birthday: "Birthday (e.g. 1990-03-15)", address: "Address", occupation: "Occupation" },
  roles: { cashier: "front desk", beautician: "beautician", supervisor: "supervisor", manager: "manager", finance: "finance", admin: "admin" },
  purposes: { checkout: "checkout", service: "service", booking: "booking", registration: "registration", review: "review",
    care_followup: "follow-up", complaint: "complaint", statement: "statement", "own file": "your own look",
    "own file, online": "your own look, online" },
});

// My membership (#/account): the signed-in phone's member figures across the chain
// (head office's, as of now) and the store's answer to each membership application.
async function showAccount() {
  clearTimeout(refreshTimer);
  $("crumbs").replaceChildren();
  let figures, apps, fixes;
  try {
    [figures, apps, fixes] = await Promise.all([api("GET", "/me/figures"), api("GET", "/me/applications"),
      api("GET", "/me/corrections")]);
  } catch (e) {
    if (e.error === "signed_out") return showSignIn(showAccount);
    throw e;
  }
  const members = figures.members.length ? el("div", { class: "list", id: "members" }, figures.members.map(memberCard))
    : el("p", { class: "empty", id: "no-member" }, w().noMember, el("small", {}, w().sharedNote));
  const asOf = new Date(figures.as_of_ms);
  render(el("h2", {}, w().account), members,
    el("p", { class: "hint" }, w().asOf + " " + asOf.toLocaleString(state.lang, { dateStyle: "short", timeStyle: "short" })),
    apps.applications.length ? el("h2", {}, w().applications) : null,
    apps.applications.length ? el("div", { class: "list", id: "applications" }, apps.applications.map(applicationCard)) : null,
    fixes.corrections.length ? el("h2", {}, w().corrections) : null,
    fixes.corrections.length ? el("div", { class: "list", id: "corrections" }, fixes.corrections.map(correctionCard)) : null,
    figures.members.length ? el("button", { class: "secondary", id: "own-file", on: { click: () => showOwnFile().catch(showError) } }, w().ownFile) : null,
    el("button", { class: "secondary", on: { click: () => { location.hash = "#/mine"; } } }, w().mine),
    figures.members.length ? null : el("button", { class: "secondary", id: "join", on: { click: () => showJoin().catch(showError) } }, w().join));
  if (apps.applications.some((a) => a.status === "pending") || fixes.corrections.some((c) => c.status === "sent")) refreshTimer = setTimeout(() => showAccount().catch(showError), 10000);
}

function memberCard(m) {
  const sv = m.stored_value;
  const figures = el("dl", { class: "summary" }, row(w().principal, yuan(sv.principal)), row(w().bonus, yuan(sv.bonus)),
    row(w().points, String(m.points)), m.arrears ? row(w().arrears, el("span", { class: "owed" }, yuan(m.arrears))) : null);
  const packages = m.packages.length ? el("ul", { class: "packages" }, m.packages.map((p) => el("li", {},
    el("span", {}, p.service_name), el("strong", {}, w().left.replace("{n}", p.sessions_left)),
    p.expires ? el("small", {}, w().expires + " " + p.expires) : null))) : null;
  // A membership without a card number is known by its file number.
  const number = m.member_no ? w().memberNo + " " + m.member_no : w().fileNo + " " + m.file_no;
  return el("div", { class: "card member", "data-member": m.member_no || m.file_no },
    el("div", { class: "head" }, el("strong", {}, m.store_name), el("small", {}, number)),
    figures, packages ? el("h3", {}, w().packages) : null, packages);
}

function applicationCard(a) {
  const word = { pending: w().appPending, approved: w().appApproved, declined: w().appDeclined }[a.status] || a.status;
  const badge = { pending: "pending", approved: "confirmed", declined: "declined" }[a.status] || "";
  return el("div", { class: "card booking", "data-application": a.store },
    el("div", { class: "head" }, el("strong", {}, a.store_name), el("span", { class: "badge " + badge, "data-status": a.status }, word)),
    a.status === "approved" && a.member_no ? el("small", {}, w().memberNo + " " + a.member_no) : null,
    a.status === "declined" && a.reason ? el("small", { class: "note" }, a.reason) : null);
}

// A correction sent online and what the store did with it.
function correctionCard(c) {
  const word = { sent: w().corrSent, filed: w().corrFiled, skipped: w().corrSkipped, approved: w().corrApproved,
    rejected: w().corrRejected }[c.status] || c.status;
  const badge = { sent: "pending", filed: "pending", skipped: "declined", approved: "confirmed", rejected: "declined" }[c.status] || "";
  return el("div", { class: "card booking", "data-correction": c.field },
    el("div", { class: "head" }, el("strong", {}, (w().fields[c.field] || c.field).replace(/（.*|\s\(.*/, "")),
      el("span", { class: "badge " + badge, "data-status": c.status }, word)),
    el("small", {}, c.store_name + " · " + when(c.asked_at)));
}

// My file: head office asks the member's store, which answers with the file's summary
// and who viewed it (this look is logged there as the customer's own); shown once.
async function showOwnFile() {
  clearTimeout(refreshTimer);
  render(el("h2", {}, w().ownFile), el("p", { class: "hint", id: "asking" }, w().asking));
  const { request } = await api("POST", "/me/file");
  const poll = async () => {
    const a = await api("GET", "/me/file/" + request);
    if (a.status === "waiting") { refreshTimer = setTimeout(() => poll().catch(showError), 2000); return; }
    if (a.status === "offline") return render(el("h2", {}, w().ownFile), el("p", { class: "badge pending", id: "store-offline" }, w().storeOffline),
      el("button", { class: "secondary", on: { click: () => showAccount().catch(showError) } }, w().account));
    render(el("h2", {}, w().ownFile), a.files.length ? el("div", { class: "list" }, a.files.map(fileCard)) : el("p", { class: "empty" }, w().noFile),
      el("p", { class: "hint" }, w().onceNote), a.files.length ? correctionForm() : null,
      el("button", { class: "secondary", on: { click: () => showAccount().catch(showError) } }, w().account));
  };
  await poll();
}

// A correction (更正): the field, the right value and why; the store's supervisor decides.
function correctionForm() {
  const field = el("select", { id: "correct-field" }, Object.entries(w().fields).map(([k, v]) => el("option", { value: k }, v)));
  const value = el("input", { id: "correct-value", maxlength: "200" });
  const reason = el("input", { id: "correct-reason", maxlength: "100" });
  const done = el("p", { class: "hint", id: "correction-sent" });
  const send = el("button", { class: "primary", id: "correct", on: { click: async () => {
    try {
      await api("POST", "/me/corrections", { field: field.value, value: value.value.trim(), reason: reason.value.trim(),
        lang: state.lang });
      done.textContent = w().correctionSent;
      value.value = reason.value = "";
    } catch (e) { showError(e); } } } }, w().sendCorrection);
  return el("details", { class: "correction" }, el("summary", {}, w().correct),
    el("label", { class: "field" }, w().correctField, field), el("label", { class: "field" }, w().correctValue, value),
    el("label", { class: "field" }, w().correctReason, reason), send, done);
}

function when(ms) { return new Date(ms).toLocaleString(state.lang, { dateStyle: "short", timeStyle: "short" }); }

function fileCard(f) {
  const views = el("ul", { class: "views" }, f.viewed_by.map((v) => el("li", {},
    el("span", {}, v.by === "self" ? w().self : v.by + (v.role ? " · " + (w().roles[v.role] || v.role) : "")),
    el("small", {}, when(v.at)), v.purpose ? el("small", { class: "purpose" }, w().purposes[v.purpose] || v.purpose) : null)));
  return el("div", { class: "card member", "data-file": f.file_no },
    el("dl", { class: "summary" }, row(w().fileNo, f.file_no), row(w().fileName, f.name), row(w().filePhone, f.phone),
      row(w().consent, (w()[f.consent.status] || f.consent.status) + (f.consent.at ? " · " + when(f.consent.at) : "")),
      row(w().marketingL, f.consent.marketing ? w().yes : w().no)),
    el("h3", {}, w().viewedBy), views);
}
