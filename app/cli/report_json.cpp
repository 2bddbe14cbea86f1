#include "app/cli/report_json.h"

namespace salon::cli {
namespace {

using nlohmann::json;

json amounts(const std::vector<NamedAmount>& list, const char* countKey) {
  json out = json::array();
  for (const auto& n : list) out.push_back({{"key", n.key}, {"name", n.name}, {"amount", n.amount.fen}, {countKey, n.count}});
  return out;
}

json change(const std::optional<int>& bp) { return bp ? json(*bp) : json(); }

json reversalsJson(const std::vector<ReversalEntry>& list) {
  json out = json::array();
  for (const auto& v : list)
    out.push_back({{"id", v.id}, {"kind", v.kind}, {"reverses", v.reverses}, {"business_day", v.businessDay},
                   {"cashier", v.cashier}, {"approved_by", v.approvedBy}, {"reason", v.reason}, {"total", v.total.fen}});
  return out;
}

json complianceRows(const std::vector<ComplianceRow>& rows) {
  json out = json::array();
  for (const auto& r : rows)
    out.push_back({{"clock", r.clock}, {"who", r.who}, {"due", r.due}, {"on_time", r.onTime}, {"made", r.made},
                   {"corrected", r.corrected}, {"on_time_bp", r.onTimeBp()}, {"error_bp", r.errorBp()},
                   {"meets_on_time_target", r.meetsOnTimeTarget()}, {"meets_error_target", r.meetsErrorTarget()}});
  return out;
}

}  // namespace

json salesJson(const SalesReport& r) {
  json days = json::array();
  for (const auto& d : r.days)
    days.push_back({{"date", d.date}, {"amount", d.amount.fen}, {"previous_date", d.previousDate},
                    {"previous", d.previous.fen}});
  return {{"from", formatDate(r.period.from)},
          {"to", formatDate(r.period.to)},
          {"previous", {{"from", formatDate(r.previous.from)}, {"to", formatDate(r.previous.to)}}},
          {"total", r.total.fen},
          {"previous_total", r.previousTotal.fen},
          {"change_bp", change(r.changeBp)},
          {"money_taken", r.moneyTaken.fen},
          {"counts", {{"sales", r.sales}, {"voids", r.voids}, {"refunds", r.refunds}}},
          {"days", days},
          {"by_category", amounts(r.byCategory, "units")},
          {"top_services", amounts(r.topServices, "units")},
          {"payments", amounts(r.payments, "count")},
          {"discounts", {{"member_benefits", r.benefits.fen}, {"line_discounts", r.lineDiscounts.fen},
                         {"order_discounts", r.orderDiscount.fen}, {"total", r.discounts().fen}}},
          {"voids_and_refunds", reversalsJson(r.reversals)}};
}

json staffReportJson(const StaffReport& r) {
  json rows = json::array();
  for (const auto& s : r.rows)
    rows.push_back({{"staff", s.staff}, {"name", s.name}, {"performance", s.performance.fen},
                    {"service", s.service.fen}, {"commission", s.commission.fen},
                    {"services_x100", s.servicesX100}, {"days_worked", s.daysWorked},
                    {"services_per_hour_x100", s.servicesPerHourX100}, {"visits", s.visits},
                    {"rebooked", s.rebooked}, {"rebook_bp", s.rebookBp}, {"follow_ups_answered", s.answered},
                    {"satisfaction_x100", s.satisfactionX100}, {"details_due", s.due},
                    {"details_on_time", s.onTime}, {"on_time_bp", s.onTimeBp}});
  return {{"from", formatDate(r.period.from)}, {"to", formatDate(r.period.to)}, {"staff", rows},
          {"totals", {{"performance", r.performance.fen}, {"service", r.service.fen}, {"commission", r.commission.fen}}}};
}

json customersJson(const CustomersReport& r) {
  json top = json::array();
  for (const auto& c : r.topCustomers)
    top.push_back({{"customer_id", c.customer}, {"file_no", c.fileNo}, {"name", c.name}, {"spend", c.spend.fen},
                   {"visits", c.visits}});
  auto retention = [](const Retention& x) {
    return json{{"days", x.days}, {"eligible", x.eligible}, {"returned", x.returned}, {"rate_bp", x.rateBp()}};
  };
  return {{"from", formatDate(r.period.from)},
          {"to", formatDate(r.period.to)},
          {"customers", r.customers},
          {"new", r.newOnes},
          {"returning", r.returning},
          {"visits", r.visits},
          {"average_days_between_visits_x100", r.averageDaysBetweenX100},
          {"retention", json::array({retention(r.retention60), retention(r.retention90)})},
          {"lapsed", r.lapsed},
          {"lapsed_after_days", kLapsedAfterDays},
          {"members_per_tier", amounts(r.membersPerTier, "members")},
          {"names_shown", r.namesShown},
          {"top_customers", top}};
}

json liabilitiesJson(const LiabilitiesFigures& l) {
  return {{"stored_value", {{"principal", l.svPrincipal.fen}, {"bonus", l.svBonus.fen}}},
          {"points", l.points},
          {"packages", {{"sessions", l.packageSessions}, {"value", l.packageValue.fen}}},
          {"arrears", l.arrears.fen},
          {"members", l.members}};
}

json liabilitiesReportJson(const LiabilitiesReport& r) {
  json j = liabilitiesJson(r.asOf.figures);
  j["as_of"] = r.asOf.date;
  json ends = json::array();
  for (const auto& m : r.monthEnds) {
    json e = liabilitiesJson(m.figures);
    e["date"] = m.date;
    ends.push_back(e);
  }
  j["month_ends"] = ends;
  return j;
}

json recordKeepingJson(const RecordKeepingReport& r) {
  return {{"from", formatDate(r.period.from)}, {"to", formatDate(r.period.to)},
          {"by_clock", complianceRows(r.byClock)}, {"by_staff", complianceRows(r.byStaff)}};
}

}  // namespace salon::cli
