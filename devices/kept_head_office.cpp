#include "devices/kept_head_office.h"

#include "app/core/error.h"

namespace salon::devices {
namespace {

bool sameAddress(const HeadOfficeAddress& a, const HeadOfficeAddress& b) {
  return a.url == b.url && a.store == b.store && a.token == b.token && a.fingerprint == b.fingerprint;
}

// A handle onto the kept line: each call takes its turn, opens the line when
// there is none and drops it when the call throws.
class KeptLine : public HeadOffice {
 public:
  explicit KeptLine(std::shared_ptr<KeptHeadOfficeLines::Kept> kept) : kept_(std::move(kept)) {}
  HeadOfficeHello hello() override {
    return call([](HeadOffice& l) { return l.hello(); });
  }
  BatchAnswer sendBatch(const EventBatch& b) override {
    return call([&](HeadOffice& l) { return l.sendBatch(b); });
  }
  ChangesPage changes(const std::string& after) override {
    return call([&](HeadOffice& l) { return l.changes(after); });
  }
  bool changesWaiting(const std::string& after) override {
    return call([&](HeadOffice& l) { return l.changesWaiting(after); });
  }
  bool pollChanges(const std::string& after, std::int64_t waiting) override {
    return call([&](HeadOffice& l) { return l.pollChanges(after, waiting); });
  }
  std::vector<HeldChainHead> heads() override {
    return call([](HeadOffice& l) { return l.heads(); });
  }
  OffsiteBackup uploadBackup(const std::string& name, const std::string& bytes) override {
    return call([&](HeadOffice& l) { return l.uploadBackup(name, bytes); });
  }
  std::vector<OffsiteBackup> backups() override {
    return call([](HeadOffice& l) { return l.backups(); });
  }
  std::optional<MemberBalance> memberBalance(const std::string& memberNo, const std::string& staff,
                                             const std::string& purpose) override {
    return call([&](HeadOffice& l) { return l.memberBalance(memberNo, staff, purpose); });
  }
  std::optional<ChainDebitAnswer> debitMember(const ChainDebit& debit) override {
    return call([&](HeadOffice& l) { return l.debitMember(debit); });
  }
  std::vector<SealedChainFile> chainFiles(const std::string& key, const std::string& staff,
                                          const std::string& purpose) override {
    return call([&](HeadOffice& l) { return l.chainFiles(key, staff, purpose); });
  }
  void releaseDebit(const std::string& memberNo, const std::string& sale) override {
    call([&](HeadOffice& l) {
      l.releaseDebit(memberNo, sale);
      return 0;
    });
  }

 private:
  template <class F>
  auto call(F&& f) -> decltype(f(std::declval<HeadOffice&>())) {
    std::lock_guard<std::mutex> turn(kept_->turn);
    if (!kept_->line) kept_->line = kept_->lines.open(kept_->address);
    try {
      return f(*kept_->line);
    } catch (const DomainError& e) {
      // Head office answered (a refusal, a short balance): the line is sound.
      if (e.code() != "hq_unreachable" && e.code() != "hq_certificate_mismatch") throw;
      kept_->line.reset();
      throw;
    } catch (...) {
      kept_->line.reset();
      throw;
    }
  }
  std::shared_ptr<KeptHeadOfficeLines::Kept> kept_;
};

}  // namespace

std::unique_ptr<HeadOffice> KeptHeadOfficeLines::open(const HeadOfficeAddress& address) {
  std::lock_guard<std::mutex> lock(mutex_);
  // Another address (the store enrolled again): the old line goes with the last handle.
  if (!kept_ || !sameAddress(kept_->address, address)) kept_ = std::make_shared<Kept>(lines_, address);
  return std::make_unique<KeptLine>(kept_);
}

}  // namespace salon::devices
