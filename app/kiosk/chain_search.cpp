#include "app/kiosk/chain_search.h"

#include <memory>
#include <utility>

#include "app/core/chain_lookup.h"
#include "app/core/error.h"
#include "app/kiosk/customer_search.h"

namespace salon::kiosk {

void ChainSearch::ask(ui::CustomerSearchView& s, const std::string& purpose) {
  s.chain.clear();
  if (!lines_ || !k_.staff || !s.found.empty() || s.query.empty()) return;
  // Only what head office could know by: a whole phone, member or file number
  // under the chain's key (a name or the last four digits never leave the store).
  if (!k_.backroom.chainFiles().lookupKeyOf(s.query)) return;
  forget();
  s.chain = "asking";
  const int look = look_;
  auto out = std::make_shared<ChainLookupResult>();
  pending_ = k_.tasks->run(
      Lane::Lookups, "chain lookup",
      [out, lines = lines_, clock = &k_.clock, staff = *k_.staff, query = s.query, purpose](Backroom& b) {
        try {
          *out = ChainLookup(b.chainFiles(), b.headOfficeSync(), lines, *clock).fallBack(staff, query, purpose);
        } catch (const DomainError& e) {
          out->why = e.code();
        }
      },
      [this, look, out, &s, query = s.query, staff = k_.staff->code, purpose] {
        pending_ = 0;
        if (look != look_ || s.query != query || !k_.staff || k_.staff->code != staff) return;
        if (!out->why.empty() && out->why != "not_enrolled" && out->why != "no_chain_key") {
          const bool said = out->why == "hq_unreachable" || out->why == "hq_file_unknown";
          s.chain = said ? out->why : "hq_refused";  // refused, or a file sealed under another key
          return;
        }
        s.chain.clear();
        findCustomers(k_, s, purpose);  // the file brought in is found here now
        if (!s.found.empty()) s.chain = "found";
      });
}

void ChainSearch::forget() {
  ++look_;
  if (pending_) k_.tasks->cancel(std::exchange(pending_, 0));
}

}  // namespace salon::kiosk
