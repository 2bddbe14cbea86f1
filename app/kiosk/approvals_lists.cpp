// What the Approvals screen lists: the recording clocks due for the signed-in
// staff member and the inbox of decisions waiting for a supervisor or manager.
#include <algorithm>

#include "app/core/change_request.h"
#include "app/core/dispute.h"
#include "app/core/file_access.h"
#include "app/core/file_review.h"
#include "app/core/phone.h"
#include "app/core/service_record.h"
#include "app/kiosk/approvals_desk.h"

namespace salon::kiosk {
namespace {

constexpr int kInboxPage = 20;  // rows on a page of the inbox

// "11-22 14:05" in the store's zone; "2025-12-04" from another year.
std::string shortTime(Instant t, StoreZone zone, Instant now) {
  const std::string s = formatLocalDateTime(t, zone);
  return s.compare(0, 4, formatLocalDateTime(now, zone), 0, 4) == 0 ? s.substr(5) : s.substr(0, 10);
}

// At most this many characters of a long text on a list row.
std::string clipped(const std::string& s, std::size_t chars) {
  std::size_t n = 0, i = 0;
  for (; i < s.size(); ++i)
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80 && n++ == chars) return s.substr(0, i) + "…";
  return s;
}

}  // namespace

bool ApprovalsDesk::mayReview() const { return k_.staff && guard_.allows(*k_.staff, Action::ReviewCustomerFile); }
bool ApprovalsDesk::mayLend() const { return k_.staff && guard_.allows(*k_.staff, Action::LendCustomerFile); }
bool ApprovalsDesk::mayRecord() const { return k_.staff && guard_.allows(*k_.staff, Action::RecordServiceDetails); }

// The Approvals tile is for whoever owes records or decides on them; a cashier
// neither records service details nor reviews files.
bool ApprovalsDesk::offered() const { return mayReview() || mayLend() || mayRecord(); }

// The store's complaint deadline (settings key complaint_hours, default 48).
RecordingRules ApprovalsDesk::rules() { return inbox().recordingRules(); }

// "剩 5 分钟", "逾期 12 分钟", "剩 3 小时 20 分": whole minutes, rounded so that a
// clock with 4½ minutes left still says 5 and one 30 s late already says overdue.
std::string ApprovalsDesk::countdown(Instant dueAt, bool& overdue) const {
  const std::int64_t left = dueAt - k_.clock.now();
  overdue = left < 0;
  const std::int64_t minutes = overdue ? (-left + kMinute - 1) / kMinute : (left + kMinute - 1) / kMinute;
  const std::string prefix = overdue ? "ui.approvals.overdue" : "ui.approvals.left";
  if (minutes < 60) return replaced(k_.catalog.text(prefix + "_min"), "{m}", std::to_string(minutes));
  if (minutes >= 24 * 60)
    return replaced(replaced(k_.catalog.text(prefix + "_days"), "{d}", std::to_string(minutes / (24 * 60))), "{h}",
                    std::to_string(minutes / 60 % 24));
  return replaced(replaced(k_.catalog.text(prefix + "_hours"), "{h}", std::to_string(minutes / 60)), "{m}",
                  std::to_string(minutes % 60));
}

std::string ApprovalsDesk::customerName(CustomerId id) {
  if (id == 0) return "";
  auto c = k_.directory.byId(id);
  return c ? c->name : "#" + std::to_string(id);
}

std::string ApprovalsDesk::staffName(const std::string& code) { return inbox().staffName(code); }

// Mine to record: service details I performed; for a reviewer also every open
// dispute (24 h) and complaint (the store's deadline); else complaints assigned to me.
std::vector<ui::DueRow> ApprovalsDesk::dueRows() {
  std::vector<ui::DueRow> out;
  if (!k_.staff) return out;
  const RecordingRules r = rules();
  if (mayRecord()) {
    ServiceRecords services(k_.backroom.serviceRecords(), guard_, k_.clock, r);
    for (const ServiceDueRow& s : services.due(k_.staff->code)) {
      ui::DueRow row{"service", s.serviceId, s.customer.value_or(0), customerName(s.customer.value_or(0)),
                     inbox().itemName(s.item), staffName(s.staff), s.dueAt, "", false};
      row.countdown = countdown(row.dueAt, row.overdue);
      out.push_back(std::move(row));
    }
  }
  if (mayReview()) {
    for (const Dispute& d : k_.backroom.cases().openDisputes()) {
      ui::DueRow row{"dispute", d.id, d.customer, customerName(d.customer), clipped(d.objection, 40),
                     staffName(d.openedBy), d.dueAt, "", false};
      row.countdown = countdown(row.dueAt, row.overdue);
      out.push_back(std::move(row));
    }
  }
  for (const Complaint& c : k_.backroom.cases().openComplaints()) {
    if (!mayReview() && c.assignedTo != k_.staff->code) continue;
    ui::DueRow row{"complaint", c.id, c.customer, customerName(c.customer), clipped(c.description, 40),
                   staffName(c.assignedTo), c.dueAt, "", false};
    row.countdown = countdown(row.dueAt, row.overdue);
    out.push_back(std::move(row));
  }
  complaintFollowUps(out);
  std::stable_sort(out.begin(), out.end(), [](const ui::DueRow& a, const ui::DueRow& b) { return a.dueAt < b.dueAt; });
  return out;
}

// Resolved complaints whose customer is still to be told the outcome, or asked how
// satisfied they are: the same people as the complaint itself.
void ApprovalsDesk::complaintFollowUps(std::vector<ui::DueRow>& out) {
  for (const Complaint& c : k_.backroom.cases().complaintsToFollowUp()) {
    if (!mayReview() && c.assignedTo != k_.staff->code) continue;
    const ComplaintFollowUp next = followUpOf(c);
    if (next.step == FollowUp::None) continue;
    const bool told = next.step == FollowUp::Satisfaction;
    ui::DueRow row{told ? "complaint_rating" : "complaint_feedback", c.id, c.customer, customerName(c.customer),
                   clipped(told ? c.feedbackHow : c.resolution, 40), staffName(c.assignedTo), next.dueAt, "", false};
    row.countdown = countdown(row.dueAt, row.overdue);
    out.push_back(std::move(row));
  }
}

// The decisions waiting for this reviewer, oldest first within each kind.
std::vector<ui::InboxRow> ApprovalsDesk::inboxRows() {
  std::vector<ui::InboxRow> out;
  const Instant now = k_.clock.now();
  if (!k_.staff) return out;
  if (mayReview()) {
    inboxFiles(out, now);
    inboxChanges(out, now);
    inboxQueries(out, now);
  }
  if (mayReview() || mayLend()) inboxLoans(out, now);
  // What someone else must decide (four eyes) goes to the end.
  std::stable_partition(out.begin(), out.end(), [](const ui::InboxRow& r) { return !r.own; });
  return out;
}

void ApprovalsDesk::inboxFiles(std::vector<ui::InboxRow>& out, Instant now) {
  const Catalog& t = k_.catalog;
  for (const FileUnderReview& f : k_.backroom.fileReviews().filesPendingReview()) {
    ui::InboxRow row{"file", std::to_string(f.summary.id), f.summary.id, f.summary.name,
                     t.text("ui.approvals.kind.file") + " " + f.summary.fileNo,
                     maskPhone(f.summary.phone) + "  " + t.text("ui.approvals.by") + staffName(f.createdBy),
                     shortTime(f.waitingSince(), k_.zone, now), now - f.waitingSince() > 24 * kHour, false,
                     f.createdBy == k_.staff->code, ""};
    out.push_back(std::move(row));
  }
}

void ApprovalsDesk::inboxChanges(std::vector<ui::InboxRow>& out, Instant now) {
  const Catalog& t = k_.catalog;
  for (const ChangeRequest& c : k_.backroom.changeRequests().pendingChangeRequests()) {
    std::string fieldKey = "ui.approvals.field." + c.field;
    std::string field = t.text(fieldKey) == fieldKey ? c.field : t.text(fieldKey);
    auto shown = [](const std::string& v) { return v.empty() ? std::string("—") : clipped(v, 24); };
    ui::InboxRow row{"change", c.id, c.customer, customerName(c.customer),
                     t.text(c.byCustomer ? "ui.approvals.kind.correction" : "ui.approvals.kind.change") + " · " +
                         field,
                     shown(c.oldValue) + " → " + shown(c.newValue) + "  " + t.text("ui.approvals.reason") +
                         clipped(c.reason, 30),
                     shortTime(c.requestedAt, k_.zone, now), false, isContactField(c.field) && !c.customerConfirmedAt,
                     c.requestedBy == k_.staff->code, ""};
    out.push_back(std::move(row));
  }
}

void ApprovalsDesk::inboxQueries(std::vector<ui::InboxRow>& out, Instant now) {
  const Catalog& t = k_.catalog;
  for (const QueryRequest& r : inbox().pendingQueries()) {
    std::string purposeKey = "ui.approvals.purpose." + r.purpose;
    std::string purpose = t.text(purposeKey) == purposeKey ? r.purpose : t.text(purposeKey);
    out.push_back({"query", r.id, r.customer, customerName(r.customer), t.text("ui.approvals.kind.query") + " · " + purpose,
                   staffName(r.requestedBy) + ": " + clipped(r.detail, 40), shortTime(r.requestedAt, k_.zone, now),
                   false, false, r.requestedBy == k_.staff->code, ""});
  }
}

void ApprovalsDesk::inboxLoans(std::vector<ui::InboxRow>& out, Instant now) {
  const Catalog& t = k_.catalog;
  const std::string today = formatDate(localDate(now, k_.zone));
  for (const FileLoan& l : inbox().openLoans()) {
    if (l.state == "requested" && !mayLend()) continue;
    const std::string due = formatDate(l.dueDate);
    const std::string kind = l.state == "requested" ? "loan" : l.state == "approved" ? "loan_approved" : "loan_out";
    out.push_back({kind, l.id, l.customer, customerName(l.customer), t.text("ui.approvals.kind." + kind),
                   staffName(l.requestedBy) + ": " + clipped(l.reason, 30) + "  " + t.text("ui.approvals.due") + due,
                   due, l.state == "lent" && due < today, false, l.state == "requested" && l.requestedBy == k_.staff->code, ""});
  }
}

// --- the inbox, a page at a time ------------------------------------------------

void ApprovalsDesk::showInboxPage() {
  ui::ApprovalsView& v = k_.view.approvals;
  const int rows = static_cast<int>(inbox_.size());
  v.inboxPages = std::max(1, (rows + kInboxPage - 1) / kInboxPage);
  v.inboxPage = std::clamp(v.inboxPage, 0, v.inboxPages - 1);
  v.inboxTotal = static_cast<int>(std::count_if(inbox_.begin(), inbox_.end(), [](const ui::InboxRow& r) { return r.decided.empty(); }));
  const auto from = inbox_.begin() + std::min(rows, v.inboxPage * kInboxPage);
  v.inbox.assign(from, from + std::min<std::ptrdiff_t>(kInboxPage, inbox_.end() - from));
}

void ApprovalsDesk::on(const ui::ApprovalsInboxPage& i) {
  ui::ApprovalsView& v = k_.view.approvals;
  v.inboxPage = std::clamp(v.inboxPage + i.delta, 0, v.inboxPages - 1);
  showInboxPage();
}

ui::InboxRow* ApprovalsDesk::openRow(const std::string& kind, const std::string& id) {
  for (ui::InboxRow& r : k_.view.approvals.inbox)
    if (r.kind == kind && r.id == id) return r.decided.empty() ? &r : nullptr;
  return nullptr;
}

void ApprovalsDesk::markDecided(const std::string& kind, const std::string& id) {
  for (ui::InboxRow& r : inbox_)
    if (r.kind == kind && r.id == id) r.decided = k_.catalog.text("ui.counter.approvals.decided");
  showInboxPage();
}

// The customer's file, to read before deciding (the file screen asks the purpose, 审核).
void ApprovalsDesk::on(const ui::ApprovalsOpenRow& i) {
  const ui::InboxRow* r = openRow(i.kind, i.id);
  if (r && r->customer != 0) k_.open(ui::Screen::CustomerFile, r->customer);
}

std::vector<ui::DueRow> ApprovalsDesk::dueSoon(int limit, int& total) {
  std::vector<ui::DueRow> all = offered() ? dueRows() : std::vector<ui::DueRow>{};
  total = static_cast<int>(all.size());
  if (static_cast<int>(all.size()) > limit) all.resize(static_cast<std::size_t>(limit));
  k_.view.approvals.dueSoon = all;
  if (k_.staff && std::any_of(all.begin(), all.end(), [](const ui::DueRow& r) { return !r.customerName.empty(); }))
    k_.audit.append(auditOf(k_.clock.now(), k_.staff->code, "customer.view", "customer", "due_soon",
                            "recording deadlines due soon", "name"));
  return all;
}

int ApprovalsDesk::waiting() {
  if (!offered()) return 0;
  return static_cast<int>(dueRows().size() + inboxRows().size());
}

}  // namespace salon::kiosk
