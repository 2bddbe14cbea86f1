#include "app/core/chain_lookup.h"

namespace salon {

ChainLookupResult ChainLookup::fallBack(const Staff& who, const std::string& query, const std::string& purpose) {
  ChainLookupResult r;
  std::optional<SyncEnrolment> enrolment;
  try {
    enrolment = sync_.enrolment();
  } catch (const DomainError& e) {  // a token that cannot be unsealed here: the local answer stands
    r.why = e.code();
    return r;
  }
  if (!enrolment || !lines_) {
    r.why = "not_enrolled";
    return r;
  }
  auto key = files_.lookupKeyOf(query);
  if (!key) {
    r.why = files_.hasChainKey() ? "not_a_lookup_key" : "no_chain_key";
    return r;
  }
  std::vector<SealedChainFile> found;
  try {
    found = lines_->open(enrolment->address)->chainFiles(*key, who.code, purpose);
  } catch (const DomainError& e) {
    r.why = e.code() == "hq_unreachable" ? "hq_unreachable" : "hq_refused";
    return r;
  }
  if (found.empty()) {
    r.why = "hq_file_unknown";
    return r;
  }
  std::string from;
  for (const SealedChainFile& f : found) from += (from.empty() ? "" : ",") + f.store;
  r.fileNos = files_.bringIn(found, auditOf(clock_.now(), who.code, "customer.view", "customer", "", purpose,
                                            "basic,consent,fields;source=hq;from=" + from));
  return r;
}

}  // namespace salon
