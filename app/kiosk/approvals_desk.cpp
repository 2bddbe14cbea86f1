#include "app/kiosk/approvals_desk.h"

#include <algorithm>

#include "app/core/change_request.h"
#include "app/core/dispute.h"
#include "app/core/error.h"
#include "app/core/file_access.h"
#include "app/core/file_review.h"
#include "app/core/name_ranking.h"
#include "app/core/service_record.h"

namespace salon::kiosk {
namespace {

}  // namespace

void ApprovalsDesk::open(CustomerId customer) {
  ui::ApprovalsView& v = k_.view.approvals;
  auto soon = std::move(v.dueSoon);
  v = {};
  v.dueSoon = std::move(soon);
  v.customer = customer;
  v.mayReview = mayReview() || mayLend();
  // A reviewer with nothing of their own due starts on the inbox.
  reload();
  if (v.mayReview && v.due.empty()) v.tab = ui::ApprovalsTab::Inbox;
}

void ApprovalsDesk::reload() {
  ui::ApprovalsView& v = k_.view.approvals;
  v.title = k_.catalog.text("ui.nav.approvals");
  v.due = dueRows();
  inbox_ = v.mayReview ? inboxRows() : std::vector<ui::InboxRow>{};
  showInboxPage();
  // Names of customers are on screen: one audit entry for the lists shown.
  if (k_.staff && (!v.due.empty() || !v.inbox.empty()))
    k_.audit.append(auditOf(k_.clock.now(), k_.staff->code, "customer.view", "customer", "approvals_list",
                            "approvals and recording deadlines", "name,phone_masked"));
}

void ApprovalsDesk::apply(const ui::ApprovalsIntent& intent) {
  std::visit([this](const auto& i) { on(i); }, intent);
}

void ApprovalsDesk::said(const std::string& key) {
  k_.view.approvals.message = k_.catalog.text(key);
  k_.view.approvals.messageIsError = false;
}

void ApprovalsDesk::refused(const std::string& code) {
  k_.view.approvals.message = k_.catalog.text("error." + code);
  k_.view.approvals.messageIsError = true;
}

void ApprovalsDesk::on(const ui::ApprovalsRefresh&) {
  reload();
  k_.view.approvals.message.clear();
}

void ApprovalsDesk::on(const ui::ApprovalsShowTab& i) {
  ui::ApprovalsView& v = k_.view.approvals;
  if (i.tab == ui::ApprovalsTab::Inbox && !v.mayReview) return;
  v.tab = i.tab;
  v.message.clear();
}

// A service row opens the details form; a dispute or complaint row asks for its outcome.
void ApprovalsDesk::on(const ui::ApprovalsOpenDue& i) {
  ui::ApprovalsView& v = k_.view.approvals;
  for (const ui::DueRow& r : v.due) {
    if (r.kind != i.kind || r.id != i.id) continue;
    v.message.clear();
    if (r.kind == "dispute") return openNotes("dispute", r.id, "reject");
    if (r.kind == "complaint") return openNotes("complaint", r.id, "resolve");
    v.details = {};
    v.details.open = true;
    v.details.serviceId = r.id;
    v.details.item = r.what;
    v.details.customerName = r.customerName;
    v.details.countdown = r.countdown;
    v.details.overdue = r.overdue;
    const int minutes = inbox().serviceMinutes(r.what);
    v.details.minutes = minutes > 0 ? minutes : 60;
    v.letters.clear();
    v.candidates.clear();
    return;
  }
}

// Verbs that need notes open the notes form; the others are decided at once.
void ApprovalsDesk::on(const ui::ApprovalsDecide& i) {
  static const char* kWithNotes[][2] = {{"file", "return"},    {"change", "reject"},     {"loan_out", "problem"},
                                        {"dispute", "reject"}, {"dispute", "uphold"},     {"complaint", "resolve"},
                                        {"complaint_feedback", "feedback"}, {"complaint_rating", "rate"}};
  const auto& due = k_.view.approvals.due;
  const bool dueRow = std::any_of(due.begin(), due.end(), [&](const ui::DueRow& r) { return r.kind == i.kind && r.id == i.id; });
  if (!dueRow && !openRow(i.kind, i.id)) return;  // decided here already, or not on screen: a double tap's second press
  for (const auto& [kind, verb] : kWithNotes)
    if (i.kind == kind && i.verb == verb) return openNotes(i.kind, i.id, i.verb);
  decide(i.kind, i.id, i.verb, "", "");
}

void ApprovalsDesk::openNotes(const std::string& kind, const std::string& id, const std::string& verb) {
  ui::NotesForm& n = k_.view.approvals.notes;
  n = {};
  n.open = true;
  n.kind = kind;
  n.id = id;
  n.verb = verb;
  const std::string base = "ui.approvals.notes." + kind + "." + verb;
  n.title = k_.catalog.text(base);
  for (int r = 1; r <= 5; ++r) {
    std::string key = base + ".reason" + std::to_string(r);
    if (k_.catalog.text(key) != key) n.reasons.push_back(k_.catalog.text(key));
  }
  n.twoFields = (kind == "complaint" && verb == "resolve") || (kind == "dispute" && verb == "uphold");
  n.choiceOnly = verb == "rate";
  if (n.twoFields) n.secondLabel = k_.catalog.text(base + ".second");
  k_.view.approvals.letters.clear();
  k_.view.approvals.candidates.clear();
  k_.view.approvals.message.clear();
}

void ApprovalsDesk::decide(std::string kind, std::string id, std::string verb, std::string notes,
                           std::string second) {
  if (!k_.staff) return;
  const Staff& me = *k_.staff;
  try {
    if (kind == "file") {
      FileReviews reviews(k_.backroom.fileReviews(), guard_, k_.clock);
      const CustomerId customer = std::stoll(id);
      if (verb == "approve") reviews.approve(me, customer, notes);
      else if (verb == "return") reviews.returnFile(me, customer, notes);
      else return;
    } else if (kind == "change") {
      ChangeRequests changes(k_.backroom.changeRequests(), guard_, k_.clock);
      if (verb == "approve") changes.approve(me, id, notes);
      else if (verb == "reject") changes.reject(me, id, notes);
      else return;
    } else if (kind == "query") {
      FileAccess access(k_.backroom.fileAccess(), guard_, k_.clock, {}, k_.zone);
      access.decideQuery(me, id, verb == "approve");
    } else if (kind == "loan") {
      FileAccess access(k_.backroom.fileAccess(), guard_, k_.clock, {}, k_.zone);
      access.decideLoan(me, id, verb == "approve");
    } else if (kind == "loan_approved") {
      FileAccess(k_.backroom.fileAccess(), guard_, k_.clock, {}, k_.zone).markLent(me, id);
    } else if (kind == "loan_out") {
      FileAccess access(k_.backroom.fileAccess(), guard_, k_.clock, {}, k_.zone);
      if (verb == "ok") access.markReturned(me, id, true, true, "");
      else access.markReturned(me, id, false, false, notes);
    } else if (kind == "dispute") {
      Cases(k_.backroom.cases(), guard_, k_.clock, rules()).resolveDispute(me, id, verb == "uphold", notes, second);
    } else if (kind == "complaint") {
      Cases(k_.backroom.cases(), guard_, k_.clock, rules()).resolveComplaint(me, id, notes, second);
    } else if (kind == "complaint_feedback") {
      Cases(k_.backroom.cases(), guard_, k_.clock, rules()).recordFeedback(me, id, notes);
    } else if (kind == "complaint_rating") {
      // The form's choices begin with the score: "5 非常满意".
      const int score = notes.empty() || notes[0] < '1' || notes[0] > '5' ? 0 : notes[0] - '0';
      if (score == 0) throw DomainError("complaint_rating_pick", id);
      Cases(k_.backroom.cases(), guard_, k_.clock, rules()).recordSatisfaction(me, id, score);
    } else {
      return;
    }
  } catch (const DomainError& e) {
    refused(e.code());
    return;
  }
  k_.view.approvals.notes = {};
  k_.view.approvals.due = dueRows();
  markDecided(kind, id);
  said("ui.approvals.done." + kind + "." + verb);
}

// --- the forms ---------------------------------------------------------------

std::string& ApprovalsDesk::typedField() {
  ui::ApprovalsView& v = k_.view.approvals;
  if (v.details.open) return v.details.field == 0 ? v.details.effect : v.details.feedback;
  return v.notes.field == 0 ? v.notes.text : v.notes.second;
}

void ApprovalsDesk::refreshCandidates() {
  ui::ApprovalsView& v = k_.view.approvals;
  v.candidates = k_.pinyin && !v.letters.empty() ? k_.pinyin->candidates(v.letters, kPinyinCandidateLimit) : std::vector<std::string>{};
}

// Letters are pinyin (turned into characters by picking a candidate) when the
// engine is ready, else typed as they are; digits always go to the field.
void ApprovalsDesk::on(const ui::ApprovalsFormKeys& i) {
  ui::ApprovalsView& v = k_.view.approvals;
  if ((!v.details.open && !v.notes.open) || (v.notes.open && v.notes.choiceOnly)) return;
  std::string& field = typedField();
  // The field and the letters live in the view; KeyEntry applies the keys to them.
  typing_.set(field);
  typing_.apply(v.letters, true);
  for (std::size_t from = 0; from <= i.keys.size();) {
    const std::size_t done = i.keys.find('=', from);  // '=' drops the letters, the keys after it still count
    typing_.apply(i.keys.substr(from, done == std::string::npos ? std::string::npos : done - from), k_.pinyin != nullptr);
    if (done == std::string::npos) break;
    typing_.clearLetters();
    from = done + 1;
  }
  field = typing_.text();
  v.letters = typing_.letters();
  refreshCandidates();
}

// A candidate word, or one of the common reasons / feedback phrases.
void ApprovalsDesk::on(const ui::ApprovalsFormPick& i) {
  ui::ApprovalsView& v = k_.view.approvals;
  if (!v.details.open && !v.notes.open) return;
  std::string& field = typedField();
  if (v.notes.open && v.notes.verb == "rate") {  // one score, not a list of phrases
    field = i.text;
    return;
  }
  const bool phrase = v.letters.empty() && !field.empty() && field.back() != ' ';
  if (phrase && std::find(v.candidates.begin(), v.candidates.end(), i.text) == v.candidates.end()) field += "；";
  field += i.text;
  v.letters.clear();
  v.candidates.clear();
}

void ApprovalsDesk::on(const ui::ApprovalsFormField& i) {
  ui::ApprovalsView& v = k_.view.approvals;
  if (v.details.open) v.details.field = i.field == 1 ? 1 : 0;
  else if (v.notes.open && v.notes.twoFields) v.notes.field = i.field == 1 ? 1 : 0;
  v.letters.clear();
  v.candidates.clear();
}

void ApprovalsDesk::on(const ui::ApprovalsFormMinutes& i) {
  ui::DetailsForm& d = k_.view.approvals.details;
  if (d.open) d.minutes = std::clamp(d.minutes + i.delta, 5, 12 * 60);
}

void ApprovalsDesk::on(const ui::ApprovalsFormSubmit&) {
  ui::ApprovalsView& v = k_.view.approvals;
  if (v.details.open) return submitDetails();
  if (v.notes.open) decide(v.notes.kind, v.notes.id, v.notes.verb, v.notes.text, v.notes.second);
}

void ApprovalsDesk::on(const ui::ApprovalsFormCancel&) {
  ui::ApprovalsView& v = k_.view.approvals;
  v.details = {};
  v.notes = {};
  v.letters.clear();
  v.candidates.clear();
  v.message.clear();
}

// Core decides whether the details came on time (within 30 minutes of the end).
void ApprovalsDesk::submitDetails() {
  ui::ApprovalsView& v = k_.view.approvals;
  if (!k_.staff) return;
  ServiceDetails d;
  try {
    ServiceRecords services(k_.backroom.serviceRecords(), guard_, k_.clock, rules());
    d = services.record(*k_.staff, v.details.serviceId, v.details.minutes, v.details.effect, v.details.feedback);
  } catch (const DomainError& e) {
    refused(e.code());
    return;
  }
  const bool onTime = d.recordedAt <= d.endedAt + rules().serviceDetails;
  v.details = {};
  v.letters.clear();
  v.candidates.clear();
  reload();
  said(onTime ? "ui.approvals.recorded_on_time" : "ui.approvals.recorded_late");
}

// --- timers and language -----------------------------------------------------

// The countdowns move with the clock; the lists are read again only when asked.
bool ApprovalsDesk::tick() {
  bool changed = false;
  auto redo = [&](std::vector<ui::DueRow>& rows) {
    for (ui::DueRow& r : rows) {
      bool overdue = false;
      std::string c = countdown(r.dueAt, overdue);
      if (c != r.countdown || overdue != r.overdue) r.countdown = c, r.overdue = overdue, changed = true;
    }
  };
  if (k_.view.screen == ui::Screen::Approvals) redo(k_.view.approvals.due);
  if (k_.view.screen == ui::Screen::Home) {
    redo(k_.view.home.dueSoon);
    if (changed) k_.view.approvals.dueSoon = k_.view.home.dueSoon;
  }
  ui::DetailsForm& d = k_.view.approvals.details;
  if (d.open) {
    for (const ui::DueRow& r : k_.view.approvals.due)
      if (r.id == d.serviceId) d.countdown = r.countdown, d.overdue = r.overdue;
  }
  return changed;
}

void ApprovalsDesk::languageChanged() {
  if (k_.view.screen == ui::Screen::Approvals && k_.staff) {
    const ui::ApprovalsTab tab = k_.view.approvals.tab;
    ui::DetailsForm details = k_.view.approvals.details;
    reload();
    k_.view.approvals.tab = tab;
    k_.view.approvals.details = details;
    k_.view.approvals.notes = {};
    k_.view.approvals.message.clear();
  }
}

void ApprovalsDesk::locked() {
  k_.view.approvals = {};
}

}  // namespace salon::kiosk
