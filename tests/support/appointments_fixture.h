#pragma once
// The appointments screen on a real SQLite file on 1 June 2026 (the store's zone),
// with what tests that seed stays, events or invitations through core need: a
// cashier to act as, an audit log and a guard. `openAppointments` starts the
// kiosk, signs the cashier in and opens the tab.
#include "app/kiosk/appointments_book.h"
#include "storage/audit_store.h"
#include "storage/customer_rows.h"
#include "support/kiosk_fixture.h"

namespace salon::test {

struct AppointmentsFixture : KioskFixture {
  static Staff cashier() { return {"cash", "陈前台", Role::Cashier, "前台", true}; }

  StoreZone zone = storage::storeZone(db->sql());
  CivilDate today{2026, 6, 1};
  storage::SqliteAuditLog auditLog{*db};
  Guard guard{auditLog, clock};

  Instant at(int day, int hour) const {
    return startOfLocalDay(salon::kiosk::plusDays(today, day), zone) + hour * kHour;
  }
  void openAppointments(ui::ab::AppointmentsTab tab) {
    start(60);
    signIn("cash", "3456");
    kiosk->apply(ui::Navigate{ui::Screen::Appointments, 0});
    apply(ui::ab::ShowTab{tab});
  }
  void apply(ui::AppointmentsIntent i) { kiosk->apply(ui::Intent{i}); }
  const ui::AppointmentsView& view() const { return kiosk->view().appointments; }
};

}  // namespace salon::test
