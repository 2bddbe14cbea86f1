#pragma once
#include "app/core/member_card_tickets.h"
#include "app/kiosk/chain_search.h"
#include "app/kiosk/desk.h"
#include "app/kiosk/text_entry.h"
#include "app/ui/members/members_view.h"

namespace salon::kiosk {

// A member's card (reprint, or reissue that stops the old card), stored-value
// top-ups (settled once however often tapped), packages and the ledgers.
class MembersDesk : public Desk {
 public:
  explicit MembersDesk(DeskContext& k) : Desk(k) {}
  void open(CustomerId customer) override;
  void apply(const ui::MembersIntent& intent);
  void locked() override;
  void languageChanged() override;
  // A member QR or card picks the member (the path check-in uses); a phone is searched.
  std::optional<bool> scanned(const std::string& payload) override;
  void printFinished(const std::string& jobId, PrintJobState state, const std::string& reason) override;
  // The card's bytes (wired by the composition root; null: no printing).
  void setCardTickets(MemberCardTickets* tickets) { tickets_ = tickets; }

  void on(const ui::MemberSearchKeys& i);
  void on(const ui::MemberSearchTyped& i);
  void on(const ui::OpenMember& i);
  void on(const ui::ShowMemberTab& i);
  void on(const ui::ChooseCardAction& i);
  void on(const ui::CardReason& i);
  void on(const ui::ConfirmCard&);
  void on(const ui::AmountKeys& i);
  void on(const ui::PickTopUpPlan& i);
  void on(const ui::ChooseTopUpTender& i);
  void on(const ui::ConfirmTopUp&);
  void on(const ui::NewTopUp&);
  void on(const ui::FindAnotherMember&);

  // Nobody found here: head office is asked (the short-timeout line; null: never).
  void setChainLines(HeadOfficeLines* lines) { chain_.setLines(lines); }

 private:
  ChainSearch chain_{k_};
  void search();
  void loadMember();
  void histories();
  void priceTopUp();
  void printCard(MemberCardPrint card, const std::string& printer, const std::string& done);
  void cardPrinted(PrintJobState state, const std::string& reason);
  void say(const std::string& text, bool error = false);
  std::string topUpId_;       // the top-up's UUID: a second tap settles the same entry
  std::string planCode_;
  int planQty_ = 0;
  int printAttempt_ = 0;      // a print result for a member no longer shown is dropped
  std::string cardJob_;       // the card on the spool
  std::string cardDone_;      // what was done to the card, said again with the print's outcome
  MemberCardTickets* tickets_ = nullptr;
  KeyEntry amount_{KeyEntry::Kind::Digits, 6};  // whole yuan, up to ¥999,999 in one top-up
};

}  // namespace salon::kiosk
