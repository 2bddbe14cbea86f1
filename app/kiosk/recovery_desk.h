#pragma once
// The recovery screen's desk: holds its view model, tries the database again,
// and restores the newest automatic backup through core's StoreRescue port
// (backup password, then an admin's code and PIN). Wrong PINs here lock the
// restore like the sign-in does (5 wrong: 5 minutes, doubling).
#include <functional>
#include <optional>
#include <string>

#include "app/core/clock.h"
#include "app/core/i18n.h"
#include "app/core/store_rescue.h"
#include "app/ui/recovery_screen.h"

namespace salon::kiosk {

class RecoveryDesk {
 public:
  // `catalogFor(language)`: the sentences of a language.
  using Catalogs = std::function<const Catalog&(const std::string& language)>;
  RecoveryDesk(StoreRescue& rescue, StoreProblem problem, const Clock& clock, Catalogs catalogs, std::string language);

  const ui::RecoveryView& view() const { return view_; }
  const Catalog& catalog() const { return catalogs_(view_.language); }
  void apply(const ui::RecoveryIntent& intent);
  // After a frame was shown: runs the restore the "working" frame announced.
  void afterFrame();
  // The database can be used now: the window gives way to the kiosk.
  bool usable() const { return usable_; }

 private:
  void setProblem(StoreProblem p);
  void retry();
  void startRestore();
  void type(const std::string& chars);
  void erase();
  void enter();
  void restore();
  void refuse(const DomainError& e);
  std::string& field();

  StoreRescue& rescue_;
  const Clock& clock_;
  Catalogs catalogs_;
  ui::RecoveryView view_;
  std::optional<BackupOnHand> backup_;
  std::string password_, pin_;
  int wrongPins_ = 0;
  Instant lockedUntil_ = 0;
  bool usable_ = false;
};

// "1.2 MB", "850 KB": a backup's size for the screen.
std::string shownSize(std::int64_t bytes);

}  // namespace salon::kiosk
