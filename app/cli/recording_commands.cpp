// salon-kiosk service finish|record|due and report compliance: the 30-minute
// service-details clock and the data-quality report over every recording clock.
#include <iostream>

#include "app/cli/records_cli.h"
#include "app/cli/report_json.h"
#include "app/core/compliance.h"
#include "app/core/report_compliance.h"
#include "app/core/csv.h"
#include "app/core/error.h"
#include "app/core/service_record.h"
#include "storage/recording_store.h"

namespace salon::cli {
namespace {

nlohmann::json customerJson(const std::optional<CustomerId>& c) { return c ? nlohmann::json(*c) : nlohmann::json(); }

int finishService(const Invocation& inv, const RecordsArgs& a) {
  RecordsRoom room(inv, a);
  storage::SqliteServiceRecords store(*room.db);
  ServiceRecords services(store, room.guard, room.clock, recordingRules(*room.db));
  std::optional<CustomerId> customer;
  if (!a.customer.empty()) customer = room.customerId(a.customer);
  ServiceEnding e = services.finish(room.me, customer, a.item, a.assignee);
  std::cout << nlohmann::json{{"service_id", e.id},        {"customer_id", customerJson(e.customer)},
                              {"item", e.item},            {"staff", e.staff},
                              {"ended_at", localTime(e.endedAt, room.zone)},
                              {"details_due_at", localTime(e.endedAt + recordingRules(*room.db).serviceDetails, room.zone)}}
                   .dump(2)
            << "\n";
  return 0;
}

int recordService(const Invocation& inv, const RecordsArgs& a) {
  RecordsRoom room(inv, a);
  storage::SqliteServiceRecords store(*room.db);
  ServiceRecords services(store, room.guard, room.clock, recordingRules(*room.db));
  ServiceDetails d = services.record(room.me, a.id, a.minutes, a.description, a.notes);
  RecordingDeadline dl = startDeadline(RecordingClock::ServiceDetails, recordingRules(*room.db), d.endedAt, "service",
                                       d.serviceId, d.staff, "");
  dl.doneAt = d.recordedAt;
  std::cout << nlohmann::json{{"service_id", d.serviceId},
                              {"item", d.item},
                              {"staff", d.staff},
                              {"ended_at", localTime(d.endedAt, room.zone)},
                              {"recorded_at", localTime(d.recordedAt, room.zone)},
                              {"on_time", statusAt(dl, d.recordedAt) == DeadlineStatus::DoneOnTime}}
                   .dump(2)
            << "\n";
  return 0;
}

int servicesDue(const Invocation& inv, const RecordsArgs& a) {
  RecordsRoom room(inv, a);
  room.guard.require(room.me, Action::RecordServiceDetails, "service", "due");
  storage::SqliteServiceRecords store(*room.db);
  ServiceRecords services(store, room.guard, room.clock, recordingRules(*room.db));
  nlohmann::json out = nlohmann::json::array();
  for (const ServiceDueRow& r : services.due(a.assignee))
    out.push_back({{"service_id", r.serviceId},
                   {"customer_id", customerJson(r.customer)},
                   {"item", r.item},
                   {"staff", r.staff},
                   {"ended_at", localTime(r.endedAt, room.zone)},
                   {"due_at", localTime(r.dueAt, room.zone)},
                   {"countdown", r.countdown},
                   {"overdue", r.overdue}});
  std::cout << out.dump(2) << "\n";
  return 0;
}

Instant dayStart(const std::string& text, StoreZone zone, const char* what) {
  CivilDate d;
  if (!parseDate(text, d)) throw DomainError("bad_input", std::string(what) + " " + text + " (YYYY-MM-DD)");
  return startOfLocalDay(d, zone);
}

nlohmann::json rowJson(const ComplianceRow& r, const char* periodKind) {
  return {{"clock", r.clock},         {"group_by", r.groupBy},  {"who", r.who},
          {"period_kind", periodKind}, {"period", r.period},     {"due", r.due},
          {"on_time", r.onTime},      {"made", r.made},         {"corrected", r.corrected},
          {"on_time_rate", formatBasisPoints(r.onTimeBp())},    {"error_rate", formatBasisPoints(r.errorBp())},
          {"meets_on_time_target", r.meetsOnTimeTarget()},      {"meets_error_target", r.meetsErrorTarget()}};
}

nlohmann::json missJson(const ComplianceMiss& m, StoreZone zone) {
  return {{"clock", recordingClockName(m.deadline.clock)},
          {"record_type", m.deadline.recordType},
          {"record_id", m.deadline.recordId},
          {"staff", m.deadline.staff},
          {"department", m.deadline.department},
          {"started_at", localTime(m.deadline.startedAt, zone)},
          {"due_at", localTime(m.deadline.dueAt, zone)},
          {"done_at", localTime(m.deadline.doneAt, zone)},
          {"why", m.why}};
}

void printCsv(const nlohmann::json& report) {
  std::vector<std::string> cols = {"clock", "group_by", "who", "period_kind", "period", "due", "on_time",
                                   "made", "corrected", "on_time_rate", "error_rate"};
  std::vector<std::vector<std::string>> rows = {cols};
  for (const auto& r : report["rows"]) {
    std::vector<std::string> row;
    for (const auto& c : cols) row.push_back(r[c].is_string() ? r[c].get<std::string>() : r[c].dump());
    rows.push_back(row);
  }
  rows.push_back({});
  std::vector<std::string> mcols = {"why", "clock", "record_type", "record_id", "staff", "department", "started_at",
                                    "due_at", "done_at"};
  rows.push_back(mcols);
  for (const auto& m : report["misses"]) {
    std::vector<std::string> row;
    for (const auto& c : mcols) row.push_back(m[c].is_string() ? m[c].get<std::string>() : "");
    rows.push_back(row);
  }
  for (const auto& row : rows) std::cout << csvLine(row);
}

int complianceReport(const Invocation& inv, const RecordsArgs& a) {
  RecordsRoom room(inv, a);
  room.guard.require(room.me, Action::ViewReports, "report", "compliance");
  Instant from = dayStart(a.from, room.zone, "--from");
  Instant to = dayStart(a.to, room.zone, "--to") + kDay;  // --to is inclusive
  if (to <= from) throw DomainError("bad_input", "--from after --to");
  if (a.format != "json" && a.format != "csv") throw DomainError("bad_input", "--format " + a.format);
  auto items = storage::recordedItems(*room.db, from, to, recordingRules(*room.db));
  Instant now = room.clock.now();
  nlohmann::json rows = nlohmann::json::array(), misses = nlohmann::json::array();
  for (auto [period, name] : {std::pair{CompliancePeriod::Week, "week"}, {CompliancePeriod::Month, "month"}}) {
    ComplianceReport r = computeCompliance(items, from, to, now, room.zone, period);
    for (const ComplianceRow& row : r.rows) rows.push_back(rowJson(row, name));
    if (period == CompliancePeriod::Week)
      for (const ComplianceMiss& m : r.misses) misses.push_back(missJson(m, room.zone));
  }
  room.audit.append(auditOf(now, room.me.code, "report.compliance", "report", a.from + ".." + a.to, "compliance"));
  nlohmann::json report = {{"from", a.from},
                           {"to", a.to},
                           {"targets", {{"on_time_rate_min", "98.00%"}, {"error_rate_below", "1.00%"}}},
                           {"rows", rows},
                           {"misses", misses}};
  // The whole period per clock and per staff member (the reports screen's figures).
  nlohmann::json whole = recordKeepingJson(recordKeepingReport(items, parsePeriod(a.from, a.to), now, room.zone));
  report["by_clock"] = whole["by_clock"];
  report["by_staff"] = whole["by_staff"];
  if (a.format == "csv") printCsv(report); else std::cout << report.dump(2) << "\n";
  return 0;
}

}  // namespace

void addRecordingCommands(CLI::App& app, Invocation& inv) {
  auto a = std::make_shared<RecordsArgs>();
  auto run = [&inv, a](CLI::App* sub, int (*fn)(const Invocation&, const RecordsArgs&)) {
    sub->callback([&inv, a, fn] { inv.run = [&inv, a, fn] { return fn(inv, *a); }; });
  };
  auto* top = app.add_subcommand("service", "Service details: finish (服务完成), record, what is due");
  top->require_subcommand(1);
  auto* f = staffCommand(top, "finish", "服务完成: the service ended; its details are due in 30 minutes", *a);
  f->add_option("--item", a->item, "The service's catalog code")->required();
  f->add_option("--customer", a->customer, "File number, member number or phone (empty for a walk-in)");
  f->add_option("--performer", a->assignee, "Who performed it (default: you)");
  run(f, finishService);

  auto* r = staffCommand(top, "record", "Record the details of a service you performed", *a);
  r->add_option("service_id", a->id, "From `service due`")->required();
  r->add_option("--minutes", a->minutes, "How long it took")->required();
  r->add_option("--effect", a->description, "Effect notes")->required();
  r->add_option("--feedback", a->notes, "What the customer said");
  run(r, recordService);

  auto* d = staffCommand(top, "due", "Service details still due, with countdown and overdue flags", *a);
  d->add_option("--performer", a->assignee, "Only this staff member's");
  run(d, servicesDue);

  // Under the checkout module's `report` group when it exists.
  CLI::App* report = nullptr;
  try {
    report = app.get_subcommand("report");
  } catch (const CLI::OptionNotFound&) {
    report = app.add_subcommand("report", "Reports");
  }
  auto* c = staffCommand(report, "compliance", "On-time and error rates per recording clock, with the misses", *a);
  c->add_option("--from", a->from, "First day, YYYY-MM-DD")->required();
  c->add_option("--to", a->to, "Last day, YYYY-MM-DD (inclusive)")->required();
  c->add_option("--format", a->format, "json (default) or csv");
  c->add_flag("--json", "The same as --format json");
  run(c, complianceReport);
}

}  // namespace salon::cli
