#include "app/hq/sale_projection.h"

#include <map>
#include <pqxx/pqxx>
#include <stdexcept>

#include "app/core/clock.h"
#include "app/core/uuid.h"

namespace salon::hq {
namespace {

using nlohmann::json;

// Why a payload cannot be projected (caught per event, becomes its quarantine reason).
struct Unprojectable : std::runtime_error {
  using std::runtime_error::runtime_error;
};

const json& field(const json& j, const char* key) {
  static const json missing;
  if (!j.is_object()) throw Unprojectable(std::string("not an object where \"") + key + "\" was expected");
  auto it = j.find(key);
  return it == j.end() ? missing : *it;
}

std::int64_t integer(const json& j, const char* key) {
  const json& v = field(j, key);
  if (!v.is_number_integer()) throw Unprojectable(std::string("\"") + key + "\" is not an integer");
  return v.get<std::int64_t>();
}

std::string text(const json& j, const char* key, bool required = true) {
  const json& v = field(j, key);
  if (v.is_string()) return v.get<std::string>();
  if (!required && v.is_null()) return "";
  throw Unprojectable(std::string("\"") + key + "\" is not a string");
}

const json& array(const json& j, const char* key) {
  const json& v = field(j, key);
  if (!v.is_array()) throw Unprojectable(std::string("\"") + key + "\" is not an array");
  return v;
}

struct DayFigures {
  int sales = 0, voids = 0, refunds = 0, settlements = 0;
  std::int64_t total = 0;
  std::map<std::string, std::int64_t> tenders;
};

// Rows for one batch, built in memory and written with one statement per table.
struct SaleRows {
  json sales = json::array(), lines = json::array(), tenders = json::array(), customers = json::array();
  std::map<std::string, DayFigures> days;
};

std::string businessDay(const OutboxEvent& e) {
  std::string day = text(e.payload, "business_day", false);
  if (day.empty()) return e.day;
  CivilDate d;
  if (!parseDate(day, d) || formatDate(d) != day) throw Unprojectable("business_day is not YYYY-MM-DD");
  return day;
}

void countInto(DayFigures& d, const std::string& kind, std::int64_t total) {
  (kind == "sale" ? d.sales : kind == "void" ? d.voids : kind == "refund" ? d.refunds : d.settlements) += 1;
  d.total += total;
}

// Reads the whole sale first, so a bad field leaves no row of it behind.
void addSale(SaleRows& rows, const OutboxEvent& e, const std::string& kind) {
  const json& p = e.payload;
  std::string k = text(p, "kind", false);
  if (!k.empty() && k != kind) throw Unprojectable("payload kind " + k + " does not match " + e.type);
  std::string day = businessDay(e);
  std::int64_t total = integer(field(p, "totals"), "total");
  const json& customer = field(p, "customer");
  json customerId = customer.is_object() ? json(integer(customer, "id")) : json(nullptr);
  json lines = json::array(), tenders = json::array();
  for (const auto& l : array(p, "lines"))
    lines.push_back({{"sale_id", e.id}, {"line", integer(l, "line")}, {"item", text(l, "item")},
                     {"name", text(l, "name")}, {"category", text(l, "category", false)}, {"qty", integer(l, "qty")},
                     {"unit_price", integer(l, "unit_price")}, {"net", integer(l, "net")}});
  std::map<std::string, std::int64_t> byTender;
  int seq = 0;
  for (const auto& t : array(p, "tenders")) {
    std::string type = text(t, "type");
    std::int64_t amount = integer(t, "amount");
    tenders.push_back({{"sale_id", e.id}, {"seq", ++seq}, {"type", type}, {"amount", amount}});
    byTender[type] += amount;
  }
  rows.sales.push_back({{"id", e.id}, {"business_day", day}, {"kind", kind},
                        {"reverses", text(p, "reverses", false)}, {"cashier", text(p, "cashier", false)},
                        {"customer_id", customerId}, {"total", total},
                        {"completed_at", field(p, "completed_at_ms").is_number_integer() ? integer(p, "completed_at_ms") : e.at}});
  for (auto& l : lines) rows.lines.push_back(std::move(l));
  for (auto& t : tenders) rows.tenders.push_back(std::move(t));
  DayFigures& d = rows.days[day];
  countInto(d, kind, total);
  for (const auto& [type, amount] : byTender) d.tenders[type] += amount;
}

void addCustomer(SaleRows& rows, const OutboxEvent& e) {
  rows.customers.push_back({{"customer_id", integer(e.payload, "customer_id")},
                            {"file_no", text(e.payload, "file_no")},
                            {"member_no", text(e.payload, "member_no", false)},
                            {"registered_at", e.at},
                            {"event_id", e.id}});
}

void writeSales(pqxx::dbtransaction& w, const std::string& store, const SaleRows& r) {
  if (r.sales.empty()) return;
  w.exec_params(
      "INSERT INTO sales (id, store, business_day, kind, reverses, cashier, customer_id, total, completed_at)"
      " SELECT s.id, $2, s.business_day, s.kind, NULLIF(s.reverses, ''), s.cashier, s.customer_id, s.total,"
      " s.completed_at FROM jsonb_to_recordset($1::jsonb) AS s(id uuid, business_day date, kind text,"
      " reverses text, cashier text, customer_id bigint, total bigint, completed_at bigint)",
      r.sales.dump(), store);
  w.exec_params(
      "INSERT INTO sale_lines (sale_id, line, item, name, category, qty, unit_price, net)"
      " SELECT * FROM jsonb_to_recordset($1::jsonb) AS l(sale_id uuid, line integer, item text, name text,"
      " category text, qty integer, unit_price bigint, net bigint)",
      r.lines.dump());
  if (!r.tenders.empty())
    w.exec_params(
        "INSERT INTO sale_tenders (sale_id, seq, type, amount)"
        " SELECT * FROM jsonb_to_recordset($1::jsonb) AS t(sale_id uuid, seq integer, type text, amount bigint)",
        r.tenders.dump());
}

void writeDays(pqxx::dbtransaction& w, const std::string& store, const SaleRows& r) {
  if (r.days.empty()) return;
  json days = json::array(), tenders = json::array();
  for (const auto& [day, d] : r.days) {
    days.push_back({{"day", day}, {"sales", d.sales}, {"voids", d.voids}, {"refunds", d.refunds},
                    {"settlements", d.settlements}, {"total", d.total}});
    for (const auto& [type, amount] : d.tenders) tenders.push_back({{"day", day}, {"tender", type}, {"amount", amount}});
  }
  w.exec_params(
      "INSERT INTO store_days (store, business_day, sales, voids, refunds, arrears_settlements, total)"
      " SELECT $2, d.day, d.sales, d.voids, d.refunds, d.settlements, d.total FROM jsonb_to_recordset($1::jsonb)"
      " AS d(day date, sales integer, voids integer, refunds integer, settlements integer, total bigint)"
      " ON CONFLICT (store, business_day) DO UPDATE SET sales = store_days.sales + excluded.sales,"
      " voids = store_days.voids + excluded.voids, refunds = store_days.refunds + excluded.refunds,"
      " arrears_settlements = store_days.arrears_settlements + excluded.arrears_settlements,"
      " total = store_days.total + excluded.total",
      days.dump(), store);
  if (tenders.empty()) return;
  w.exec_params(
      "INSERT INTO store_day_tenders (store, business_day, tender, amount)"
      " SELECT $2, t.day, t.tender, t.amount FROM jsonb_to_recordset($1::jsonb) AS t(day date, tender text, amount bigint)"
      " ON CONFLICT (store, business_day, tender) DO UPDATE SET amount = store_day_tenders.amount + excluded.amount",
      tenders.dump(), store);
}

void writeCustomers(pqxx::dbtransaction& w, const std::string& store, const SaleRows& r) {
  if (r.customers.empty()) return;
  w.exec_params(
      "INSERT INTO store_customers (store, customer_id, file_no, member_no, registered_at, event_id)"
      " SELECT $2, c.customer_id, c.file_no, c.member_no, c.registered_at, c.event_id"
      " FROM jsonb_to_recordset($1::jsonb) AS c(customer_id bigint, file_no text, member_no text,"
      " registered_at bigint, event_id uuid) ON CONFLICT (store, customer_id) DO NOTHING",
      r.customers.dump(), store);
}

}  // namespace

std::string saleKindOf(const std::string& type) {
  if (type == "sale.settled") return "sale";
  if (type == "sale.voided") return "void";
  if (type == "sale.refunded") return "refund";
  if (type == "arrears.settled") return "arrears_settlement";
  return "";
}

std::vector<QuarantinedEvent> projectEvents(pqxx::dbtransaction& w, const std::string& store,
                                            const std::vector<const OutboxEvent*>& fresh) {
  SaleRows rows;
  std::vector<QuarantinedEvent> quarantined;
  for (const OutboxEvent* e : fresh) {
    try {
      std::string kind = saleKindOf(e->type);
      if (!kind.empty()) addSale(rows, *e, kind);
      else if (e->type == "customer.registered") addCustomer(rows, *e);
    } catch (const Unprojectable& why) {
      quarantined.push_back({e, why.what()});
    } catch (const json::exception& why) {
      quarantined.push_back({e, why.what()});
    }
  }
  writeSales(w, store, rows);
  writeDays(w, store, rows);
  writeCustomers(w, store, rows);
  return quarantined;
}

}  // namespace salon::hq
