#include "app/core/customer_import_packages.h"

#include <algorithm>
#include <cstdio>

#include "app/core/customer_import_opening.h"
#include "app/core/error.h"
#include "app/core/phone.h"

namespace salon {
namespace {

int sessionsOf(const std::string& cell, bool required) {
  std::string v = trimCell(cell);
  if (v.empty() && !required) return 0;
  if (v.empty() || v.size() > 6 || v.find_first_not_of("0123456789") != std::string::npos || std::stoi(v) <= 0)
    throw DomainError("sessions_invalid", v);
  return std::stoi(v);
}

// The catalog item a cell names: by --map-items, by code, or by exact name.
const CatalogItem* itemNamed(const std::string& cell, const std::map<std::string, std::string>& itemMap,
                             const PriceBook& catalog) {
  auto mapped = itemMap.find(cell);
  const std::string& wanted = mapped != itemMap.end() ? mapped->second : cell;
  if (const CatalogItem* i = catalog.item(wanted)) return i;
  for (const CatalogItem& i : catalog.items())
    if (i.name == wanted) return &i;
  return nullptr;
}

struct Columns {
  std::vector<std::string> target;
  std::size_t width = 0;
};

Columns packageColumns(const CsvRecord& header, const std::map<std::string, std::string>& map) {
  Columns c;
  c.width = header.fields.size();
  for (const std::string& h : header.fields) {
    auto m = map.find(trimCell(h));
    c.target.push_back(m != map.end() ? m->second : packageTargetOf(h));
  }
  for (const char* needed : {"member", "item", "sessions_left"})
    if (std::find(c.target.begin(), c.target.end(), needed) == c.target.end())
      throw DomainError("import_column_missing", needed);
  return c;
}

// One row; an unknown item name is noted (the whole import waits on it), not a bad row.
void readPackageRow(const CsvRecord& rec, const Columns& cols, const std::map<std::string, std::string>& itemMap,
                    const PriceBook& catalog, Instant at, const CustomerLookup& customerOf, PackagePlan& plan) {
  if (rec.fields.size() != cols.width)
    throw DomainError("import_column_count", std::to_string(rec.fields.size()) + " / " + std::to_string(cols.width));
  std::map<std::string, std::string> cell;
  for (std::size_t i = 0; i < cols.width; ++i) {
    std::string v = trimCell(csvCellText(rec.fields[i]));
    // Card number and phone both name the member: the first one given counts.
    if (!cols.target[i].empty() && cell[cols.target[i]].empty()) cell[cols.target[i]] = v;
  }
  PackageOpening p;
  p.line = rec.line;
  const CatalogItem* item = itemNamed(cell["item"], itemMap, catalog);
  if (!item || (item->kind != ItemKind::Package && item->kind != ItemKind::Service)) {
    if (std::find(plan.unknownItems.begin(), plan.unknownItems.end(), cell["item"]) == plan.unknownItems.end())
      plan.unknownItems.push_back(cell["item"]);
    throw DomainError("item_unknown", cell["item"]);
  }
  p.packageCode = item->code;
  p.serviceCode = item->kind == ItemKind::Package ? item->packageService : item->code;
  p.sessionListPrice = catalog.priceAt(p.serviceCode, at).value_or(Money());
  p.sessionsLeft = sessionsOf(cell["sessions_left"], true);
  p.sessionsTotal = std::max(p.sessionsLeft, sessionsOf(cell["sessions_total"], false));
  MemberOpening money;  // reuses the member columns' checks for the amount and the date
  readOpeningCell("stored_value", cell["paid"], money);
  p.paid = money.svPrincipal;
  readOpeningCell("last_visit", cell["expires"], money);
  p.expires = money.lastVisit;
  std::string who = cell["member"];
  auto id = customerOf(who);
  if (!id && isPhone(who)) id = customerOf(parsePhone(who).normalised);
  if (!id) throw DomainError("member_unknown", who);
  p.customer = *id;
  plan.totals.packageSessions += p.sessionsLeft;
  plan.totals.packageValue += p.paid;
  plan.good.push_back(p);
}

}  // namespace

std::string packageTargetOf(const std::string& header) {
  static const std::map<std::string, std::string> kAliases = {
      {"会员卡号", "member"},    {"卡号", "member"},         {"会员", "member"},        {"手机号", "member"},
      {"手机", "member"},        {"member", "member"},       {"phone", "member"},       {"疗程名称", "item"},
      {"疗程", "item"},          {"项目", "item"},           {"项目名称", "item"},      {"套餐", "item"},
      {"卡项", "item"},          {"服务", "item"},           {"item", "item"},          {"package", "item"},
      {"service", "item"},       {"剩余次数", "sessions_left"}, {"剩余", "sessions_left"}, {"sessions_left", "sessions_left"},
      {"总次数", "sessions_total"}, {"sessions_total", "sessions_total"}, {"到期日期", "expires"},
      {"有效期至", "expires"},   {"有效期", "expires"},      {"expires", "expires"},    {"购买金额", "paid"},
      {"实付金额", "paid"},      {"价格", "paid"},           {"paid", "paid"},          {"price_paid", "paid"},
  };
  auto it = kAliases.find(trimCell(header));
  return it == kAliases.end() ? "" : it->second;
}

PackagePlan planPackageImport(const std::string& bytes, const std::map<std::string, std::string>& headerMap,
                              const std::map<std::string, std::string>& itemMap, const PriceBook& catalog,
                              Instant at, const CustomerLookup& customerOf) {
  PackagePlan plan;
  std::vector<CsvRecord> records = parseCsv(decodeText(bytes, plan.encoding));
  if (records.empty()) throw DomainError("import_empty", "");
  Columns cols = packageColumns(records.front(), headerMap);
  plan.rows = records.size() - 1;
  for (std::size_t r = 1; r < records.size(); ++r) {
    try {
      readPackageRow(records[r], cols, itemMap, catalog, at, customerOf, plan);
    } catch (const DomainError& e) {
      plan.bad.push_back({records[r].line, e.code(), e.detail()});
    }
  }
  return plan;
}

}  // namespace salon
