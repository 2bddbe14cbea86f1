#pragma once
// The composition root's controller: prepares the view model before each frame
// and applies the intents a frame produced, by calling core services and the
// stores. It runs on the main thread only.
#include <functional>
#include <optional>
#include <string>
#include <utility>

#include "app/core/check_in.h"
#include "app/core/i18n.h"
#include "app/core/pinyin.h"
#include "app/core/staff_auth.h"
#include "app/kiosk/check_in_desk.h"
#include "app/kiosk/registration_desk.h"
#include "app/kiosk/checkout_desk.h"
#include "app/kiosk/customer_file_desk.h"
#include "app/kiosk/members_desk.h"
#include "app/kiosk/approvals_desk.h"
#include "app/kiosk/settings_desk.h"
#include "app/kiosk/sync_desk.h"
#include "app/kiosk/appointments_desk.h"
#include "app/kiosk/reports_desk.h"
#include "app/ui/entry.h"
#include "app/ui/idle_lock.h"
#include "app/ui/intents.h"

namespace salon::kiosk {

struct SignInResult {
  std::optional<Staff> staff;
  std::string errorCode;  // when refused: pin_wrong, pin_locked, ...
};

class KioskController {
 public:
  // `backroom` is the main thread's back room (built by the composition root).
  KioskController(Backroom& backroom, const Clock& clock, const std::string& language,
                  int autoLockMinutes);

  const ui::KioskView& view() const { return view_; }
  const Catalog& catalog() const { return catalog_; }
  const std::optional<Staff>& staff() const { return staff_; }
  // The pinyin engine, once deployed (until then letters are searched as typed).
  void setPinyin(PinyinConverter* pinyin);
  // By default tasks run at once on the main back room; the kiosk window runs them
  // on lanes (the PIN check on Lane::Pins, so the frame never waits for the hash).
  void setTasks(Tasks* tasks) { tasks_ = tasks ? tasks : &inlineTasks_; }
  // The shared print spool (the persistent print queue), for every desk that prints.
  void setPrintSpool(PrintSpool* spool) { spool_ = spool; }
  // Member cards' and the test page's bytes (devices), for the desks that print them.
  void setMemberCardTickets(MemberCardTickets* tickets) {
    members_.setCardTickets(tickets);
    settings_.setCardTickets(tickets);
  }
  // Where Settings → 数据导入 looks for CSV files besides USB sticks (the data folder).
  void setDataFolder(const std::string& dir) {
    settings_.setDataFolder(dir);
    reports_.setDataFolder(dir);
  }
  // The reports' printed summary (devices), for the Reports desk.
  void setReportTickets(ReportTickets* tickets) {
    reports_.setReportTickets(tickets);
    checkIn_.setReportTickets(tickets);
  }
  // The spool finished a job: every desk hears it (on the main thread).
  void printFinished(const std::string& jobId, PrintJobState state, const std::string& reason) {
    for (Desk* d : all_) d->printFinished(jobId, state, reason);
  }
  // The line to head office (devices' HTTPS link), for the Sync lane; null: no sync.
  void setHeadOfficeLines(HeadOfficeLines* lines) { sync_.setLines(lines); }
  // A line to head office with short timeouts, for a member's figures at checkout and
  // check-in (issue 18, the Lookups lane); null: the store's own figures.
  void setMemberFiguresLines(HeadOfficeLines* lines) {
    checkout_.setFiguresLines(lines);
    checkIn_.setFiguresLines(lines);
    customerFile_.setChainLines(lines);  // and a search that finds nobody here
    members_.setChainLines(lines);
  }
  // The composition root wires the checkout's receipt preview and print queue.
  CheckoutDesk& checkoutDesk() { return checkout_; }

  void apply(const ui::Intent& intent);
  // A person touched the screen or typed.
  void activity();
  // Timers (idle lock, resetting the check-in greeting); true if the view changed.
  bool tick();
  // How the last scan went (true: recognised), once; for the chime.
  std::optional<bool> takeScanOutcome() { return std::exchange(scanOutcome_, std::nullopt); }
  // The quick_check result from the worker.
  void databaseChecked(const std::string& result);
  // An automatic backup finished (on a worker; applied on the main thread).
  void backupFinished(bool ok, const std::string& problem);

 private:
  void signIn();
  void signedIn(const SignInResult& result);
  void lock(const std::string& messageKey);
  void showSignIn();
  void showHome();

  void on(const ui::ChooseStaff& i);
  void on(const ui::PinKeys& i);
  void on(const ui::CancelSignIn&);
  void on(const ui::PhoneKeys& i);
  void on(const ui::ScanPayload& i);
  void on(const ui::ConfirmCheckIn& i);
  void on(const ui::RejectMatches&);
  void on(const ui::LeaveCheckIn& i);
  void on(const ui::LeavePinKeys& i);
  void on(const ui::NavigateBack&);
  void on(const ui::DecideOnlineHold& i);
  void on(const ui::Navigate& i);
  void on(const ui::LockKiosk&);
  void on(const ui::SwitchLanguage& i);
  void on(const ui::OpenSearch&);
  void on(const ui::KeyboardKeys& i);
  void on(const ui::PickCandidate& i);
  void on(const ui::RegistrationIntent& i);
  void on(const ui::CheckoutIntent& i);
  void on(const ui::CustomerFileIntent& i);
  void on(const ui::MembersIntent& i);
  void on(const ui::ApprovalsIntent& i);
  void on(const ui::SettingsIntent& i);
  void on(const ui::AppointmentsIntent& i);
  void on(const ui::ReportsIntent& i);
  void on(const ui::OwnFileIntent& i);
  void openScreen(ui::Screen screen, CustomerId customer);
  Desk* deskFor(ui::Screen screen);
  void search();
  void listCustomers(const std::vector<CustomerSummary>& found);

  Backroom& backroom_;
  const Clock& clock_;
  StoreZone zone_;
  Catalog catalog_;
  std::optional<Staff> staff_;
  // Where 返回 from a customer's file goes: the screen it was opened from.
  struct ReturnTo {
    ui::Screen screen = ui::Screen::Home;
    CustomerId customer = 0;
  } returnTo_;
  bool salesStopped_ = false;  // the quick check found damage: no checkout, no top-ups
  ui::DigitEntry pin_{8};
  ui::IdleLock idle_;
  PinyinConverter* pinyin_ = nullptr;
  std::optional<bool> scanOutcome_;
  int signInAttempt_ = 0;  // a result for an older attempt (locked meanwhile) is dropped
  TaskId pinCheck_ = 0;    // the PIN check queued or running, cancelled when it goes stale
  ui::KioskView view_;
  InlineTasks inlineTasks_{backroom_};
  Tasks* tasks_ = &inlineTasks_;
  PrintSpool* spool_ = nullptr;
  DeskContext desks_{clock_, zone_, catalog_, staff_, backroom_.audit(), backroom_.directory(), view_,
                     [this](ui::Screen s, CustomerId c) { openScreen(s, c); }, pinyin_,
                     backroom_, tasks_, spool_};
  CheckInDesk checkIn_{desks_, backroom_.queue()};
  RegistrationDesk registration_{desks_, checkIn_};
  CheckoutDesk checkout_{desks_};
  CustomerFileDesk customerFile_{desks_};
  MembersDesk members_{desks_};
  ApprovalsDesk approvals_{desks_};
  SettingsDesk settings_{desks_};
  AppointmentsDesk appointments_{desks_};
  SyncDesk sync_{desks_};  // head-office sync: the Sync lane, the status line, Settings → 总部同步
  ReportsDesk reports_{desks_};  // the owner's reports (issue 16)
  Desk* const all_[10] = {&checkIn_, &registration_, &checkout_, &customerFile_, &members_, &approvals_, &settings_,
                          &appointments_, &sync_, &reports_};
};

}  // namespace salon::kiosk
