// salon-kiosk queries request|approve|reject (档案查询审核) and
// loans request|approve|reject|lend|return|overdue (档案借阅).
#include <iostream>

#include "app/cli/query_check.h"
#include "app/cli/records_cli.h"
#include "app/core/error.h"
#include "app/core/file_access.h"

namespace salon::cli {
namespace {

nlohmann::json queryJson(const QueryRequest& q, StoreZone zone) {
  return {{"id", q.id},           {"customer_id", q.customer},
          {"requested_by", q.requestedBy}, {"purpose", q.purpose},
          {"detail", q.detail},   {"requested_at", localTime(q.requestedAt, zone)},
          {"state", q.state},     {"decided_by", q.decidedBy},
          {"decided_at", localTime(q.decidedAt, zone)}};
}

nlohmann::json loanJson(const FileLoan& l, StoreZone zone) {
  return {{"id", l.id},
          {"customer_id", l.customer},
          {"requested_by", l.requestedBy},
          {"reason", l.reason},
          {"due_date", formatDate(l.dueDate)},
          {"state", l.state},
          {"approved_by", l.approvedBy},
          {"approved_at", localTime(l.approvedAt, zone)},
          {"lent_by", l.lentBy},
          {"lent_at", localTime(l.lentAt, zone)},
          {"returned_at", localTime(l.returnedAt, zone)},
          {"checked_by", l.checkedBy},
          {"complete", l.complete},
          {"undamaged", l.undamaged},
          {"problem", l.problem}};
}

int query(const Invocation& inv, const RecordsArgs& a, const std::string& verb) {
  RecordsRoom room(inv, a);
  FileAccess access(room.store, room.guard, room.clock, queryPolicy(*room.db), room.zone);
  if (verb == "request") {
    auto q = access.askToView(room.me, room.customerId(a.customer), a.purpose, a.description);
    std::cout << (q ? queryJson(*q, room.zone) : nlohmann::json{{"routine", true}}).dump(2) << "\n";
    return 0;
  }
  std::cout << queryJson(access.decideQuery(room.me, a.id, verb == "approve"), room.zone).dump(2) << "\n";
  return 0;
}

int loan(const Invocation& inv, const RecordsArgs& a, const std::string& verb) {
  RecordsRoom room(inv, a);
  FileAccess access(room.store, room.guard, room.clock, queryPolicy(*room.db), room.zone);
  if (verb == "overdue") {
    room.guard.require(room.me, Action::LendCustomerFile, "customer", "loans");
    nlohmann::json out = nlohmann::json::array();
    for (const FileLoan& l : access.overdueLoans()) out.push_back(loanJson(l, room.zone));
    std::cout << out.dump(2) << "\n";
    return 0;
  }
  FileLoan l;
  if (verb == "request") {
    CivilDate due;
    if (!parseDate(a.due, due)) throw DomainError("bad_input", "--due " + a.due + " (YYYY-MM-DD)");
    l = access.requestLoan(room.me, room.customerId(a.customer), a.reason, due);
  } else if (verb == "approve" || verb == "reject") {
    l = access.decideLoan(room.me, a.id, verb == "approve");
  } else if (verb == "lend") {
    l = access.markLent(room.me, a.id);
  } else {
    l = access.markReturned(room.me, a.id, a.complete, a.undamaged, a.notes);
  }
  std::cout << loanJson(l, room.zone).dump(2) << "\n";
  return 0;
}

}  // namespace

void addAccessCommands(CLI::App& app, Invocation& inv) {
  auto a = std::make_shared<RecordsArgs>();
  auto bind = [&inv, a](CLI::App* sub, int (*fn)(const Invocation&, const RecordsArgs&, const std::string&),
                        std::string verb) {
    sub->callback([&inv, a, fn, verb] { inv.run = [&inv, a, fn, verb] { return fn(inv, *a, verb); }; });
  };
  auto* q = app.add_subcommand("queries", "Ask to open a file for a purpose outside your routine; approve or reject");
  q->require_subcommand(1);
  auto* qr = staffCommand(q, "request", "Ask to view a file (routine purposes need no request)", *a);
  qr->add_option("--customer", a->customer)->required();
  qr->add_option("--purpose", a->purpose, "marketing, research, other, ...")->required();
  qr->add_option("--detail", a->description, "What you need to see and why")->required();
  bind(qr, query, "request");
  for (const char* verb : {"approve", "reject"}) {
    auto* d = staffCommand(q, verb, verb == std::string("approve") ? "Approve a query request (supervisor)"
                                                                   : "Reject a query request (supervisor)", *a);
    d->add_option("id", a->id)->required();
    bind(d, query, verb);
  }

  auto* l = app.add_subcommand("loans", "Lending or exporting a file: request, approve, lend, return, overdue");
  l->require_subcommand(1);
  auto* lr = staffCommand(l, "request", "Ask to lend or export one file", *a);
  lr->add_option("--customer", a->customer)->required();
  lr->add_option("--reason", a->reason)->required();
  lr->add_option("--due", a->due, "Return by, YYYY-MM-DD")->required();
  bind(lr, loan, "request");
  for (const char* verb : {"approve", "reject", "lend"}) {
    auto* d = staffCommand(l, verb,
                           verb == std::string("lend") ? "Mark the export made (who and when)"
                                                       : "The manager decides on a loan request", *a);
    d->add_option("id", a->id)->required();
    bind(d, loan, verb);
  }
  auto* lt = staffCommand(l, "return", "Check a returned file: complete and undamaged, or report the problem", *a);
  lt->add_option("id", a->id)->required();
  lt->add_flag("--complete", a->complete, "Nothing is missing");
  lt->add_flag("--undamaged", a->undamaged, "Nothing is damaged");
  lt->add_option("--problem", a->notes, "What is wrong (goes to the manager)");
  bind(lt, loan, "return");
  auto* lo = staffCommand(l, "overdue", "Loans past their due date", *a);
  bind(lo, loan, "overdue");
}

}  // namespace salon::cli
