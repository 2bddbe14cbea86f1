// salon-kiosk appointments boarding …: pet boarding stays (寄养): book from a
// JSON payload, check in, check out, cancel, and the stays over a night.
#include "app/cli/appointment_cli.h"
#include "app/core/boarding.h"
#include "app/core/error.h"
#include "storage/boarding_store.h"
#include "storage/care_store.h"

namespace salon::cli {
namespace {

struct Args {
  std::string db, staff, date, id, reason, input = "-";
  bool json = false;
};


nlohmann::json stayJson(const BoardingStay& st) {
  return {{"id", st.id},
          {"customer_id", st.customer},
          {"pet", st.pet},
          {"kennel", st.kennel},
          {"check_in_on", formatDate(st.checkInOn)},
          {"check_out_on", formatDate(st.checkOutOn)},
          {"nights", st.nights()},
          {"nightly_rate_fen", st.nightlyRate.fen},
          {"total_fen", st.total().fen},
          {"feeding", st.feeding},
          {"care_notes", st.careNotes},
          {"state", st.state}};
}

CivilDate jsonDate(const nlohmann::json& p, const char* key) {
  CivilDate d;
  if (!parseDate(str(p, key), d)) throw DomainError("bad_input", std::string(key) + " (YYYY-MM-DD)");
  return d;
}

int runBoardingBook(const Invocation& inv, const Args& a) {
  nlohmann::json p = readJsonInput(a.input);
  Session s = openSession(inv, a.db, a.staff);
  storage::SqliteBoardingStore store(*s.db);
  Boarding boarding(store, *s.guard, *s.clock, s.zone);
  BoardingStay st;
  st.id = str(p, "id");
  if (st.id.empty()) throw DomainError("bad_input", "id (a UUID made by the caller)");
  st.customer = storage::findCustomer(s.db->sql(), str(p, "customer")).id;
  if (!p.contains("pet") || !p["pet"].is_number_integer()) throw DomainError("bad_input", "pet: the pet's id");
  st.pet = p["pet"].get<std::int64_t>();
  st.kennel = str(p, "kennel");
  st.checkInOn = jsonDate(p, "check_in_on");
  st.checkOutOn = jsonDate(p, "check_out_on");
  if (!p.contains("nightly_rate_fen") || !p["nightly_rate_fen"].is_number_integer())
    throw DomainError("bad_input", "nightly_rate_fen");
  st.nightlyRate = Money(p["nightly_rate_fen"].get<std::int64_t>());
  st.feeding = str(p, "feeding");
  st.careNotes = str(p, "care_notes");
  auto warnings = petWarnings(s, st.customer, st.pet, startOfLocalDay(st.checkInOn, s.zone));
  BoardingStay booked = boarding.book(s.me, st);
  nlohmann::json out = stayJson(booked);
  out["vaccination_warnings"] = warningsJson(warnings);
  printList(out, a.json, {"id", "kennel", "check_in_on", "check_out_on", "total_fen"});
  return 0;
}

int runBoardingStep(const Invocation& inv, const Args& a, const std::string& step) {
  Session s = openSession(inv, a.db, a.staff);
  storage::SqliteBoardingStore store(*s.db);
  Boarding boarding(store, *s.guard, *s.clock, s.zone);
  BoardingStay st = step == "in"    ? boarding.checkIn(s.me, a.id)
                    : step == "out" ? boarding.checkOut(s.me, a.id)
                                    : boarding.cancel(s.me, a.id, a.reason);
  printList(stayJson(st), a.json, {"id", "state", "kennel", "total_fen"});
  return 0;
}

int runBoardingList(const Invocation& inv, const Args& a) {
  Session s = openSession(inv, a.db, a.staff);
  s.guard->require(s.me, Action::BookAppointment, "boarding", a.date);
  storage::SqliteBoardingStore store(*s.db);
  CivilDate night = dateArg(a.date, s);
  nlohmann::json out = nlohmann::json::array();
  for (const BoardingStay& st : store.onNight(night)) out.push_back(stayJson(st));
  s.auditView("boarding", formatDate(night), "boarding");
  printList(out, a.json, {"kennel", "pet", "check_in_on", "check_out_on", "state", "feeding", "id"});
  return 0;
}

}  // namespace

void addBoardingCommands(CLI::App* group, Invocation& inv) {
  auto args = std::make_shared<Args>();
  auto* boarding = group->add_subcommand("boarding", "Pet boarding stays (寄养)");
  boarding->require_subcommand(1);
  staffCommand<Args>(boarding, inv, args, "book", "Book a stay from a JSON payload", runBoardingBook)
      ->add_option("input", args->input, "The payload file, or - for stdin (default)");
  for (const char* step : {"check-in", "check-out", "cancel"}) {
    std::string s = step == std::string("check-in") ? "in" : step == std::string("check-out") ? "out" : "cancel";
    auto* sub = staffCommand<Args>(boarding, inv, args, step, "",
                        [s](const Invocation& i, const Args& a) { return runBoardingStep(i, a, s); });
    sub->add_option("--id", args->id)->required();
    sub->add_option("--reason", args->reason);
  }
  staffCommand<Args>(boarding, inv, args, "list", "Stays over a night", runBoardingList)->add_option("--date", args->date);
}

}  // namespace salon::cli
