// Core's ChainLookup over fake ports: head office is asked only at an enrolled store
// with a chain key and for a whole phone, member or file number; what it answers is
// brought in with one audit entry (the staff, the purpose, source hq); a line that
// fails or a key it does not know leaves the store's answer, with the reason.
#include <catch2/catch.hpp>

#include "support/fake_head_office.h"

#include <memory>

#include "app/core/chain_lookup.h"
#include "app/core/error.h"

using namespace salon;

namespace {

struct FixedClock : Clock {
  Instant now() const override { return 1'780'000'000'000; }
};

struct Files : ChainFileStore {
  bool key = true;
  std::vector<std::vector<SealedChainFile>> brought;
  std::vector<AuditEntry> audits;
  bool hasChainKey() override { return key; }
  std::optional<std::string> lookupKeyOf(const std::string& query) override {
    if (!key || query.size() < 9) return std::nullopt;
    return "blind:" + query;
  }
  std::vector<std::string> bringIn(const std::vector<SealedChainFile>& files, AuditEntry audit) override {
    brought.push_back(files);
    audits.push_back(audit);
    std::vector<std::string> nos;
    for (const auto& f : files) nos.push_back(f.fileNo);
    return nos;
  }
};

// Head office holds one file under "blind:13912345678", or does not answer.
struct Lines : HeadOfficeLines {
  bool down = false;
  std::vector<std::string> asked;  // "key staff purpose"
  struct Line : test::QuietHeadOffice {
    Lines& l;
    explicit Line(Lines& lines) : l(lines) {}
    std::vector<SealedChainFile> chainFiles(const std::string& key, const std::string& staff,
                                            const std::string& purpose) override {
      if (l.down) throw DomainError("hq_unreachable", "timeout");
      l.asked.push_back(key + " " + staff + " " + purpose);
      if (key != "blind:13912345678") return {};
      return {{"A01-2026-000001", "A01", "c2VhbGVk"}};
    }
  };
  HeadOfficeAddress readEnrolmentCode(const std::string&) const override { return {}; }
  std::unique_ptr<HeadOffice> open(const HeadOfficeAddress&) override { return std::make_unique<Line>(*this); }
};

Staff cashier() { return {"cash", "小周", Role::Cashier, "前台", true}; }

}  // namespace

TEST_CASE("a file head office holds is brought in with one audit entry naming the purpose and the source") {
  Files files;
  test::FakeEnrolment sync;
  Lines lines;
  FixedClock clock;
  ChainLookupResult r = ChainLookup(files, sync, &lines, clock).fallBack(cashier(), "13912345678", "checkout");
  CHECK(r.why.empty());
  CHECK(r.fileNos == std::vector<std::string>{"A01-2026-000001"});
  CHECK(lines.asked == std::vector<std::string>{"blind:13912345678 cash checkout"});
  REQUIRE(files.audits.size() == 1);
  const AuditEntry& a = files.audits[0];
  CHECK(a.action == "customer.view");
  CHECK(a.staff == "cash");
  CHECK(a.reason == "checkout");
  CHECK(a.sections == "basic,consent,fields;source=hq;from=A01");
  CHECK(a.at == clock.now());
}

TEST_CASE("head office is not asked, or does not help, and the store's answer stands with the reason") {
  Files files;
  test::FakeEnrolment sync;
  Lines lines;
  FixedClock clock;
  ChainLookup lookup(files, sync, &lines, clock);
  CHECK(lookup.fallBack(cashier(), "13900000000", "checkout").why == "hq_file_unknown");
  CHECK(lookup.fallBack(cashier(), "王小", "checkout").why == "not_a_lookup_key");
  lines.down = true;
  CHECK(lookup.fallBack(cashier(), "13912345678", "checkout").why == "hq_unreachable");
  lines.down = false;
  files.key = false;
  CHECK(lookup.fallBack(cashier(), "13912345678", "checkout").why == "no_chain_key");
  files.key = true;
  sync.enrolled = false;
  CHECK(lookup.fallBack(cashier(), "13912345678", "checkout").why == "not_enrolled");
  CHECK(ChainLookup(files, sync, nullptr, clock).fallBack(cashier(), "13912345678", "checkout").why == "not_enrolled");
  CHECK(lines.asked.size() == 1);  // only the unknown phone reached head office
  CHECK(files.brought.empty());
}
