#pragma once
// The Approvals screen's desk: the recording clocks due for the signed-in staff
// member (service details, disputes, complaints) with a live countdown, the
// service-details form, and the supervisor's inbox (new files, change requests,
// query requests, file loans). Home asks it for the few rows due soonest.
#include <string>
#include <vector>

#include <limits>

#include "app/core/approvals_inbox.h"
#include "app/core/pinyin.h"
#include "app/core/recording_deadline.h"
#include "app/core/staff_auth.h"
#include "app/kiosk/desk.h"
#include "app/kiosk/text_entry.h"
#include "app/ui/approvals/approvals_view.h"

namespace salon::kiosk {

class ApprovalsDesk : public Desk {
 public:
  explicit ApprovalsDesk(DeskContext& k) : Desk(k) {}
  void open(CustomerId customer) override;
  void apply(const ui::ApprovalsIntent& intent);
  bool tick() override;
  void languageChanged() override;
  void locked() override;
  int waiting() override;
  bool offered() const override;

  // The home screen's "due soon" rows for the signed-in staff member (the most
  // urgent `limit`), also kept in the approvals view for the font book; `total`
  // gets how many are due in all.
  std::vector<ui::DueRow> dueSoon(int limit, int& total);
  // The pinyin engine for typing notes (null: letters are typed as they are).

  void on(const ui::ApprovalsRefresh&);
  void on(const ui::ApprovalsShowTab& i);
  void on(const ui::ApprovalsOpenDue& i);
  void on(const ui::ApprovalsDecide& i);
  void on(const ui::ApprovalsFormKeys& i);
  void on(const ui::ApprovalsFormPick& i);
  void on(const ui::ApprovalsFormField& i);
  void on(const ui::ApprovalsFormMinutes& i);
  void on(const ui::ApprovalsFormSubmit&);
  void on(const ui::ApprovalsFormCancel&);
  void on(const ui::ApprovalsInboxPage& i);
  void on(const ui::ApprovalsOpenRow& i);

 private:
  bool mayReview() const;
  bool mayLend() const;
  bool mayRecord() const;
  RecordingRules rules();
  std::vector<ui::DueRow> dueRows();
  void complaintFollowUps(std::vector<ui::DueRow>& out);
  std::vector<ui::InboxRow> inboxRows();
  void reload();
  void showInboxPage();
  // The row on the page shown, not yet decided here (nullptr: a stale tap).
  ui::InboxRow* openRow(const std::string& kind, const std::string& id);
  void markDecided(const std::string& kind, const std::string& id);
  // By value: the notes form they may come from is cleared on the way.
  void decide(std::string kind, std::string id, std::string verb, std::string notes, std::string second);
  void openNotes(const std::string& kind, const std::string& id, const std::string& verb);
  void submitDetails();
  void said(const std::string& key);
  void refused(const std::string& code);
  std::string countdown(Instant dueAt, bool& overdue) const;
  std::string customerName(CustomerId id);
  std::string staffName(const std::string& code);
  std::string& typedField();
  void refreshCandidates();
  ApprovalsInbox& inbox() { return k_.backroom.approvalsInbox(); }
  void inboxFiles(std::vector<ui::InboxRow>& out, Instant now);
  void inboxChanges(std::vector<ui::InboxRow>& out, Instant now);
  void inboxQueries(std::vector<ui::InboxRow>& out, Instant now);
  void inboxLoans(std::vector<ui::InboxRow>& out, Instant now);

  Guard guard_{k_.audit, k_.clock};
  // The whole inbox as last read; the view shows one page of it. A decided row
  // keeps its place (marked) until the list is read again, so a second tap of a
  // double tap lands on that row, never on the next one's button.
  std::vector<ui::InboxRow> inbox_;
  // The notes and details fields take keyboard keys as every text does (no length limit).
  KeyEntry typing_{KeyEntry::Kind::Text, std::numeric_limits<std::size_t>::max()};
};

}  // namespace salon::kiosk
