// salon-kiosk complaints open|assign|resolve|feedback|rate|list and
// disputes open|resolve|list: 投诉 and 异议 with their deadlines; an upheld
// dispute about a sale is corrected by a refund linked to it.
#include <iostream>

#include "app/cli/checkout_cli.h"
#include "app/cli/records_cli.h"
#include "app/core/dispute.h"
#include "app/core/error.h"
#include "storage/dispute_correction.h"

namespace salon::cli {
namespace {

nlohmann::json complaintJson(const Complaint& c, StoreZone zone, Instant now) {
  return {{"id", c.id},
          {"customer_id", c.customer},
          {"channel", c.channel},
          {"description", c.description},
          {"opened_by", c.openedBy},
          {"opened_at", localTime(c.openedAt, zone)},
          {"due_at", localTime(c.dueAt, zone)},
          {"overdue", c.state == "open" && now > c.dueAt},
          {"assigned_to", c.assignedTo},
          {"state", c.state},
          {"resolution", c.resolution},
          {"cause", c.cause},
          {"resolved_at", localTime(c.resolvedAt, zone)},
          {"feedback_at", localTime(c.feedbackAt, zone)},
          {"feedback_how", c.feedbackHow},
          {"satisfaction", c.satisfaction}};
}

nlohmann::json disputeJson(const Dispute& d, StoreZone zone, Instant now) {
  return {{"id", d.id},
          {"customer_id", d.customer},
          {"record_type", d.recordType},
          {"record_id", d.recordId},
          {"objection", d.objection},
          {"opened_by", d.openedBy},
          {"opened_at", localTime(d.openedAt, zone)},
          {"due_at", localTime(d.dueAt, zone)},
          {"overdue", d.state == "open" && now > d.dueAt},
          {"state", d.state},
          {"outcome", d.outcome},
          {"correction_ref", d.correctionRef},
          {"closed_by", d.closedBy},
          {"closed_at", localTime(d.closedAt, zone)}};
}

int complaint(const Invocation& inv, const RecordsArgs& a, const std::string& verb) {
  RecordsRoom room(inv, a);
  Cases cases(room.store, room.guard, room.clock, recordingRules(*room.db));
  Instant now = room.clock.now();
  if (verb == "list") {
    room.guard.require(room.me, Action::ReviewCustomerFile, "complaint", "list");
    nlohmann::json out = nlohmann::json::array();
    for (const Complaint& c : room.store.openComplaints())
      if (!a.pending || now > c.dueAt) out.push_back(complaintJson(c, room.zone, now));
    room.audit.append(auditOf(now, room.me.code, "customer.view", "complaint", "open " + std::to_string(out.size()),
                              "complaint", "complaints"));
    std::cout << out.dump(2) << "\n";
    return 0;
  }
  Complaint c;
  if (verb == "open") {
    // Filed by the customer at the kiosk: no staff member is the author.
    std::optional<Staff> by;
    if (a.channel != "kiosk") by = room.me;
    c = cases.openComplaint(by, room.customerId(a.customer), a.channel, a.description);
  } else if (verb == "assign") {
    c = cases.assignComplaint(room.me, a.id, a.assignee);
  } else if (verb == "resolve") {
    c = cases.resolveComplaint(room.me, a.id, a.description, a.reason);
  } else if (verb == "feedback") {
    c = cases.recordFeedback(room.me, a.id, a.notes);
  } else {
    c = cases.recordSatisfaction(room.me, a.id, a.score);
  }
  std::cout << complaintJson(c, room.zone, now).dump(2) << "\n";
  return 0;
}

// The reversing entry of an upheld dispute: a refund of the disputed sale, or
// the approved change request that corrected a file.
std::string correctionOf(RecordsRoom& room, const RecordsArgs& a, const Dispute& d) {
  if (d.recordType == "sale") {
    Staff mgr = approvingManager(*room.db, room.clock, a.manager, Action::RefundSale, room.me.code);
    auto setup = storage::loadCheckoutSetup(room.db->sql());
    return storage::refundForDispute(*room.db, setup, d, parseLines(a.lines), mgr.code, room.me, room.clock.now());
  }
  auto change = room.store.changeRequest(a.request);
  if (!change || change->customer != d.customer || change->state != RequestState::Approved)
    throw DomainError("correction_required", d.id + ": --correction an approved change request of this customer");
  return change->id;
}

int dispute(const Invocation& inv, const RecordsArgs& a, const std::string& verb) {
  RecordsRoom room(inv, a);
  Cases cases(room.store, room.guard, room.clock, recordingRules(*room.db));
  Instant now = room.clock.now();
  if (verb == "list") {
    room.guard.require(room.me, Action::ReviewCustomerFile, "dispute", "list");
    nlohmann::json out = nlohmann::json::array();
    for (const Dispute& d : room.store.openDisputes())
      if (!a.pending || now > d.dueAt) out.push_back(disputeJson(d, room.zone, now));
    room.audit.append(auditOf(now, room.me.code, "customer.view", "dispute", "open " + std::to_string(out.size()),
                              "review", "disputes"));
    std::cout << out.dump(2) << "\n";
    return 0;
  }
  Dispute d;
  if (verb == "open") {
    d = cases.openDispute(room.me, room.customerId(a.customer), a.field, a.item, a.description);
  } else {
    auto open = room.store.dispute(a.id);
    if (!open) throw DomainError("not_found", "dispute " + a.id);
    if (open->state != "open") throw DomainError("already_decided", a.id);
    room.guard.require(room.me, Action::ReviewCustomerFile, open->recordType, open->recordId);
    std::string ref = a.upheld ? correctionOf(room, a, *open) : "";
    d = cases.resolveDispute(room.me, a.id, a.upheld, a.notes, ref);
  }
  std::cout << disputeJson(d, room.zone, now).dump(2) << "\n";
  return 0;
}

}  // namespace

void addCaseCommands(CLI::App& app, Invocation& inv) {
  auto a = std::make_shared<RecordsArgs>();
  auto bind = [&inv, a](CLI::App* sub, int (*fn)(const Invocation&, const RecordsArgs&, const std::string&),
                        std::string verb) {
    sub->callback([&inv, a, fn, verb] { inv.run = [&inv, a, fn, verb] { return fn(inv, *a, verb); }; });
  };
  auto* c = app.add_subcommand("complaints", "投诉: open, assign, resolve, feedback, rate, list");
  c->require_subcommand(1);
  auto* o = staffCommand(c, "open", "Record a complaint in the customer's file", *a);
  o->add_option("--customer", a->customer, "File number, member number or phone")->required();
  o->add_option("--channel", a->channel, "counter (default), kiosk (filed by the customer), phone, wechat, web");
  o->add_option("--description", a->description, "What happened")->required();
  bind(o, complaint, "open");
  auto* as = staffCommand(c, "assign", "Assign it to who will handle it", *a);
  as->add_option("id", a->id)->required();
  as->add_option("--to", a->assignee, "Staff code")->required();
  bind(as, complaint, "assign");
  auto* rs = staffCommand(c, "resolve", "Record how it was resolved and why it happened", *a);
  rs->add_option("id", a->id)->required();
  rs->add_option("--resolution", a->description)->required();
  rs->add_option("--cause", a->reason, "Why it happened, so it does not recur")->required();
  bind(rs, complaint, "resolve");
  auto* fb = staffCommand(c, "feedback", "The outcome was told to the customer", *a);
  fb->add_option("id", a->id)->required();
  fb->add_option("--how", a->notes, "How and what was said")->required();
  bind(fb, complaint, "feedback");
  auto* rt = staffCommand(c, "rate", "The customer's satisfaction after closing (1-5)", *a);
  rt->add_option("id", a->id)->required();
  rt->add_option("--score", a->score)->required();
  bind(rt, complaint, "rate");
  auto* cl = staffCommand(c, "list", "Open complaints (--overdue: past their deadline)", *a);
  cl->add_flag("--overdue", a->pending);
  bind(cl, complaint, "list");

  auto* d = app.add_subcommand("disputes", "异议: open, resolve, list (24-hour deadline)");
  d->require_subcommand(1);
  auto* dopen = staffCommand(d, "open", "The customer objects to a record", *a);
  dopen->add_option("--customer", a->customer)->required();
  dopen->add_option("--record-type", a->field, "sale, service or customer")->required();
  dopen->add_option("--record", a->item, "The record's id (sale id, service id, file number)")->required();
  dopen->add_option("--objection", a->description, "What the customer says is wrong")->required();
  bind(dopen, dispute, "open");
  auto* dres = staffCommand(d, "resolve", "Record the outcome; upheld corrects the data by a linked reversing entry", *a);
  dres->add_option("id", a->id)->required();
  dres->add_flag("--upheld", a->upheld, "The customer is right");
  dres->add_option("--outcome", a->notes, "What was found")->required();
  dres->add_option("--lines", a->lines, "Sale dispute: refund these LINE:QTY (default: all that is left)");
  dres->add_option("--manager", a->manager, "Sale dispute: the approving manager (PIN in SALON_MANAGER_PIN)");
  dres->add_option("--correction", a->request, "Other records: the approved change request that corrected it");
  bind(dres, dispute, "resolve");
  auto* dl = staffCommand(d, "list", "Open disputes (--overdue: past 24 hours)", *a);
  dl->add_flag("--overdue", a->pending);
  bind(dl, dispute, "list");
}

}  // namespace salon::cli
