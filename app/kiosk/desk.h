#pragma once
// A desk is the part of the kiosk's controller behind one screen: it prepares
// that screen's view model and applies its intents by calling core services and
// the stores. Each desk owns its own files; the controller only routes to it.
#include <functional>
#include <optional>
#include <string>

#include "app/core/audit.h"
#include "app/core/backroom.h"
#include "app/core/clock.h"
#include "app/core/customer.h"
#include "app/core/i18n.h"
#include "app/core/pinyin.h"
#include "app/core/print_job.h"
#include "app/core/staff.h"
#include "app/kiosk/tasks.h"
#include "app/ui/view_models.h"

namespace salon::kiosk {

// What every desk shares with the controller; all of it outlives the desks.
struct DeskContext {
  const Clock& clock;
  const StoreZone& zone;
  const Catalog& catalog;  // the current language (replaced in place on a switch)
  const std::optional<Staff>& staff;  // who is signed in; empty while locked
  AuditLog& audit;
  CustomerDirectory& directory;
  ui::KioskView& view;     // each desk writes only its own screen's part
  std::function<void(ui::Screen, CustomerId)> open;  // show another screen
  PinyinConverter* const& pinyin;  // librime once deployed (after the first frame); null until then
  // The main thread's stores (one connection) and the background lanes, each
  // with its own back room.
  Backroom& backroom;
  Tasks* const& tasks;
  // The one print path: every job (receipts, member cards, test pages) goes to
  // this spool, wired by the composition root; null when no printing is set up.
  PrintSpool* const& spool;
};

class Desk {
 public:
  explicit Desk(DeskContext& k) : k_(k) {}
  virtual ~Desk() = default;
  Desk(const Desk&) = delete;
  Desk& operator=(const Desk&) = delete;

  // The screen is being shown, about `customer` (0: none chosen).
  virtual void open(CustomerId customer) = 0;
  // Timers; true if the view changed (the loop draws a frame).
  virtual bool tick() { return false; }
  // Sentences already in the view model were translated when made: redo them.
  virtual void languageChanged() {}
  // The staff member left (lock, switch user): forget everything shown.
  virtual void locked() {}
  // How many things wait on this desk for the signed-in staff (a home badge).
  virtual int waiting() { return 0; }
  // Whether the signed-in staff may open this screen at all (its home tile).
  virtual bool offered() const { return k_.staff.has_value(); }
  // A reader (card, QR, payment code) scanned `payload` while this desk's screen
  // is shown. Returns whether it was recognised (the good or refused chime), or
  // nullopt when this screen takes no scans (no sound).
  virtual std::optional<bool> scanned(const std::string& payload) {
    (void)payload;
    return std::nullopt;
  }
  // The spool finished a job (on the main thread). Every desk hears every
  // outcome; a desk acts only on the jobs it submitted.
  virtual void printFinished(const std::string& jobId, PrintJobState state, const std::string& reason) {
    (void)jobId, (void)state, (void)reason;
  }

 protected:
  DeskContext& k_;
};

}  // namespace salon::kiosk
