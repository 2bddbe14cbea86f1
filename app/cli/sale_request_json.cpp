#include "app/cli/sale_request_json.h"

#include <fstream>
#include <iostream>
#include <sstream>

#include "app/core/error.h"

namespace salon::cli {
namespace {

using nlohmann::json;

const json& field(const json& j, const char* name, const std::string& where) {
  if (!j.is_object() || !j.contains(name)) throw DomainError("bad_json", where + name + " missing");
  return j.at(name);
}

std::int64_t integer(const json& j, const char* name, const std::string& where, std::int64_t fallback, bool required = false) {
  if (!j.contains(name) || j.at(name).is_null()) {
    if (required) throw DomainError("bad_json", where + name + " missing");
    return fallback;
  }
  const json& v = j.at(name);
  if (!v.is_number_integer()) throw DomainError("bad_json", where + name + " must be a whole number (fen)");
  return v.get<std::int64_t>();
}

std::string text(const json& j, const char* name, const std::string& where) {
  if (!j.contains(name) || j.at(name).is_null()) return "";
  if (!j.at(name).is_string()) throw DomainError("bad_json", where + name + " must be text");
  return j.at(name).get<std::string>();
}

LineRequest lineFromJson(const json& j, std::size_t i) {
  std::string where = "lines[" + std::to_string(i) + "].";
  if (!j.is_object()) throw DomainError("bad_json", where);
  LineRequest l;
  l.item = text(j, "item", where);
  if (l.item.empty()) throw DomainError("bad_json", where + "item missing");
  std::int64_t qty = integer(j, "qty", where, 1);
  if (qty <= 0 || qty > 999) throw DomainError("bad_quantity", where + "qty");
  l.qty = static_cast<int>(qty);
  if (j.contains("staff")) {
    if (!j.at("staff").is_array()) throw DomainError("bad_json", where + "staff must be a list");
    for (const auto& s : j.at("staff")) {
      if (!s.is_string()) throw DomainError("bad_json", where + "staff");
      l.staff.push_back(s.get<std::string>());
    }
  }
  if (j.contains("shares")) {
    if (!j.at("shares").is_array()) throw DomainError("bad_json", where + "shares must be a list");
    for (const auto& s : j.at("shares")) {
      if (!s.is_number_integer()) throw DomainError("bad_json", where + "shares");
      l.sharesBp.push_back(s.get<int>());
    }
  }
  l.discount = Money(integer(j, "discount", where, 0));
  if (j.contains("price") && !j.at("price").is_null()) l.priceOverride = Money(integer(j, "price", where, 0));
  return l;
}

}  // namespace

std::vector<TenderRequest> tendersFromJson(const json& list) {
  if (!list.is_array()) throw DomainError("bad_json", "tenders must be a list");
  std::vector<TenderRequest> out;
  for (std::size_t i = 0; i < list.size(); ++i) {
    std::string where = "tenders[" + std::to_string(i) + "].";
    const json& j = list[i];
    auto type = tenderFromName(text(j, "type", where));
    if (!type) throw DomainError("bad_tender_type", where + "type: " + text(j, "type", where));
    TenderRequest t;
    t.type = *type;
    t.amount = Money(integer(j, "amount", where, 0, *type != TenderType::Package));
    if (j.contains("handed") && !j.at("handed").is_null()) t.handed = Money(integer(j, "handed", where, 0));
    t.ref = text(j, "ref", where);
    if (t.ref.empty()) t.ref = text(j, "package", where);
    out.push_back(std::move(t));
  }
  return out;
}

SaleRequest saleRequestFromJson(const json& j, const std::function<CustomerId(const std::string&)>& findCustomer,
                                StoreZone zone) {
  if (!j.is_object()) throw DomainError("bad_json", "the sale must be a JSON object");
  SaleRequest r;
  r.id = text(j, "id", "");
  if (r.id.empty()) throw DomainError("bad_json", "id missing");
  if (j.contains("customer") && !j.at("customer").is_null()) {
    if (!j.at("customer").is_string()) throw DomainError("bad_json", "customer must be text or null");
    r.customer = findCustomer(j.at("customer").get<std::string>());
  }
  const json& lines = field(j, "lines", "");
  if (!lines.is_array()) throw DomainError("bad_json", "lines must be a list");
  for (std::size_t i = 0; i < lines.size(); ++i) r.lines.push_back(lineFromJson(lines[i], i));
  r.tenders = tendersFromJson(field(j, "tenders", ""));
  r.orderDiscount = Money(integer(j, "discount", "", 0));
  r.reason = text(j, "reason", "");
  r.approvedBy = text(j, "approved_by", "");
  std::string done = text(j, "completed_at", "");
  if (!done.empty()) {
    // "YYYY-MM-DD HH:MM" in the store's zone.
    CivilDate d;
    int hh = 0, mm = 0;
    if (done.size() != 16 || !parseDate(done.substr(0, 10), d) || std::sscanf(done.c_str() + 11, "%d:%d", &hh, &mm) != 2 ||
        hh < 0 || hh > 23 || mm < 0 || mm > 59)
      throw DomainError("bad_json", "completed_at must be YYYY-MM-DD HH:MM");
    r.completedAt = startOfLocalDay(d, zone) + hh * kHour + mm * kMinute;
  }
  return r;
}

nlohmann::json readJsonInput(const std::string& path) {
  std::stringstream ss;
  if (path == "-") {
    ss << std::cin.rdbuf();
  } else {
    std::ifstream f(path);
    if (!f) throw DomainError("bad_json", "cannot read " + path);
    ss << f.rdbuf();
  }
  try {
    return nlohmann::json::parse(ss.str());
  } catch (const nlohmann::json::exception& e) {
    throw DomainError("bad_json", e.what());
  }
}

}  // namespace salon::cli
