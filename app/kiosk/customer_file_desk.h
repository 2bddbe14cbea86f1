#pragma once
#include "app/core/customer_file.h"
#include "app/core/name_keys.h"
#include "app/kiosk/chain_search.h"
#include "app/kiosk/desk.h"
#include "app/kiosk/text_entry.h"
#include "app/ui/customer_file/customer_file_view.h"

namespace salon::kiosk {

// The customer file: found by a search, opened for a stated purpose (routine
// for the role, or approved by a supervisor first), every tab's view audited,
// fields masked by role, and edits sent as change requests.
class CustomerFileDesk : public Desk {
 public:
  explicit CustomerFileDesk(DeskContext& k) : Desk(k) {}
  void open(CustomerId customer) override;
  bool offered() const override;
  void apply(const ui::CustomerFileIntent& intent);
  void locked() override;
  void languageChanged() override;

  void on(const ui::FileSearchKeys& i);
  void on(const ui::FileSearchTyped& i);
  void on(const ui::OpenFoundCustomer& i);
  void on(const ui::ChoosePurpose& i);
  void on(const ui::CheckApproval&);
  void on(const ui::ShowFileTab& i);
  void on(const ui::StartFieldEdit& i);
  void on(const ui::EditKeys& i);
  void on(const ui::EditTyped& i);
  void on(const ui::EditChoice& i);
  void on(const ui::EditReason& i);
  void on(const ui::SubmitFieldEdit&);
  void on(const ui::CancelFieldEdit&);
  void on(const ui::FindAnotherCustomer&);
  void on(const ui::BrowseFiles& i);

  // Nobody found here: head office is asked (the short-timeout line; null: never).
  void setChainLines(HeadOfficeLines* lines) { chain_.setLines(lines); }

 private:
  ChainSearch chain_{k_};
  void search();
  void openFile();
  void showTab(const std::string& tab);
  void showMembership(const std::string& purpose);
  void showVisits(const CustomerFile& f);
  void showPets(const CustomerFile& f);
  void fieldsOf(const std::vector<std::string>& keys, const CustomerFile& f);
  void say(const std::string& key, bool error = false);
  void showTyped();
  NameKeyMaker keys_;
  KeyEntry typed_{KeyEntry::Kind::Free, 400};  // the new value typed on the keyboard
  std::string requestId_;  // the query request waiting for approval
};

}  // namespace salon::kiosk
