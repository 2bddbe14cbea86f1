#pragma once
// First-visit registration at the counter, through core's CustomerFiles: the
// privacy notice, agree (a file pending review, with its consent and marketing
// choice, in one audited transaction) or decline (a walk-in: nothing personal
// stored), then the name (pinyin keyboard) and phone (keypad).
#include <memory>

#include "app/core/name_keys.h"
#include "app/core/pinyin.h"
#include "app/kiosk/desk.h"
#include "app/kiosk/text_entry.h"
#include "app/ui/registration/registration_view.h"

namespace salon::kiosk {

class CheckInDesk;

class RegistrationDesk : public Desk {
 public:
  RegistrationDesk(DeskContext& k, CheckInDesk& checkIn) : Desk(k), checkIn_(checkIn) {}
  ~RegistrationDesk() override;
  void open(CustomerId customer) override;
  void languageChanged() override;
  void locked() override;
  void apply(const ui::RegistrationIntent& intent);
  // The pinyin engine, once deployed (until then letters are typed as they are).

 private:
  void on(const ui::RegisterAgree&);
  void on(const ui::RegisterDecline&);
  void on(const ui::RegisterMarketing& i);
  void on(const ui::RegisterNameKeys& i);
  void on(const ui::RegisterPickName& i);
  void on(const ui::RegisterPhoneKeys& i);
  void on(const ui::RegisterBack&);
  void on(const ui::RegisterJoinQueue&);
  void on(const ui::RegisterFinish&);
  void loadNotice();
  void nameDone();
  void submit();
  void refresh();

  CheckInDesk& checkIn_;
  std::unique_ptr<NameKeyMaker> keys_;  // made at the first registration (ICU tables)
  KeyEntry phone_{KeyEntry::Kind::Phone, 20};
  KeyEntry name_{KeyEntry::Kind::Text, 120};  // letters compose pinyin once the engine is ready
};

}  // namespace salon::kiosk
