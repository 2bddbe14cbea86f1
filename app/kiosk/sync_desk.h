#pragma once
// Head-office sync in the kiosk window: rounds of core's SyncEngine on the Sync
// lane (its own connection and thread; the kiosk never waits for HQ to sell),
// spaced by SyncBackoff, and between them HQ's light "anything waiting?" every
// second or so (a yes runs the round in the same task: an online booking is
// decided and answered within seconds); the status bar's line (last contact, events waiting, a
// warning after 24 h without contact or when uploads stopped); and Settings →
// 总部同步 (enrol by the code typed or scanned, status, sync now). The line to HQ
// comes from the composition root (core's HeadOfficeLines); without one (tests,
// headless runs) nothing is synced.
#include <memory>
#include <string>

#include "app/core/head_office.h"
#include "app/core/sync_engine.h"
#include "app/kiosk/desk.h"
#include "app/ui/settings/settings_view.h"

namespace salon::kiosk {

class SyncDesk : public Desk {
 public:
  explicit SyncDesk(DeskContext& k) : Desk(k) {}
  void setLines(HeadOfficeLines* lines) { lines_ = lines; }
  // Whether this kiosk has a line to HQ at all (Settings offers 总部同步 then).
  bool available() const { return lines_ != nullptr; }

  void open(CustomerId) override {}
  bool offered() const override { return false; }  // no screen of its own
  // Starts a round when one is due; true when the status line changed.
  bool tick() override;
  void languageChanged() override { showStatus(); }

  // Settings → 总部同步.
  void fill(ui::SettingsHeadOffice& v) const;
  void syncNow();
  // Reads the code, then (on the Sync lane) says hello and stores the enrolment.
  // Admin only; the outcome shows in the section's lines. DomainError
  // enrol_code_invalid at once, permission_denied.
  void enrol(const std::string& code);
  static bool isEnrolmentCode(const std::string& payload);

 private:
  struct Outcome;
  struct HeldLine;
  struct Poll;
  void startRound();
  void startPoll(Instant now);
  bool collectPoll();
  void finished(const Outcome& o);
  void showStatus();
  std::string contactText(Instant at) const;

  HeadOfficeLines* lines_ = nullptr;
  std::shared_ptr<HeldLine> line_;  // the connection kept between rounds and polls (Sync lane only)
  std::shared_ptr<Poll> poll_;      // the poll in flight, if any
  SyncBackoff backoff_;
  bool busy_ = false;
  bool known_ = false;    // the status has been read once
  SyncStatus status_;
  std::string lastProblem_, lastDetail_;  // the last round's error code and detail
  std::string message_;                   // translated: what the last enrolment or sync did
  Instant lastTick_ = 0;
  std::string shown_;                     // the status line as last shown
};

}  // namespace salon::kiosk
