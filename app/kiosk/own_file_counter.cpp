#include "app/kiosk/own_file_counter.h"

#include <limits>
#include <memory>

#include "app/core/change_request.h"
#include "app/core/customer_fields.h"
#include "app/core/customer_file.h"
#include "app/core/customer_records.h"
#include "app/core/error.h"
#include "app/core/name_ranking.h"
#include "app/core/phone.h"
#include "app/core/staff_auth.h"
#include "app/core/store_settings.h"
#include "app/kiosk/settings_desk.h"

namespace salon::kiosk {
namespace {

// Left alone this long, the file closes: balances and health notes never linger
// on a screen the next customer sees.
constexpr Instant kOwnFileIdle = 60 * kSecond;
constexpr int kViewsShown = 50;

}  // namespace

void OwnFileCounter::begin(const std::string& memberNo, const std::string& name) {
  forget();
  memberNo_ = memberNo;
  view() = {};
  view().step = ui::OwnFileStep::Last4;
  view().name = name;
  touched_ = k_.clock.now();
}

void OwnFileCounter::forget() {
  memberNo_.clear();
  who_ = {};
  statement_ = {};
  last4_.clear();
  correction_.clear();
  printJob_.clear();
}

bool OwnFileCounter::idle() const { return open() && k_.clock.now() - touched_ >= kOwnFileIdle; }

void OwnFileCounter::apply(const ui::OwnFileIntent& i) {
  if (!open()) return;
  touched_ = k_.clock.now();
  std::visit([this](const auto& x) { on(x); }, i);
}

void OwnFileCounter::say(const std::string& text, bool error) {
  view().message = text;
  view().messageIsError = error;
}

void OwnFileCounter::on(const ui::OwnFileKeys& i) {
  if (view().step != ui::OwnFileStep::Last4) return;
  bool done = last4_.apply(i.keys);
  view().digits = static_cast<int>(last4_.text().size());
  if (done || last4_.text().size() == 4) identify();
}

// Core's rule through storage: a wrong try is logged and counts toward the lock.
void OwnFileCounter::identify() {
  const std::string digits = last4_.text();
  last4_.clear();
  view().digits = 0;
  try {
    who_ = k_.backroom.selfService().identify(memberNo_, digits, k_.clock.now());
  } catch (const DomainError& e) {
    if (e.code() == "customer_not_identified") return say(k_.catalog.text("ui.own.wrong_digits"), true);
    if (e.code() == "self_service_locked") return say(k_.catalog.text("ui.own.locked"), true);
    return say(k_.catalog.text("error." + e.code()), true);
  }
  view().message.clear();
  show();
}

// The views are read before this look is logged: the customer sees who else looked.
void OwnFileCounter::show() {
  fillFile();
  fillViews();
  fillStatement();
  k_.backroom.selfService().recordOwnView(who_, "own file", "file,views,statement", k_.clock.now());
  view().step = ui::OwnFileStep::File;
}

void OwnFileCounter::fillFile() {
  auto& rows = view().fields;
  rows.clear();
  auto file = k_.backroom.files().load(who_.id);
  if (!file) return;
  rows.push_back({"ui.file.field.name", who_.name, "name"});
  rows.push_back({"ui.file.field.phone", maskPhone(who_.phone), "phone"});
  for (const FieldSpec& spec : fileFields()) {
    const FieldValue& f = file->field(spec.key);
    if (f.state == FieldState::Value) rows.push_back({std::string("ui.file.field.") + spec.key, f.value, spec.key});
  }
}

// The kiosk's own fixed purposes in the customer's language ("check-in by qr"
// → 会员码签到); a purpose staff typed is shown as they typed it.
std::string OwnFileCounter::purposeText(const FileView& v) const {
  if (v.action == "customer.self_view") return k_.catalog.text("ui.own.self_view");
  if (v.action == "customer.exported") return k_.catalog.text("ui.own.exported") + " " + v.purpose;
  std::string key = "ui.own.purpose." + v.purpose;
  for (char& c : key)
    if (c == ' ') c = '_';
  return k_.catalog.all().count(key) ? k_.catalog.text(key) : v.purpose;
}

void OwnFileCounter::fillViews() {
  auto& rows = view().views;
  rows.clear();
  for (const FileView& v : k_.backroom.selfService().views(who_, kViewsShown))
    rows.push_back({formatLocalDateTime(v.at, k_.zone), v.staffName,
                    v.role.empty() ? "" : "ui.settings.role." + v.role, purposeText(v)});
}

void OwnFileCounter::fillStatement() {
  statement_ = k_.backroom.selfService().statement(who_, 0, std::numeric_limits<Instant>::max());
  auto& rows = view().statement;
  rows.clear();
  for (auto e = statement_.entries.rbegin(); e != statement_.entries.rend(); ++e) {
    ui::OwnFileEntry row{formatLocalDateTime(e->completedAt, k_.zone), "records.statement.kind." + e->kind,
                         formatYuan(e->total), {}};
    for (const StatementItem& i : e->items)
      row.details.push_back(i.name + " x" + std::to_string(i.qty) + "  " + formatYuan(i.amount));
    for (const auto& [tender, amount] : e->payments)
      row.details.push_back(k_.catalog.text("records.tender." + tender) + "  " + formatYuan(amount));
    rows.push_back(std::move(row));
  }
  view().net = formatYuan(statement_.net());
}

void OwnFileCounter::on(const ui::OwnFileShow& i) {
  if (who_.id == 0 || i.step == ui::OwnFileStep::None || i.step == ui::OwnFileStep::Last4 ||
      i.step == ui::OwnFileStep::Correct)
    return;
  view().step = i.step;
  view().message.clear();
}

// The statement on the receipt printer, laid out by devices on the Devices lane.
void OwnFileCounter::on(const ui::OwnFilePrint&) {
  if (who_.id == 0 || view().printing) return;
  if (!tickets_ || !k_.spool) return say(k_.catalog.text("error.printer_unreachable"), true);
  view().printing = true;
  auto job = std::make_shared<PrintJob>();
  auto problem = std::make_shared<std::string>();
  ReportTickets* tickets = tickets_;
  ReportSummary page = statementTicket(statement_, k_.zone, k_.catalog);
  page.printedAt = formatLocalDateTime(k_.clock.now(), k_.zone);
  k_.tasks->run(
      Lane::Devices, "own statement",
      [job, problem, tickets, page](Backroom& b) {
        try {
          job->printer = b.settings().setting(SettingsDesk::kPrinterSetting).value_or("");
          job->kind = "statement";
          job->title = page.title;
          job->bytes = tickets->summary(page, job->printer);
        } catch (const DomainError& e) {
          *problem = e.code();
        }
      },
      [this, job, problem] {
        if (!open() || who_.id == 0) return;  // closed meanwhile: nothing is printed for nobody
        if (!problem->empty()) {
          view().printing = false;
          return say(k_.catalog.text("error." + *problem), true);
        }
        printJob_ = k_.spool->submit(*job);
        say(k_.catalog.text("ui.own.printing"), false);
      });
}

void OwnFileCounter::printFinished(const std::string& jobId, PrintJobState state, const std::string& reason) {
  if (jobId.empty() || jobId != printJob_) return;
  printJob_.clear();
  if (!open()) return;
  view().printing = false;
  if (state == PrintJobState::Printed) return say(k_.catalog.text("ui.own.printed"), false);
  say(k_.catalog.text("error." + reason.substr(0, reason.find(':'))), true);
}

void OwnFileCounter::on(const ui::OwnFileCorrect& i) {
  if (who_.id == 0 || i.row < 0 || i.row >= static_cast<int>(view().fields.size())) return;
  correction_.clear();
  view().correction = {};
  view().correction.row = i.row;
  view().correction.pinyinReady = k_.pinyin != nullptr;
  view().step = ui::OwnFileStep::Correct;
  view().message.clear();
}

void OwnFileCounter::on(const ui::OwnFileCorrectKeys& i) {
  if (view().step != ui::OwnFileStep::Correct) return;
  bool done = correction_.apply(i.keys, k_.pinyin != nullptr);
  showCandidates();
  if (done) submitCorrection();
}

void OwnFileCounter::on(const ui::OwnFilePick& i) {
  if (view().step != ui::OwnFileStep::Correct) return;
  correction_.pick(i.text);
  showCandidates();
}

void OwnFileCounter::showCandidates() {
  ui::OwnFileCorrection& c = view().correction;
  c.text = correction_.text();
  c.letters = correction_.letters();
  c.candidates = k_.pinyin && !c.letters.empty() ? k_.pinyin->candidates(c.letters, kPinyinCandidateLimit)
                                                 : std::vector<std::string>{};
  const bool name = c.row >= 0 && c.row < static_cast<int>(view().fields.size()) && view().fields[c.row].field == "name";
  if (name) c.candidates = rankForNames(std::move(c.candidates));
}

// 更正: a change request by the customer, taken by the signed-in staff member;
// the file changes only once a supervisor approves it (contact details also
// need the customer's confirmation, core's rule).
void OwnFileCounter::submitCorrection() {
  ui::OwnFileView& v = view();
  if (v.step != ui::OwnFileStep::Correct || !k_.staff) return;
  const std::string field = v.fields.at(static_cast<std::size_t>(v.correction.row)).field;
  std::string value = correction_.text();
  // The keyboard has no '-': a date typed as 19880315 means 1988-03-15.
  const FieldSpec* spec = findField(field);
  if (spec && spec->kind == FieldKind::Date && value.size() == 8 &&
      value.find_first_not_of("0123456789") == std::string::npos)
    value = value.substr(0, 4) + "-" + value.substr(4, 2) + "-" + value.substr(6);
  try {
    Guard guard(k_.audit, k_.clock);
    const std::string old = k_.backroom.customerRecords().fieldValue(who_.id, field);
    ChangeRequests(k_.backroom.changeRequests(), guard, k_.clock)
        .submit(*k_.staff, who_.id, field, old, value, k_.catalog.text("ui.own.correction_reason"), true);
  } catch (const DomainError& e) {
    return say(k_.catalog.text("error." + e.code()), true);
  }
  correction_.clear();
  v.correction = {};
  v.step = ui::OwnFileStep::File;
  say(k_.catalog.text("ui.own.correction_sent"), false);
}

}  // namespace salon::kiosk
