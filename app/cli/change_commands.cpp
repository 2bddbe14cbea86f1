// salon-kiosk changes list|submit|confirm|approve|reject, customers review|correct:
// change requests applied to the real file, and the review of new files.
#include <iostream>

#include "app/cli/records_cli.h"
#include "app/core/change_request.h"
#include "app/core/error.h"
#include "app/core/file_review.h"
#include "app/core/phone.h"
#include "storage/customer_field_update.h"
#include "storage/file_review_store.h"

namespace salon::cli {
namespace {

nlohmann::json changeJson(const ChangeRequest& r, StoreZone zone) {
  return {{"id", r.id},
          {"customer_id", r.customer},
          {"field", r.field},
          {"old", r.oldValue},
          {"new", r.newValue},
          {"reason", r.reason},
          {"requested_by", r.requestedBy},
          {"by_customer", r.byCustomer},
          {"requested_at", localTime(r.requestedAt, zone)},
          {"contact_field", isContactField(r.field)},
          {"corrects", r.correctsType.empty() ? std::string() : r.correctsType + ":" + r.correctsId},
          {"customer_confirmed_at", localTime(r.customerConfirmedAt, zone)},
          {"state", requestStateName(r.state)},
          {"decided_by", r.decidedBy},
          {"decided_at", localTime(r.decidedAt, zone)},
          {"note", r.decisionNote}};
}

int listChanges(const Invocation& inv, const RecordsArgs& a) {
  RecordsRoom room(inv, a);
  room.guard.require(room.me, Action::ReviewCustomerFile, "change_request", "list");
  nlohmann::json out = nlohmann::json::array();
  for (const ChangeRequest& r : room.store.pendingChangeRequests()) out.push_back(changeJson(r, room.zone));
  room.audit.append(auditOf(room.clock.now(), room.me.code, "customer.view", "change_request",
                            "pending " + std::to_string(out.size()), "review", "change_requests"));
  std::cout << out.dump(2) << "\n";
  return 0;
}

int submitChange(const Invocation& inv, const RecordsArgs& a, bool byCustomer) {
  RecordsRoom room(inv, a);
  CustomerId id = room.customerId(a.customer);
  std::string old = storage::guarded([&] { return storage::currentFieldValue(room.db->sql(), id, a.field); });
  ChangeRequests flow(room.store, room.guard, room.clock);
  std::string correctsType, correctsId;
  if (!a.corrects.empty()) {
    auto colon = a.corrects.find(':');
    if (colon == std::string::npos) throw DomainError("bad_input", "--corrects sale:ID or service:ID");
    correctsType = a.corrects.substr(0, colon);
    correctsId = a.corrects.substr(colon + 1);
  }
  ChangeRequest r = flow.submit(room.me, id, a.field, old, a.value, a.reason, byCustomer || a.byCustomer,
                                correctsType, correctsId);
  std::cout << changeJson(r, room.zone).dump(2) << "\n";
  return 0;
}

// The customer confirms new contact details at the kiosk, identified by the last
// 4 digits of the phone now on file.
int confirmChange(const Invocation& inv, const RecordsArgs& a) {
  RecordsRoom room(inv, a);
  auto r = room.store.changeRequest(a.id);
  if (!r) throw DomainError("not_found", "change request " + a.id);
  std::string phone = storage::guarded([&] { return storage::currentFieldValue(room.db->sql(), r->customer, "phone"); });
  if (phone.size() < 4 || a.last4 != phone.substr(phone.size() - 4)) throw DomainError("customer_not_identified", "");
  ChangeRequests flow(room.store, room.guard, room.clock);
  std::cout << changeJson(flow.confirmByCustomer(a.id), room.zone).dump(2) << "\n";
  return 0;
}

int decideChange(const Invocation& inv, const RecordsArgs& a, bool approve) {
  RecordsRoom room(inv, a);
  ChangeRequests flow(room.store, room.guard, room.clock);
  ChangeRequest r = approve ? flow.approve(room.me, a.id, a.notes) : flow.reject(room.me, a.id, a.notes);
  std::cout << changeJson(r, room.zone).dump(2) << "\n";
  return 0;
}

nlohmann::json fileJson(const FileUnderReview& f, StoreZone zone, Instant now) {
  return {{"file_no", f.summary.fileNo},
          {"name", f.summary.name},
          {"status", f.summary.status},
          {"created_by", f.createdBy},
          {"created_at", localTime(f.createdAt, zone)},
          {"waiting_since", localTime(f.waitingSince(), zone)},
          {"over_24h", now - f.waitingSince() > 24 * kHour}};
}

int reviewFile(const Invocation& inv, const RecordsArgs& a, const std::string& what) {
  RecordsRoom room(inv, a);
  storage::SqliteFileReviews store(*room.db);
  FileReviews reviews(store, room.guard, room.clock);
  if (a.pending) {
    room.guard.require(room.me, Action::ReviewCustomerFile, "customer", "pending_review");
    nlohmann::json out = nlohmann::json::array();
    for (const FileUnderReview& f : store.filesPendingReview()) out.push_back(fileJson(f, room.zone, room.clock.now()));
    room.audit.append(auditOf(room.clock.now(), room.me.code, "customer.view", "customer",
                              "pending_review " + std::to_string(out.size()), "review", "summary"));
    std::cout << out.dump(2) << "\n";
    return 0;
  }
  if (a.customer.empty()) throw DomainError("bad_input", "FILE_NO");
  // Checked before the lookup, so a role that may not act learns nothing of the
  // file: the reviewer decides, whoever may register files resubmits.
  room.guard.require(room.me, what == "resubmit" ? Action::RegisterCustomer : Action::ReviewCustomerFile, "customer",
                     a.customer);
  CustomerId id = room.customerId(a.customer);
  FileReviewDecision d = what == "approve"    ? reviews.approve(room.me, id, a.notes)
                         : what == "return"   ? reviews.returnFile(room.me, id, a.notes)
                         : what == "resubmit" ? reviews.resubmit(room.me, id, a.notes)
                                              : throw DomainError("bad_input", "--approve, --return NOTES or --resubmit");
  std::cout << nlohmann::json{{"id", d.id}, {"file_no", a.customer}, {"decision", d.decision}, {"notes", d.notes},
                              {"by", d.by}, {"at", localTime(d.at, room.zone)}}
                   .dump(2)
            << "\n";
  return 0;
}

}  // namespace

void addChangeCommands(CLI::App& app, Invocation& inv) {
  auto a = std::make_shared<RecordsArgs>();
  auto* top = app.add_subcommand("changes", "Change requests to customer files: list, submit, confirm, approve, reject");
  top->require_subcommand(1);
  auto run = [&inv](CLI::App* sub, std::function<int()> fn) {
    sub->callback([&inv, fn] { inv.run = fn; });
  };
  auto* l = staffCommand(top, "list", "Pending change requests (supervisor)", *a);
  run(l, [&inv, a] { return listChanges(inv, *a); });

  auto* s = staffCommand(top, "submit", "Ask for one field of a file to change (old value read from the file)", *a);
  s->add_option("--customer", a->customer, "File number, member number or phone")->required();
  s->add_option("--field", a->field, "name, phone, or a file field (address, allergies, ...)")->required();
  s->add_option("--value", a->value, "The new value (\"\" clears, \"(declined)\" marks it declined)")->required();
  s->add_option("--reason", a->reason, "Why")->required();
  s->add_flag("--by-customer", a->byCustomer, "The customer's own correction (更正)");
  s->add_option("--corrects", a->corrects,
                "sale:ID or service:ID: the record this change corrects (counted in the compliance error rate)");
  run(s, [&inv, a] { return submitChange(inv, *a, false); });

  auto* c = staffCommand(top, "confirm", "The customer confirms a contact change at the kiosk", *a);
  c->add_option("id", a->id)->required();
  c->add_option("--last4", a->last4, "The last 4 digits of the phone on file, typed by the customer")->required();
  run(c, [&inv, a] { return confirmChange(inv, *a); });

  auto* ap = staffCommand(top, "approve", "Approve: the file changes in the same transaction", *a);
  ap->add_option("id", a->id)->required();
  ap->add_option("--notes", a->notes);
  run(ap, [&inv, a] { return decideChange(inv, *a, true); });

  auto* rj = staffCommand(top, "reject", "Reject, with the reason", *a);
  rj->add_option("id", a->id)->required();
  rj->add_option("--notes", a->notes, "Why")->required();
  run(rj, [&inv, a] { return decideChange(inv, *a, false); });

  // Under the customer module's own `customers` group.
  CLI::App* customers = app.get_subcommand("customers");
  auto* rv = staffCommand(customers, "review", "Review a new file: --approve, --return NOTES, --resubmit; or --pending", *a);
  rv->add_option("file_no", a->customer, "The file number");
  auto decision = std::make_shared<std::string>();
  rv->add_flag_callback("--approve", [decision] { *decision = "approve"; }, "The file is complete and correct");
  rv->add_option_function<std::string>(
      "--return", [a, decision](const std::string& notes) { *decision = "return", a->notes = notes; },
      "Return it to the registering staff with what to fix");
  rv->add_flag_callback("--resubmit", [decision] { *decision = "resubmit"; }, "A returned file, fixed, goes back");
  rv->add_option("--notes", a->notes, "A note with the approval");
  rv->add_flag("--pending", a->pending, "List the files waiting for review");
  rv->callback([&inv, a, decision] { inv.run = [&inv, a, decision] { return reviewFile(inv, *a, *decision); }; });

  auto* cr = staffCommand(customers, "correct", "The customer's own correction (更正): a change request", *a);
  cr->add_option("file_no", a->customer, "The file number")->required();
  cr->add_option("--field", a->field)->required();
  cr->add_option("--value", a->value)->required();
  cr->add_option("--reason", a->reason, "What the customer says is wrong")->required();
  run(cr, [&inv, a] { return submitChange(inv, *a, true); });
}

}  // namespace salon::cli
