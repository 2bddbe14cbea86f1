#pragma once
// Treatment packages (疗程卡/次卡) brought across from another system, one row
// per package: the member (card number or phone), the package or service (name
// or code), sessions left, expiry, price paid. Names that match no catalog item
// are reported, never guessed; --map-items "旧名称=CODE" maps them.
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "app/core/catalog.h"
#include "app/core/customer.h"
#include "app/core/customer_import.h"

namespace salon {

struct PackageOpening {
  int line = 0;
  CustomerId customer = 0;
  std::string packageCode, serviceCode;  // the catalog's
  int sessionsLeft = 0, sessionsTotal = 0;
  Money paid, sessionListPrice;
  std::string expires;  // YYYY-MM-DD or "" (no expiry)
};

struct PackagePlan {
  TextEncoding encoding = TextEncoding::Utf8;
  std::size_t rows = 0;
  std::vector<PackageOpening> good;
  std::vector<ImportProblem> bad;
  std::vector<std::string> unknownItems;  // names in the file the catalog lacks, in order
  ImportTotals totals;                     // package_sessions and the value paid
};

// The header target of a packages file: member, item, sessions_left,
// sessions_total, expires, paid ("" when not recognised).
std::string packageTargetOf(const std::string& header);

using CustomerLookup = std::function<std::optional<CustomerId>(const std::string& cardOrPhone)>;

// Reads and checks the whole file; stores nothing. DomainError import_empty,
// import_column_missing (member, item, sessions_left).
PackagePlan planPackageImport(const std::string& bytes, const std::map<std::string, std::string>& headerMap,
                              const std::map<std::string, std::string>& itemMap, const PriceBook& catalog,
                              Instant at, const CustomerLookup& customerOf);

}  // namespace salon
