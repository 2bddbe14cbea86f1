#pragma once
// The lists staff work through on the appointments screen: the calls (late
// arrivals, tomorrow's reminders, rebooking for an absent staff member),
// tomorrow's briefing, and customer care (birthdays, lapsed customers, care
// reminders, follow-ups, 沙龙活动 invitations and who came). A row opens to log
// a call or a message.
#include <map>
#include <string>
#include <vector>

#include "app/core/care.h"
#include "app/core/customer_file.h"
#include "app/kiosk/appointments_book.h"
#include "app/kiosk/text_entry.h"

namespace salon::kiosk {

class WorkLists {
 public:
  explicit WorkLists(OpenBook& b) : b_(b) {}
  void loadCalls();     // appointments_calls.cpp
  void loadBriefing();  // appointments_calls.cpp
  void loadCare();      // appointments_care.cpp
  void closeRow() {
    openRow_.clear();
    writing_ = false;
  }
  void forget() { rows_.clear(); }

  void on(const ui::ab::OpenWorkRow& i);
  void on(const ui::ab::PickNote& i);
  void on(const ui::ab::PickScore& i);
  void on(const ui::ab::RecordContact& i);
  void on(const ui::ab::ChooseCareList& i);
  void on(const ui::ab::MoreRows&);
  void on(const ui::ab::WriteNote&);
  void on(const ui::ab::NoteKeys& i);
  void on(const ui::ab::NotePick& i);
  void on(const ui::ab::RowAction& i);  // 活动: 到场 (appointments_events.cpp)

  // Who a contact on a list row is logged for.
  struct RowTarget {
    CustomerId customer = 0;
    std::string kind;  // a care contact kind
    std::string ref;
    bool marketing = false;  // opted in to marketing
  };

 private:
  ui::ab::WorkRow row(const std::string& key, RowTarget target);
  void callNotes();
  void careNotes();
  void noteEntry();  // the typed note and the keyboard's state, into the view
  void followUps(ui::ab::WorkSection& sec, Instant now);
  void careTasks(ui::ab::WorkSection& sec, Instant now);
  std::vector<ui::ab::WorkSection> events();  // appointments_events.cpp
  static bool attendedRow(const std::string& key);  // 已到场: nothing to open
  ui::ab::WorkSection eventSection(const SalonEvent& e, bool today);
  ui::ab::WorkRow briefingRow(const Appointment& a, const CustomerFile& file, const std::string& staffName);
  OpenBook& b_;
  std::string careList_ = "birthdays";
  int careLimit_ = 50;
  std::string openRow_, note_;
  // The open row's own words: typed (pinyin composes), or a preset chip to start from.
  KeyEntry typed_{KeyEntry::Kind::Free, 200};
  bool writing_ = false;
  int score_ = 0;
  std::map<std::string, RowTarget> rows_;
};

}  // namespace salon::kiosk
