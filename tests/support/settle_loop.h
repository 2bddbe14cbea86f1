#pragma once
// A store that settles an endless, always-valid stream of sales and voids: the
// crash test kills it, the disk-full test starves it of space. Sale i's id is
// uuidFor(i), so what was stored can be checked id by id.
#include <cstdio>
#include <string>

#include "app/core/error.h"
#include "core/checkout_fixture.h"
#include "storage/catalog_store.h"
#include "storage/day_store.h"
#include "storage/demo/demo_checkout.h"
#include "storage/demo/demo_salon.h"
#include "storage/sale_store.h"
#include "support/customer_rows.h"

namespace salon::test {

constexpr Instant kLoopT0 = 1'779'930'000'000;  // 2026-05-28 09:00 +08:00

inline std::string uuidFor(int i) {
  char buf[40];
  std::snprintf(buf, sizeof buf, "00000000-0000-4000-8000-%012d", i);
  return buf;
}

// The i-th entry of the loop; each is valid given the ones before it.
inline SaleRequest saleFor(int i) {
  SaleRequest r;
  r.id = uuidFor(i);
  bool member = i % 2 == 1 || i % 5 == 0;
  if (member) r.customer = 1;
  if (i % 5 == 0) {
    r.lines = {line("V-1000", 1, {"cash"})};
    r.tenders = {tender(TenderType::Card, 100000)};
    return r;
  }
  r.lines = {line("S-CUT", 1, {"beau"}), line("P-MASK", 1, {})};
  if (member && i % 4 == 3) r.tenders.push_back(tender(TenderType::Points, 50));
  if (member) r.tenders.push_back(tender(TenderType::StoredValue, 1000));
  r.tenders.push_back(tender(TenderType::Wechat, 500, "WX" + std::to_string(i)));
  r.tenders.push_back(tender(TenderType::Cash, 100000));
  return r;
}

// Settles (or, every 7th, voids the one before) entry i; `replayed` says it was
// already stored.
inline void settleOne(storage::SaleStore& store, const Staff& cashier, int i, bool& replayed) {
  Instant at = kLoopT0 + i * kSecond;
  if (i % 7 == 6) {
    ReversalRequest v{uuidFor(i), SaleKind::Void, {}, "crash test", "mgr"};
    replayed = store.reverse(v, uuidFor(i - 1), cashier, at).replayed;
  } else {
    replayed = store.settle(saleFor(i), cashier, at).replayed;
  }
}

// The demo salon with its checkout catalog, one member (customer 1) and an open day.
inline void seedLoopStore(const std::string& path) {
  auto db = storage::Database::open(path);
  ManualClock clock(kLoopT0 - kHour);
  demo::seedDemoSalon(*db, clock, PinCost::minimum());
  demo::seedDemoCheckout(*db, clock, 0, 1);
  db->sql().exec("INSERT INTO customers (file_no, member_no, name, phone, birthday, status, created_at, created_by)"
                 " VALUES ('S01-2026-000001', 'M00000001', '张丽', '13800138000', '1990-03-08', 'in_force', 0, 'cash')");
  syncCustomerCounters(db->sql());
  storage::openBusinessDay(*db, "cash", Money(), kLoopT0, storage::readZone(db->sql()));
}

}  // namespace salon::test
