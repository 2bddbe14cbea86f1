#pragma once
// The customer-facing check-in screen: by phone (only a masked name, no
// balances: a phone number alone does not prove who is at the counter), or by
// member card or QR (checked through core's MemberCards: the greeting by name,
// today's appointments, points and balance). Confirming joins today's queue.
#include "app/core/check_in.h"
#include "app/core/customer.h"
#include "app/kiosk/chain_search.h"
#include "app/kiosk/counter_figures.h"
#include "app/kiosk/desk.h"
#include "app/kiosk/own_file_counter.h"
#include "app/kiosk/text_entry.h"
#include "app/ui/intents.h"

namespace salon::kiosk {

class CheckInDesk : public Desk {
 public:
  CheckInDesk(DeskContext& k, CheckInQueue& queue)
      : Desk(k),
        queue_(queue),
        own_(k),
        figures_(k, "check-in", [&k](const ui::MemberFiguresView& f) { k.view.checkIn.card.figures = f; }) {}
  void open(CustomerId customer) override;
  bool tick() override;
  void languageChanged() override;
  void locked() override;
  std::optional<bool> scanned(const std::string& payload) override;
  void printFinished(const std::string& jobId, PrintJobState state, const std::string& reason) override {
    own_.printFinished(jobId, state, reason);
  }
  // The customer's own statement is printed as a page like the reports' summary.
  void setReportTickets(ReportTickets* tickets) { own_.setReportTickets(tickets); }
  // The line to head office for a member's figures on the greeting (short timeouts); null: the store's own.
  void setFiguresLines(HeadOfficeLines* lines) {
    figures_.setLines(lines);
    chain_.setLines(lines);  // another store's member card: asked of head office
  }
  void apply(const ui::OwnFileIntent& i);

  void apply(const ui::PhoneKeys& i);
  void apply(const ui::ConfirmCheckIn& i);
  void apply(const ui::RejectMatches&);
  // Customer mode: 返回 asks for the signed-in staff member's PIN.
  void apply(const ui::LeaveCheckIn& i);
  void apply(const ui::LeavePinKeys& i);
  // A customer just registered at the counter joins the queue, greeted by name.
  void join(CustomerId id, const std::string& name);

 private:
  static constexpr std::size_t kShownMatches = 6;  // names a phone lookup may show at once
  void clear();
  void leaveChecked(const std::string& errorCode);
  void findByPhone();
  bool greetMember(const std::string& memberNo, const std::string& method);
  void refuse(const std::string& code);
  // `shownName` by value: it often comes from the view, which this clears.
  void checkIn(CustomerId id, const std::string& method, std::string shownName);
  void auditView(CustomerId id, const std::string& sections, const std::string& purpose);

  CheckInQueue& queue_;
  OwnFileCounter own_;
  CounterFigures figures_;  // the greeted member's figures (head office's or the store's, issue 18)
  ChainSearch chain_{k_};
  std::string chainAsked_;  // the member number head office just brought in
  bool askHeadOffice(const std::string& memberNo, const std::string& payload);
  std::string memberNo_;  // the card's member: whose own file may be opened
  KeyEntry phone_{KeyEntry::Kind::Digits, 15};
  KeyEntry leavePin_{KeyEntry::Kind::Digits, 8};
  int leaveAttempt_ = 0;  // a PIN check's answer for an earlier attempt is dropped
  Instant shownAt_ = 0;  // the greeting or the card's details: cleared for the next customer
};

}  // namespace salon::kiosk
