#include "app/kiosk/chain_search.h"

#include <memory>
#include <utility>

#include "app/core/error.h"
#include "app/kiosk/customer_search.h"

namespace salon::kiosk {

bool ChainSearch::mayAsk(const std::string& query) {
  return lines_ && k_.staff && !query.empty() && k_.backroom.chainFiles().lookupKeyOf(query).has_value();
}

void ChainSearch::askFor(const std::string& query, const std::string& purpose,
                         std::function<void(const ChainLookupResult&)> answered) {
  forget();
  const int look = look_;
  auto out = std::make_shared<ChainLookupResult>();
  pending_ = k_.tasks->run(
      Lane::Lookups, "chain lookup",
      [out, lines = lines_, clock = &k_.clock, staff = *k_.staff, query, purpose](Backroom& b) {
        try {
          *out = ChainLookup(b.chainFiles(), b.headOfficeSync(), lines, *clock).fallBack(staff, query, purpose);
        } catch (const DomainError& e) {  // a file sealed under another key, a store error
          out->why = e.code();
        }
      },
      [this, look, out, staff = k_.staff->code, answered = std::move(answered)] {
        pending_ = 0;
        if (look != look_ || !k_.staff || k_.staff->code != staff) return;
        answered(*out);
      });
}

void ChainSearch::ask(ui::CustomerSearchView& s, const std::string& purpose) {
  s.chain.clear();
  if (!s.found.empty() || !mayAsk(s.query)) return;
  s.chain = "asking";
  askFor(s.query, purpose, [this, &s, query = s.query, purpose](const ChainLookupResult& r) {
    if (s.query != query) return;  // typed on meanwhile
    s.chain = said(r);
    if (!r.why.empty()) return;
    findCustomers(k_, s, purpose);  // the file brought in is found here now
    if (!s.found.empty()) s.chain = "found";
  });
}

void ChainSearch::forget() {
  ++look_;
  if (pending_) k_.tasks->cancel(std::exchange(pending_, 0));
}

std::string ChainSearch::said(const ChainLookupResult& r) {
  if (r.why.empty() || r.why == "not_enrolled" || r.why == "no_chain_key" || r.why == "not_a_lookup_key") return "";
  if (r.why == "hq_unreachable" || r.why == "hq_file_unknown") return r.why;
  return "hq_refused";  // refused, or a file sealed under another key
}

}  // namespace salon::kiosk
