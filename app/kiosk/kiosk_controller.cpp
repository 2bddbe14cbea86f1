#include "app/kiosk/kiosk_controller.h"

#include <memory>
#include <map>

#include "app/core/audit.h"
#include "app/core/check_in.h"
#include "app/core/name_ranking.h"
#include "app/core/phone.h"
#include "app/core/store_settings.h"
#include "app/core/text_rules.h"
#include "app/core/uuid.h"
#include "app/ui/theme.h"
#include "assets/assets.h"

namespace salon::kiosk {
namespace {

constexpr int kTodayListLength = 100;

std::string statusKey(const std::string& status) { return "ui.status." + status; }

std::string tileKey(ui::Screen s) {
  switch (s) {
    case ui::Screen::Checkout: return "ui.nav.checkout";
    case ui::Screen::Members: return "ui.nav.members";
    case ui::Screen::CustomerFile: return "ui.nav.customer_file";
    case ui::Screen::Appointments: return "ui.nav.appointments";
    case ui::Screen::Approvals: return "ui.nav.approvals";
    case ui::Screen::Settings: return "ui.nav.settings";
    case ui::Screen::Reports: return "ui.nav.reports";
    default: return "ui.nav.back";
  }
}

}  // namespace

KioskController::KioskController(Backroom& backroom, const Clock& clock,
                                 const std::string& language, int autoLockMinutes)
    : backroom_(backroom),
      clock_(clock),
      zone_(backroom.settings().zone()),
      catalog_(assets::catalog(language)),
      idle_(autoLockMinutes) {
  view_.status.language = catalog_.language();
  view_.status.storeName = backroom_.settings().setting("store.name").value_or(catalog_.text("app.title"));
  if (auto theme = backroom_.settings().setting("kiosk.theme"); theme && ui::lookNamed(*theme))
    view_.status.theme = *theme;
  idle_.activity(clock_.now());
  settings_.setHeadOffice(&sync_);
  showSignIn();
}

void KioskController::apply(const ui::Intent& intent) {
  std::visit(
      [this](const auto& i) {
        if constexpr (!std::is_same_v<std::decay_t<decltype(i)>, std::monostate>) on(i);
      },
      intent);
}

void KioskController::activity() { idle_.activity(clock_.now()); }

bool KioskController::tick() {
  Instant now = clock_.now();
  if (staff_ && idle_.expired(now)) {
    lock("ui.signin.auto_locked");
    return true;
  }
  bool changed = false;
  for (Desk* d : all_) changed |= d->tick();
  return changed;
}

void KioskController::backupFinished(bool ok, const std::string& problem) {
  // A kiosk without a backup password has not failed at backing up: it has
  // not been set up yet, and the status bar says so (Settings sets one).
  const bool noPassword = !ok && problem.rfind("backup_password_missing", 0) == 0;
  view_.status.backupPasswordMissing = noPassword;
  view_.status.backupFailed = !ok && !noPassword;
  view_.status.backupProblem = ok ? "" : problem;
}

void KioskController::databaseChecked(const std::string& result) {
  view_.status.dbCheck = result == "ok" ? ui::DbCheck::Ok : ui::DbCheck::Failed;
  view_.status.dbProblem = result == "ok" ? "" : result;
  // A damaged database takes no more sales (nor top-ups) until it is restored:
  // what is written into it may be lost. The status bar says so.
  if (result == "ok" || salesStopped_) return;
  salesStopped_ = true;
  if (view_.screen == ui::Screen::Checkout || view_.screen == ui::Screen::Members) showHome();
}

// --- sign-in -----------------------------------------------------------------

void KioskController::showSignIn() {
  view_.screen = ui::Screen::SignIn;
  view_.signIn.staff.clear();
  for (const Staff& s : backroom_.staff().listStaff())
    if (s.active) view_.signIn.staff.push_back({s.code, s.name, ""});
  view_.signIn.chosenCode.clear();
  view_.signIn.chosenName.clear();
  view_.signIn.pinDigits = 0;
  pin_.clear();
  view_.status.staffName.clear();
}

void KioskController::on(const ui::ChooseStaff& i) {
  if (view_.signIn.checking) return;
  for (const ui::StaffTile& t : view_.signIn.staff) {
    if (t.code != i.code) continue;
    view_.signIn.chosenCode = t.code;
    view_.signIn.chosenName = t.name;
    view_.signIn.message.clear();
    pin_.clear();
    view_.signIn.pinDigits = 0;
  }
}

void KioskController::on(const ui::PinKeys& i) {
  if (view_.screen != ui::Screen::SignIn || view_.signIn.chosenCode.empty() || view_.signIn.checking) return;
  bool done = pin_.apply(i.keys);
  view_.signIn.pinDigits = static_cast<int>(pin_.digits().size());
  if (done && !pin_.digits().empty()) signIn();
}

void KioskController::on(const ui::CancelSignIn&) {
  ++signInAttempt_;  // a check still running no longer counts
  tasks_->cancel(pinCheck_);
  view_.signIn.checking = false;
  view_.signIn.message.clear();
  showSignIn();
}

void KioskController::signIn() {
  const int attempt = ++signInAttempt_;
  view_.signIn.checking = true;
  view_.signIn.message.clear();
  std::string pin = pin_.digits();
  pin_.clear();
  // The hash is deliberately slow: it runs on the PIN lane, with that lane's own
  // staff store; the result is dropped if the kiosk was locked meanwhile.
  auto result = std::make_shared<SignInResult>();
  pinCheck_ = tasks_->run(
      Lane::Pins, "pin check",
      [result, clock = &clock_, code = view_.signIn.chosenCode, pin](Backroom& b) {
        try {
          result->staff = StaffAuth(b.staff(), *clock).signIn(code, pin);
        } catch (const DomainError& e) {
          result->errorCode = e.code();
        } catch (const std::exception&) {
          result->errorCode = "db_error";
        }
      },
      [this, attempt, result] {
        if (attempt == signInAttempt_) signedIn(*result);
      });
}

void KioskController::signedIn(const SignInResult& r) {
  view_.signIn.checking = false;
  view_.signIn.pinDigits = 0;
  if (!r.staff) {
    // The sentence only: the detail (code, attempts left) is for the log, in English.
    view_.signIn.message = catalog_.text("error." + r.errorCode);
    return;
  }
  staff_ = r.staff;
  view_.status.staffName = staff_->name;
  idle_.activity(clock_.now());
  showHome();
  // A lock put an open ticket aside: the cashier is back at it.
  if (checkout_.hasLockedTicket() && checkout_.offered()) openScreen(ui::Screen::Checkout, 0);
}

void KioskController::lock(const std::string& messageKey) {
  ++signInAttempt_;
  tasks_->cancel(pinCheck_);
  view_.signIn.checking = false;
  staff_.reset();
  showSignIn();
  view_.signIn.message = messageKey.empty() ? "" : catalog_.text(messageKey);
  view_.home = {};
  for (Desk* d : all_) d->locked();
}

void KioskController::on(const ui::LockKiosk&) { lock(""); }

// --- home --------------------------------------------------------------------

void KioskController::showHome() {
  if (!staff_) return showSignIn();
  view_.screen = ui::Screen::Home;
  view_.home.staffName = staff_->name;
  view_.home.search = {};
  view_.home.search.pinyinReady = pinyin_ != nullptr;
  view_.home.queue.clear();
  const Instant now = clock_.now();
  const Instant dayStart = startOfLocalDay(localDate(now, zone_), zone_);
  // Checked in twice (a second scan, or back later the same day): one row, at the
  // first time, in the state of the latest check-in (paid since then or not). Not
  // paid with a ticket parked for them (opened when the service began): in service.
  std::map<CustomerId, std::size_t> listed;
  for (const QueuedCustomer& q : backroom_.queue().between(dayStart, dayStart + 24 * kHour)) {
    const std::string stateKey = q.paid                                     ? "ui.queue.paid"
                                 : checkout_.hasTicketFor(q.checkIn.customer) ? "ui.queue.in_service"
                                                                              : "ui.queue.waiting";
    if (auto seen = listed.find(q.checkIn.customer); seen != listed.end()) {
      view_.home.queue[seen->second].stateKey = stateKey;
      continue;
    }
    listed[q.checkIn.customer] = view_.home.queue.size();
    std::string when = formatLocalDateTime(q.checkIn.at, zone_);
    view_.home.queue.push_back({q.checkIn.customer, when.substr(when.size() - 5), q.name, "ui.method." + q.checkIn.method,
                                stateKey});
  }
  view_.home.tiles.clear();
  for (ui::Screen s : {ui::Screen::Checkout, ui::Screen::CustomerFile, ui::Screen::Members, ui::Screen::Appointments,
                       ui::Screen::Approvals, ui::Screen::Settings, ui::Screen::Reports}) {
    Desk* d = deskFor(s);
    if (salesStopped_ && (s == ui::Screen::Checkout || s == ui::Screen::Members)) continue;
    if (d->offered()) view_.home.tiles.push_back({s, tileKey(s), d->waiting()});
  }
  view_.home.dueSoon = approvals_.dueSoon(3, view_.home.dueTotal);
  view_.home.appointments = appointments_.todayForHome(6);
  view_.home.holds = appointments_.holdsForHome();
  view_.home.overdraws = checkout_.overdrawsForHome(5);
  view_.home.holdMessage.clear();
  listCustomers(backroom_.directory().recent(kTodayListLength));
  // One audit entry for the list the staff member now sees.
  if (!view_.home.customers.empty() || !view_.home.queue.empty() || !view_.home.overdraws.empty())
    backroom_.audit().append(auditOf(clock_.now(), staff_->code, "customer.view", "customer", "today_list", "today list",
                          "name,phone_masked"));
}

void KioskController::listCustomers(const std::vector<CustomerSummary>& found) {
  view_.home.customers.clear();
  for (const CustomerSummary& c : found)
    view_.home.customers.push_back({c.id, c.fileNo, c.memberNo, c.name, maskPhone(c.phone), statusKey(c.status)});
}

// --- finding a customer ------------------------------------------------------

void KioskController::setPinyin(PinyinConverter* pinyin) {
  pinyin_ = pinyin;
  view_.home.search.pinyinReady = pinyin_ != nullptr;
  view_.registration.pinyinReady = pinyin_ != nullptr;
}

void KioskController::on(const ui::OpenSearch&) {
  if (view_.screen != ui::Screen::Home) return;
  view_.home.search.open = true;
}

// Letters are pinyin (turned into characters by picking a candidate) when the
// engine is ready, else typed as they are; digits always go to the query.
void KioskController::on(const ui::KeyboardKeys& i) {
  if (view_.screen != ui::Screen::Home) return;
  ui::SearchView& s = view_.home.search;
  for (char k : i.keys) {
    if (k == '=') s.open = false;
    else if (k == 'C') s.query.clear(), s.letters.clear();
    else if (k == '<') s.letters.empty() ? eraseLastCharacter(s.query) : s.letters.pop_back();
    else if (k >= 'a' && k <= 'z' && pinyin_) s.letters += k;
    else if ((k >= 'a' && k <= 'z') || (k >= '0' && k <= '9')) s.query += k;
  }
  // Most searches are by name: names first.
  s.candidates = pinyin_ ? rankForNames(pinyin_->candidates(s.letters, kPinyinCandidateLimit)) : std::vector<std::string>{};
  search();
}

void KioskController::on(const ui::PickCandidate& i) {
  if (view_.screen != ui::Screen::Home) return;
  ui::SearchView& s = view_.home.search;
  s.query += i.text;
  s.letters.clear();
  s.candidates.clear();
  search();
}

void KioskController::search() {
  const std::string& q = view_.home.search.query;
  if (q.empty()) return listCustomers(backroom_.directory().recent(kTodayListLength));
  listCustomers(backroom_.directory().search(q, 50));
  if (!view_.home.customers.empty())
    backroom_.audit().append(auditOf(clock_.now(), staff_->code, "customer.view", "customer", "search", "find a customer: " + q,
                          "name,phone_masked"));
}

void KioskController::on(const ui::Navigate& i) { openScreen(i.to, i.customer); }

// 返回 from a customer's file goes back where it was opened from: the member's
// page, the approvals inbox, or Today with the search that found the file.
void KioskController::on(const ui::NavigateBack&) {
  const ReturnTo back = returnTo_;
  returnTo_ = {};
  if (back.screen != ui::Screen::Home) return openScreen(back.screen, back.customer);
  const ui::SearchView search = view_.home.search;
  showHome();
  if (search.query.empty()) return;
  view_.home.search = search;
  this->search();
}

void KioskController::openScreen(ui::Screen screen, CustomerId customer) {
  if (!staff_) return showSignIn();
  if (screen == ui::Screen::Home) return showHome();
  if (screen == ui::Screen::SignIn) return lock("");
  if (salesStopped_ && (screen == ui::Screen::Checkout || screen == ui::Screen::Members)) return;
  if (screen == ui::Screen::CustomerFile && view_.screen != ui::Screen::CustomerFile)
    returnTo_ = {view_.screen, view_.screen == ui::Screen::Members ? view_.members.customer : 0};
  view_.screen = screen;
  deskFor(screen)->open(customer);  // it may move on to another screen itself
}

Desk* KioskController::deskFor(ui::Screen screen) {
  switch (screen) {
    case ui::Screen::CheckIn: return &checkIn_;
    case ui::Screen::Registration: return &registration_;
    case ui::Screen::Checkout: return &checkout_;
    case ui::Screen::CustomerFile: return &customerFile_;
    case ui::Screen::Members: return &members_;
    case ui::Screen::Approvals: return &approvals_;
    case ui::Screen::Settings: return &settings_;
    case ui::Screen::Appointments: return &appointments_;
    case ui::Screen::Reports: return &reports_;
    default: return nullptr;
  }
}

// Each desk applies its own screen's intents, only while someone is signed in.
void KioskController::on(const ui::RegistrationIntent& i) {
  if (staff_) registration_.apply(i);
}
void KioskController::on(const ui::CheckoutIntent& i) {
  if (staff_ && !salesStopped_) checkout_.apply(i);
}
void KioskController::on(const ui::CustomerFileIntent& i) {
  if (staff_) customerFile_.apply(i);
}
void KioskController::on(const ui::MembersIntent& i) {
  if (staff_ && !salesStopped_) members_.apply(i);
}
void KioskController::on(const ui::ApprovalsIntent& i) {
  if (staff_) approvals_.apply(i);
}
void KioskController::on(const ui::SettingsIntent& i) {
  if (staff_) settings_.apply(i);
}
void KioskController::on(const ui::AppointmentsIntent& i) {
  if (staff_) appointments_.apply(i);
}
void KioskController::on(const ui::ReportsIntent& i) {
  if (staff_ && view_.screen == ui::Screen::Reports) reports_.apply(i);
}


// --- check-in (app/kiosk/check_in_desk.cpp) ---------------------------------

void KioskController::on(const ui::PhoneKeys& i) { checkIn_.apply(i); }
void KioskController::on(const ui::ConfirmCheckIn& i) { checkIn_.apply(i); }
void KioskController::on(const ui::RejectMatches& i) { checkIn_.apply(i); }
void KioskController::on(const ui::LeaveCheckIn& i) { checkIn_.apply(i); }
void KioskController::on(const ui::DecideOnlineHold& i) {
  if (!staff_ || view_.screen != ui::Screen::Home) return;
  appointments_.decideHold(i.id, i.confirm);
  view_.home.appointments = appointments_.todayForHome(6);  // a confirmed one is on today's list now
}
void KioskController::on(const ui::LeavePinKeys& i) { checkIn_.apply(i); }
void KioskController::on(const ui::OwnFileIntent& i) { checkIn_.apply(i); }

// A scan goes to the desk of the screen shown (check-in: a member; checkout: a
// payment code); a screen that takes no scans ignores it without a sound.
void KioskController::on(const ui::ScanPayload& i) {
  if (!staff_) return;
  if (Desk* d = deskFor(view_.screen)) scanOutcome_ = d->scanned(i.payload);
}

// --- language ----------------------------------------------------------------

void KioskController::on(const ui::SwitchLanguage& i) {
  catalog_ = assets::catalog(i.language);
  view_.status.language = catalog_.language();
  // Sentences already in the view model were translated when made: redo them.
  if (view_.screen == ui::Screen::SignIn && !view_.signIn.message.empty()) view_.signIn.message.clear();
  if (!view_.checkIn.message.empty()) view_.checkIn.message.clear();
  for (Desk* d : all_) d->languageChanged();
}

}  // namespace salon::kiosk
