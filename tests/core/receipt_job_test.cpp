// The receipt job the checkout screen and `print receipt` share (core's
// receiptJobFor over the CheckoutStore and Tickets ports, here faked).
#include <catch2/catch.hpp>

#include "app/core/checkout_store.h"
#include "app/core/error.h"
#include "app/core/tickets.h"

using namespace salon;

namespace {

struct FakeStore : CheckoutStore {
  std::optional<Sale> stored;
  int prints = 0;
  CheckoutSetup setup() override { return {}; }
  std::vector<Staff> staffList() override { return {}; }
  std::optional<MemberAccount> account(CustomerId, const CheckoutPolicy&, Instant) override { return std::nullopt; }
  std::optional<BusinessDay> currentDay() override { return std::nullopt; }
  void openDay(const std::string&, Money, Instant, StoreZone) override {}
  SettleResult settle(const SaleRequest&, const CheckoutSetup&, const Staff&, Instant) override { return {}; }
  std::optional<Sale> sale(const std::string& id) override {
    return stored && stored->id == id ? stored : std::nullopt;
  }
  std::optional<std::string> setting(const std::string&) override { return std::nullopt; }
  Receipt receiptOf(const Sale& s) override {
    Receipt r;
    r.saleId = s.id;
    r.saleNo = "S01-20260528-" + s.id.substr(0, 8);
    return r;
  }
  int receiptPrints(const std::string&) override { return prints; }
};

struct FakeTickets : Tickets {
  std::string receiptBytes(const Receipt& r, const std::string& printer) override {
    if (printer == "bad") throw DomainError("printer_uri_invalid", printer);
    return "RECEIPT " + r.saleNo + " reprint " + std::to_string(r.reprintCount);
  }
  TicketPicture picture(const std::string& bytes, const std::string&) override {
    TicketPicture p;
    p.text = bytes;
    return p;
  }
};

}  // namespace

TEST_CASE("receipt job: kind and ref say which sale it prints, the reprint count comes from the store") {
  FakeStore store;
  FakeTickets tickets;
  store.stored = Sale{};
  store.stored->id = "0a1b2c3d-0000-4000-8000-000000000001";
  PrintJob first = receiptJobFor(store, tickets, store.stored->id, "file:/dev/null");
  CHECK(first.kind == "receipt");
  CHECK(first.ref == store.stored->id);
  CHECK(first.title == "小票 S01-20260528-0a1b2c3d");
  CHECK(first.printer == "file:/dev/null");
  CHECK(first.bytes == "RECEIPT S01-20260528-0a1b2c3d reprint 0");
  store.prints = 2;
  CHECK(receiptJobFor(store, tickets, store.stored->id, "file:/dev/null").bytes.find("reprint 2") != std::string::npos);
  CHECK(receiptJobFor(store, tickets, store.stored->id, "file:/dev/null", 5).bytes.find("reprint 5") != std::string::npos);
  CHECK_THROWS_WITH(receiptJobFor(store, tickets, "nope", "file:/dev/null"), Catch::Contains("sale_not_found"));
  CHECK_THROWS_WITH(receiptJobFor(store, tickets, store.stored->id, "bad"), Catch::Contains("printer_uri_invalid"));
}
