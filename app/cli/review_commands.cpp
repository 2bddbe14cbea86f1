// salon-kiosk review weekly run|show|done|sign|list: the weekly data review.
#include <iostream>
#include <sstream>

#include "app/core/comma_list.h"
#include "app/cli/records_cli.h"
#include "app/core/error.h"
#include "app/core/weekly_review.h"
#include "storage/settings_store.h"
#include "storage/weekly_review_store.h"

namespace salon::cli {
namespace {

// The store's own list (settings review.mandatory_fields, comma separated) or the default.
std::vector<std::string> mandatoryFields(storage::Database& db) {
  auto text = storage::readSetting(db.sql(), "review.mandatory_fields");
  if (!text) return defaultMandatoryFields();
  return commaList(*text);
}

nlohmann::json reviewJson(const WeeklyReview& r, StoreZone zone) {
  nlohmann::json items = nlohmann::json::array();
  for (const WeeklyReviewItem& i : r.items)
    items.push_back({{"no", i.itemNo},
                     {"check", i.finding.check},
                     {"record_type", i.finding.recordType},
                     {"record_id", i.finding.recordId},
                     {"detail", i.finding.detail},
                     {"done_by", i.doneBy},
                     {"done_at", localTime(i.doneAt, zone)},
                     {"note", i.doneNote}});
  return {{"id", r.id},          {"week", r.week},         {"run_at", localTime(r.runAt, zone)},
          {"run_by", r.runBy},   {"open", r.open()},       {"signed_by", r.signedBy},
          {"signed_at", localTime(r.signedAt, zone)},     {"sign_note", r.signNote},
          {"items", items}};
}

int weekly(const Invocation& inv, const RecordsArgs& a, const std::string& verb) {
  RecordsRoom room(inv, a);
  storage::SqliteWeeklyReviews store(*room.db);
  WeeklyReviews reviews(store, room.guard, room.clock, room.zone);
  nlohmann::json out;
  if (verb == "run") {
    room.guard.require(room.me, Action::ReviewCustomerFile, "weekly_review", "run");
    auto findings = storage::weeklyFindings(*room.db, room.clock.now(), recordingRules(*room.db), mandatoryFields(*room.db));
    out = reviewJson(reviews.run(room.me, findings), room.zone);
  } else if (verb == "list") {
    room.guard.require(room.me, Action::ReviewCustomerFile, "weekly_review", "list");
    out = nlohmann::json::array();
    for (const WeeklyReview& r : store.reviews(a.minutes > 0 ? a.minutes : 20)) {
      nlohmann::json j = reviewJson(r, room.zone);
      j.erase("items");
      j["items"] = r.items.size();
      out.push_back(j);
    }
  } else if (verb == "show") {
    room.guard.require(room.me, Action::ReviewCustomerFile, "weekly_review", a.id);
    auto r = store.review(a.id);
    if (!r) throw DomainError("not_found", "review " + a.id);
    out = reviewJson(*r, room.zone);
  } else if (verb == "done") {
    WeeklyReviewItem i = reviews.markDone(room.me, a.id, a.score, a.notes);
    out = {{"no", i.itemNo}, {"done_by", i.doneBy}, {"done_at", localTime(i.doneAt, room.zone)}, {"note", i.doneNote}};
  } else {
    out = reviewJson(reviews.sign(room.me, a.id, a.notes), room.zone);
  }
  std::cout << out.dump(2) << "\n";
  return 0;
}

}  // namespace

void addReviewCommands(CLI::App& app, Invocation& inv) {
  auto a = std::make_shared<RecordsArgs>();
  auto bind = [&inv, a](CLI::App* sub, std::string verb) {
    sub->callback([&inv, a, verb] { inv.run = [&inv, a, verb] { return weekly(inv, *a, verb); }; });
  };
  auto* top = app.add_subcommand("review", "Data reviews");
  top->require_subcommand(1);
  auto* w = top->add_subcommand("weekly", "每周数据审查: run the checks, work through the checklist, sign it off");
  w->require_subcommand(1);
  bind(staffCommand(w, "run", "Run the automatic checks; prints the new checklist", *a), "run");
  auto* l = staffCommand(w, "list", "Past reviews, newest first", *a);
  l->add_option("--limit", a->minutes);
  bind(l, "list");
  auto* s = staffCommand(w, "show", "One review with its items", *a);
  s->add_option("id", a->id)->required();
  bind(s, "show");
  auto* d = staffCommand(w, "done", "Mark one item worked through, saying what was done", *a);
  d->add_option("id", a->id)->required();
  d->add_option("--item", a->score, "The item number")->required();
  d->add_option("--note", a->notes, "What was fixed, or why it is right as it is")->required();
  bind(d, "done");
  auto* g = staffCommand(w, "sign", "Sign the review off (every item done first)", *a);
  g->add_option("id", a->id)->required();
  g->add_option("--note", a->notes);
  bind(g, "sign");
}

}  // namespace salon::cli
