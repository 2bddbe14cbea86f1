#pragma once
// The customer's own file at the check-in screen (知情权, 消费记录查询, 更正权):
// opened from a member card or QR once the customer types the last 4 digits
// of their phone (core's rule, through the back room's SelfService: wrong
// tries are logged and lock the file's self-service). Shows the file, who
// viewed it and why, and the statement; prints the statement; sends a
// correction to staff as a change request. Closes itself when left alone, and
// forgets everything when it closes: the next customer sees nothing of this one.
#include <string>

#include "app/core/customer.h"
#include "app/core/report_summary.h"
#include "app/core/self_service.h"
#include "app/kiosk/desk.h"
#include "app/kiosk/text_entry.h"
#include "app/ui/own_file/own_file_view.h"

namespace salon::kiosk {

class OwnFileCounter {
 public:
  explicit OwnFileCounter(DeskContext& k) : k_(k) {}
  void setReportTickets(ReportTickets* tickets) { tickets_ = tickets; }

  // The card proved which member is at the counter: ask for the last 4 digits.
  void begin(const std::string& memberNo, const std::string& name);
  void apply(const ui::OwnFileIntent& i);
  bool open() const { return k_.view.checkIn.ownFile.step != ui::OwnFileStep::None; }
  // True once nobody touched the panel for a while: the caller clears the screen.
  bool idle() const;
  // Forgets the customer (the view is cleared by the caller).
  void forget();
  void printFinished(const std::string& jobId, PrintJobState state, const std::string& reason);

 private:
  void on(const ui::OwnFileOpen&) {}  // the check-in desk opens it, with the card
  void on(const ui::OwnFileKeys& i);
  void on(const ui::OwnFileShow& i);
  void on(const ui::OwnFilePrint&);
  void on(const ui::OwnFileCorrect& i);
  void on(const ui::OwnFileCorrectKeys& i);
  void on(const ui::OwnFilePick& i);
  void on(const ui::OwnFileSubmit&) { submitCorrection(); }
  void on(const ui::OwnFileClose&) {}  // the check-in desk clears the screen

  ui::OwnFileView& view() { return k_.view.checkIn.ownFile; }
  void identify();
  void show();
  void fillFile();
  void fillViews();
  std::string purposeText(const FileView& v) const;
  void fillStatement();
  void showCandidates();
  void submitCorrection();
  void say(const std::string& text, bool error);

  DeskContext& k_;
  ReportTickets* tickets_ = nullptr;
  std::string memberNo_;
  CustomerSummary who_;   // id 0 until identified
  Statement statement_;
  KeyEntry last4_{KeyEntry::Kind::Digits, 4};
  KeyEntry correction_{KeyEntry::Kind::Free, 200};
  Instant touched_ = 0;
  std::string printJob_;
};

}  // namespace salon::kiosk
