// Customer care and the rows every list shares (WorkLists, appointments_lists.h).
#include <algorithm>

#include "app/core/care_contact.h"
#include "app/core/care_lists.h"
#include "app/core/error.h"
#include "app/core/name_ranking.h"
#include "app/core/uuid.h"
#include "app/kiosk/appointments_lists.h"

namespace salon::kiosk {
namespace {

namespace ab = ui::ab;
const char* const kCareLists[] = {"birthdays", "lapsed", "reminders", "followups", "events"};

}  // namespace

ab::WorkRow WorkLists::row(const std::string& key, RowTarget target) {
  ab::WorkRow r;
  r.key = key;
  r.mayMessage = target.marketing;
  r.needsScore = target.kind == "followup";
  r.open = key == openRow_;
  std::string outcome = b_.k.backroom.careLists().lastOutcome(target.kind, target.ref);
  if (!outcome.empty()) r.status = b_.t("ui.appointments.outcome." + outcome);
  rows_[key] = std::move(target);
  return r;
}

void WorkLists::followUps(ab::WorkSection& sec, Instant now) {
  const DeskContext& k = b_.k;
  CareLists& lists = k.backroom.careLists();
  int after = 1, window = 7;
  auto visits = lists.visitsBetween(now - (after + window + 2) * kDay, now);
  for (const VisitToFollow& f : followUpsDue(visits, now, k.zone, after, window)) {
    std::string ref = std::to_string(f.visitId);
    if (lists.handled(f.customer, "followup", ref)) continue;
    ab::WorkRow r = row("followup." + ref, {f.customer, "followup", ref, b_.days().contact(f.customer).marketing});
    r.title = formatLocalDateTime(f.at, k.zone).substr(5) + "  " + f.name + "  " + f.phone;
    r.detail = f.service + " · " + f.staff;
    sec.rows.push_back(std::move(r));
  }
}

void WorkLists::careTasks(ab::WorkSection& sec, Instant now) {
  CareLists& lists = b_.k.backroom.careLists();
  CareListRequest req{careList_, b_.today(), now, b_.k.zone, 0, lists.lapseDays(), careLimit_, 0};
  CareListResult got = lists.list(req);
  b_.view().more = got.next != 0;
  for (const CareTask& task : got.tasks) {
    std::string kind = careKindName(task.kind), ref = careRef(task);
    ab::WorkRow r = row(kind + "." + std::to_string(task.customer.id) + "." + ref,
                        {task.customer.id, kind, ref, task.customer.marketingOptIn});
    r.title = b_.t("ui.appointments.kind." + kind) + "  " + task.customer.name + "  " + task.customer.phone;
    r.detail = (task.kind == CareKind::Lapsed ? b_.t("ui.appointments.last_seen") : b_.t("ui.appointments.due")) + " " +
               formatDate(task.due);
    if (task.kind == CareKind::CareReminder) {
      r.detail += " · " + b_.t(std::string("ui.appointments.season.") + got.season);
      if (!task.customer.careProducts.empty()) r.detail += " · " + task.customer.careProducts;
    }
    sec.rows.push_back(std::move(r));
  }
}

void WorkLists::loadCare() {
  ui::AppointmentsView& v = b_.view();
  b_.guard.require(b_.me(), Action::ContactCustomer, "care", careList_);
  rows_.clear();
  for (const char* l : kCareLists)
    v.careLists.push_back({l, b_.t(std::string("ui.appointments.care.") + l), careList_ == l});
  Instant now = b_.k.clock.now();
  if (careList_ == "events") {
    v.sections = events();  // a section per event
  } else {
    ab::WorkSection sec{b_.t(std::string("ui.appointments.care.") + careList_), b_.t("ui.appointments.none"), {}};
    if (careList_ == "followups") followUps(sec, now);
    else careTasks(sec, now);
    v.sections = {std::move(sec)};
  }
  b_.k.audit.append(auditOf(now, b_.me().code, "customer.view", "care_list", careList_ + " " + formatDate(b_.today()),
                            "customer care", "name,phone"));
  careNotes();
}

void WorkLists::careNotes() {
  ui::AppointmentsView& v = b_.view();
  std::vector<const char*> notes = {"not_needed", "wrong_number", "asked_not_to_call", "call_later"};
  if (careList_ == "lapsed") notes = {"reason.busy", "reason.moved", "reason.price", "reason.effect", "reason.elsewhere",
                                      "reason.health"};
  if (careList_ == "followups") notes = {"very_happy", "effect_good", "wants_change", "complained"};
  for (const char* n : notes) {
    std::string label = b_.t(std::string("ui.appointments.note.") + n);
    v.notes.push_back({n, label, note_ == label});
  }
  for (int s = 1; s <= 5; ++s)
    v.scores.push_back({std::to_string(s), b_.t("ui.appointments.score." + std::to_string(s)), score_ == s});
  noteEntry();
}

void WorkLists::noteEntry() {
  ui::AppointmentsView& v = b_.view();
  v.writingNote = writing_ && !openRow_.empty();
  v.note = note_;
  v.noteLetters = v.writingNote ? typed_.letters() : "";
  v.noteCandidates.clear();
  if (v.writingNote && b_.k.pinyin && !v.noteLetters.empty())
    v.noteCandidates = b_.k.pinyin->candidates(v.noteLetters, kPinyinCandidateLimit);
}

void WorkLists::on(const ab::OpenWorkRow& i) {
  if (attendedRow(i.key)) return b_.staleTap();  // 已到场: nothing to open
  openRow_ = openRow_ == i.key ? "" : i.key;
  note_.clear();
  typed_.clear();
  writing_ = false;
  score_ = 0;
}

// A preset chip is the note, or (while typing) the start of it.
void WorkLists::on(const ab::PickNote& i) {
  note_ = note_ == i.text ? "" : i.text;
  typed_.set(note_);
}

void WorkLists::on(const ab::WriteNote&) {
  writing_ = !writing_ && !openRow_.empty();
  typed_.set(note_);
}

void WorkLists::on(const ab::NoteKeys& i) {
  if (!writing_) return;
  if (typed_.apply(i.keys, b_.k.pinyin != nullptr)) writing_ = false;  // '=': done, the keyboard goes
  note_ = typed_.text();
}

void WorkLists::on(const ab::NotePick& i) {
  if (!writing_) return;
  typed_.pick(i.word);
  note_ = typed_.text();
}

void WorkLists::on(const ab::PickScore& i) { score_ = i.score; }

// Logs the call or message for the open row through core (which checks the note
// a skip needs); messages go only to customers who opted in, a call always may.
void WorkLists::on(const ab::RecordContact& i) {
  auto it = rows_.find(openRow_);
  if (it == rows_.end()) return b_.staleTap();  // the second tap of a double tap: 已记录 stays
  const RowTarget& target = it->second;
  if (i.channel != "phone" && !target.marketing) throw DomainError("no_marketing_consent", std::to_string(target.customer));
  CareContacts contacts(b_.k.backroom.careContacts(), b_.guard, b_.k.clock);
  CareContact c;
  c.id = newUuid();
  c.customer = target.customer;
  c.kind = target.kind;
  c.ref = target.ref;
  c.channel = i.channel;
  c.outcome = i.outcome;
  c.note = note_;
  c.satisfaction = target.kind == "followup" && i.outcome == "done" ? score_ : 0;
  contacts.record(b_.me(), c);
  openRow_.clear();
  note_.clear();
  typed_.clear();
  writing_ = false;
  score_ = 0;
  b_.say("ui.appointments.contact_recorded");
}

void WorkLists::on(const ab::ChooseCareList& i) {
  careList_ = i.list;
  careLimit_ = 50;
  openRow_.clear();
  writing_ = false;
}

void WorkLists::on(const ab::MoreRows&) { careLimit_ += 50; }

}  // namespace salon::kiosk
