#pragma once
// The recovery window: what app/main.cpp opens instead of exiting when the
// store's database cannot be used. It runs the recovery screen (and a script,
// for tests) until the database is usable again or the window closes.
#include "app/core/clock.h"
#include "app/core/store_rescue.h"
#include "app/kiosk/kiosk_window.h"

namespace salon::kiosk {

struct RecoveryOutcome {
  bool usable = false;  // open the store now (retry worked, or a backup was restored)
  int exitCode = 0;     // when not usable: the window closed (0) or the script's result
};

RecoveryOutcome runRecoveryWindow(StoreRescue& rescue, const StoreProblem& problem, const Clock& clock,
                                  const KioskWindowOptions& options);

}  // namespace salon::kiosk
