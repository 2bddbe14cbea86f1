#pragma once
// The shared print spool as the kiosk window wires it (devices' PrintQueue over
// the store's print job history), for desk tests: outcomes are collected on the
// queue's thread and handed to the controller on the test's thread by deliver(),
// as the window's main-thread queue does.
#include <memory>
#include <mutex>
#include <vector>

#include "app/kiosk/kiosk_controller.h"
#include "devices/escpos/member_card_tickets.h"
#include "devices/print_queue.h"
#include "storage/print_job_store.h"

namespace salon::test {

struct PrintSpoolForTests {
  PrintSpoolForTests(storage::Database& db, const Clock& clock)
      : store(db), queue(store, clock, {}, [this](const devices::PrintOutcome& o) {
          std::lock_guard<std::mutex> lock(mutex);
          outcomes.push_back(o);
        }) {}
  // Hands the spool and the tickets to the kiosk's desks.
  void wire(kiosk::KioskController& kiosk) {
    kiosk.setPrintSpool(&queue);
    kiosk.setMemberCardTickets(&tickets);
  }
  // Waits until every job handed over is done, then tells the desks.
  void deliver(kiosk::KioskController& kiosk) {
    REQUIRE(queue.waitIdle(30000));
    std::vector<devices::PrintOutcome> done;
    {
      std::lock_guard<std::mutex> lock(mutex);
      done.swap(outcomes);
    }
    for (const devices::PrintOutcome& o : done) kiosk.printFinished(o.jobId, o.state, o.reason);
  }

  storage::SqlitePrintJobStore store;
  devices::EscposMemberCardTickets tickets;
  std::mutex mutex;
  std::vector<devices::PrintOutcome> outcomes;
  devices::PrintQueue queue;  // last: its worker stops first
};

}  // namespace salon::test
