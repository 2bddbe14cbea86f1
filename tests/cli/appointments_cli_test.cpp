// The appointment book and customer care through the real binary, as the front
// desk would use them headless: a demo salon with a few customers and services.
#include <catch2/catch.hpp>

#include <SQLiteCpp/SQLiteCpp.h>

#include <algorithm>
#include <chrono>
#include <fstream>

#include <nlohmann/json.hpp>

#include "app/core/catalog.h"
#include "app/core/clock.h"
#include "storage/catalog_store.h"
#include "storage/database.h"
#include "support/customer_rows.h"
#include "support/run_command.h"
#include "support/temp_dir.h"

using namespace salon;
using salon::test::CommandResult;
using salon::test::runKiosk;
using salon::test::runShell;
using salon::test::TempDir;

namespace {

const StoreZone kZone{480};

Instant realNow() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}
CivilDate dayFromToday(int n) { return civilFromDays(daysFromCivil(localDate(realNow(), kZone)) + n); }
std::string day(int n) { return formatDate(dayFromToday(n)); }

struct Salon {
  TempDir dir;
  std::string db;
  std::string scratch() const { return dir.path().string(); }
  CommandResult as(const std::string& pin, const std::string& args) const {
    return runKiosk(args + " --db " + db, scratch(), "SALON_PIN=" + pin);
  }
  nlohmann::json json(const std::string& pin, const std::string& args) const {
    CommandResult r = as(pin, args + " --json");
    INFO(args << "\n" << r.err);
    REQUIRE(r.exitCode == 0);
    return nlohmann::json::parse(r.out);
  }
  CommandResult book(const std::string& pin, const nlohmann::json& payload) const {
    std::string file = dir.file("payload.json");
    std::ofstream(file) << payload.dump();
    return runShell("cat " + file + " | SALON_PIN=" + pin + " " + SALON_KIOSK_BIN +
                        " appointments book --staff cash --db " + db + " --json -",
                    scratch());
  }
  void sql(const std::string& text) const {
    SQLite::Database raw(db, SQLite::OPEN_READWRITE);
    raw.exec(text);
  }
  std::int64_t count(const std::string& query) const {
    SQLite::Database raw(db, SQLite::OPEN_READONLY);
    return raw.execAndGet(query).getInt64();
  }
};

void seed(Salon& s) {
  s.db = s.dir.file("salon.db");
  REQUIRE(runKiosk("demo-data --db " + s.db, s.scratch()).exitCode == 0);
  {
    auto db = storage::Database::open(s.db);
    db->write([&](SQLite::Database& sql) {
      auto item = [](const char* code, const char* name, ItemKind kind, int minutes, std::vector<std::string> staff) {
        CatalogItem i;
        i.code = code;
        i.name = name;
        i.kind = kind;
        i.category = "care";
        i.durationMinutes = minutes;
        i.qualifiedStaff = std::move(staff);
        return i;
      };
      for (const auto& i : {item("S-FACIAL", "深层清洁护理", ItemKind::Service, 60, {"beau"}),
                            item("S-BATH", "宠物洗澡", ItemKind::Service, 45, {}),
                            item("P-SERUM", "精华液", ItemKind::Product, 0, {})})
        storage::saveItem(sql, i, 0);
    });
  }
  CivilDate gift = dayFromToday(7), greet = dayFromToday(0);
  char b1[16], b2[16];
  std::snprintf(b1, sizeof b1, "1990-%02d-%02d", gift.month, gift.day);
  std::snprintf(b2, sizeof b2, "1985-%02d-%02d", greet.month, greet.day);
  s.sql(std::string("INSERT INTO customers (id, file_no, member_no, name, phone, birthday, status, created_at, created_by,"
                    " marketing_opt_in) VALUES"
                    " (1, 'S01-2026-000001', 'M00000001', '张三丰', '13800138000', '") + b1 + "', 'in_force', 0, 'cash', 1),"
        " (2, 'S01-2026-000002', NULL, '李四', '13900139000', '" + b2 + "', 'in_force', 0, 'cash', 0);"
        "INSERT INTO customer_fields VALUES (1, 'allergies', 'value', '果酸过敏', 0, 'cash'),"
        " (1, 'event_interests', 'value', '护肤讲座, 美甲', 0, 'cash'), (2, 'event_interests', 'value', '护肤', 0, 'cash'),"
        " (1, 'next_push_items', 'value', '眼部护理', 0, 'cash');"
        "INSERT INTO pets (id, customer_id, name, species, created_at) VALUES (3, 2, '豆豆', 'dog', 0);"
        "INSERT INTO pet_vaccinations (pet_id, vaccine, given_on, expires_on) VALUES (3, '狂犬疫苗', '2024-01-01', '2025-01-01');");
  SQLite::Database raw(s.db, SQLite::OPEN_READWRITE);
  salon::test::syncCustomerCounters(raw);
}

nlohmann::json payload(const std::string& id, const std::string& customer, const std::string& service,
                       const nlohmann::json& staff, const std::string& start) {
  return {{"id", id}, {"customer", customer}, {"services", {service}}, {"staff", staff},
          {"start", start}, {"channel", "phone"}, {"note", "第一次来"}};
}

}  // namespace

TEST_CASE("booking headless: durations from the catalog, no double booking, any qualified staff, pets") {
  Salon s;
  seed(s);
  std::string tomorrow = day(1);
  CommandResult r = s.book("3456", payload("a-1", "13800138000", "S-FACIAL", "beau", tomorrow + " 10:00"));
  INFO(r.err);
  REQUIRE(r.exitCode == 0);
  auto a = nlohmann::json::parse(r.out);
  CHECK(a["end"] == tomorrow + " 11:00");
  CHECK(a["staff"] == "beau");
  CHECK(a["channel"] == "phone");
  CHECK(a["customer"] == "张三丰");

  CommandResult again = s.book("3456", payload("a-2", "S01-2026-000002", "S-FACIAL", "beau", tomorrow + " 10:30"));
  CHECK(again.exitCode == 2);
  CHECK(again.err.find("[slot_taken]") != std::string::npos);
  CHECK(s.book("3456", payload("a-1", "13800138000", "S-FACIAL", "beau", tomorrow + " 10:00")).exitCode == 0);  // retry
  CHECK(s.count("SELECT count(*) FROM appointments") == 1);

  nlohmann::json pet = payload("a-3", "13900139000", "S-BATH", nullptr, tomorrow + " 14:00");
  pet["pet"] = 3;
  pet["kind"] = "home_visit";
  pet["address"] = "静安区南京西路1号";
  auto petJson = nlohmann::json::parse(s.book("3456", pet).out);
  CHECK(petJson["staff"] == "beau");  // the only beautician on duty
  CHECK(petJson["kind"] == "home_visit");
  REQUIRE(petJson["vaccination_warnings"].size() == 1);
  CHECK(petJson["vaccination_warnings"][0]["expired"] == true);

  CHECK(s.book("3456", payload("a-4", "M00000001", "P-SERUM", "beau", tomorrow + " 16:00")).err.find("[not_a_service]") !=
        std::string::npos);
  CHECK(s.book("3456", payload("a-5", "13700000000", "S-BATH", "beau", tomorrow + " 16:00")).err.find(
            "[customer_not_found]") != std::string::npos);
  CommandResult fin = runShell("echo '{}' | SALON_PIN=5678 " + std::string(SALON_KIOSK_BIN) +
                                   " appointments book --staff fin --db " + s.db + " --json -",
                               s.scratch());
  CHECK(fin.exitCode == 2);

  auto list = s.json("3456", "appointments list --staff cash --date " + tomorrow);
  REQUIRE(list.size() == 2);
  CHECK(list[0]["phone"] == "13800138000");
  CHECK(s.count("SELECT count(*) FROM audit_log WHERE action = 'customer.view' AND record_type = 'appointments'") == 1);

  auto view = s.json("3456", "appointments view --staff cash --date " + tomorrow);
  REQUIRE(view["columns"].size() >= 1);
  CHECK(view["columns"][0]["staff"] == "beau");
  CHECK(view["columns"][0]["slots"].size() == 2);
  CHECK(view["columns"][0]["gaps"][0]["from"] == 540);
  CHECK(view["columns"][0]["gaps"][0]["to"] == 600);
  CHECK(s.as("9999", "verify").exitCode == 0);
}

TEST_CASE("the day before: reminders with contacts, each call logged, the briefing is an audited view") {
  Salon s;
  seed(s);
  std::string tomorrow = day(1);
  REQUIRE(s.book("3456", payload("r-1", "13800138000", "S-FACIAL", "beau", tomorrow + " 10:00")).exitCode == 0);
  auto reminders = s.json("3456", "appointments reminders --staff cash");
  REQUIRE(reminders.size() == 1);
  CHECK(reminders[0]["customer"] == "张三丰");
  CHECK(reminders[0]["phone"] == "13800138000");
  CHECK(reminders[0]["reminded"] == false);
  auto logged = s.json("3456", "care contact --staff cash --customer 13800138000 --kind reminder --outcome done"
                               " --channel wechat --ref r-1");
  CHECK(logged["staff"] == "cash");
  CHECK(s.json("3456", "appointments reminders --staff cash")[0]["reminded"] == true);

  auto briefing = s.json("4567", "appointments briefing --staff beau");
  REQUIRE(briefing.size() == 1);
  CHECK(briefing[0]["health"]["allergies"] == "果酸过敏");
  CHECK(briefing[0]["health_alert"] == true);
  CHECK(briefing[0]["recommend"]["next_push_items"] == "眼部护理");
  CHECK(s.count("SELECT count(*) FROM audit_log WHERE action = 'customer.view' AND staff = 'beau'"
                " AND reason = 'service' AND record_type = 'customer'") == 1);
}

TEST_CASE("on the day: check-in joins the queue, late arrivals, no-shows counted, absent staff to rebook") {
  Salon s;
  seed(s);
  Instant now = realNow();
  // One appointment that started 40 minutes ago, or at 00:01 when the test runs
  // less than 41 minutes after the store's midnight (check-in takes today's only;
  // the CLI runs on the real clock).
  const Instant midnight = startOfLocalDay(localDate(now, kZone), kZone);
  const std::int64_t minutesLate = std::max<std::int64_t>(0, std::min<std::int64_t>(40, (now - midnight) / kMinute - 1));
  const Instant start = now - minutesLate * kMinute;  // whole minutes, as the CLI counts them
  s.sql("INSERT INTO appointments (id, customer_id, staff, start_at, end_at, channel, state, booked_by, booked_at)"
        " VALUES ('late-1', 2, 'beau', " + std::to_string(start) + ", " + std::to_string(start + 60 * kMinute) +
        ", 'phone', 'booked', 'cash', 0);"
        "INSERT INTO appointment_services VALUES ('late-1', 0, 'S-FACIAL', '深层清洁护理', 60);");
  auto late = s.json("3456", "appointments late --staff cash --grace 15");
  if (minutesLate > 15) {
    REQUIRE(late.size() == 1);
    CHECK(late[0]["minutes_late"] == minutesLate);
    CHECK(late[0]["phone"] == "13900139000");
  } else {
    CHECK(late.empty());  // within the 15 minutes' grace: not late yet
  }

  auto in = s.json("3456", "appointments check-in --staff cash --id late-1 --method phone");
  CHECK(in["state"] == "checked_in");
  CHECK(s.count("SELECT count(*) FROM checkins WHERE id = 'late-1' AND customer_id = 2") == 1);
  CHECK(s.as("3456", "appointments check-in --staff cash --id late-1").exitCode == 0);  // a retry
  CHECK(s.count("SELECT count(*) FROM checkins") == 1);

  s.sql("INSERT INTO appointments (id, customer_id, staff, start_at, end_at, channel, state, booked_by, booked_at)"
        " VALUES ('gone-1', 2, 'mgr', " + std::to_string(now - 90 * kMinute) + ", " + std::to_string(now - 30 * kMinute) +
        ", 'web', 'booked', 'cash', 0);"
        "INSERT INTO appointment_services VALUES ('gone-1', 0, 'S-FACIAL', '深层清洁护理', 60);");
  auto noShow = s.json("3456", "appointments no-show --staff cash --id gone-1 --reason 电话未接");
  CHECK(noShow["no_shows"] == 1);
  auto summary = s.json("3456", "care summary --staff cash --customer 13900139000");
  CHECK(summary["no_shows"] == 1);
  // The customer module's file shows the no-shows too.
  CommandResult file = s.as("4567", "customers show S01-2026-000002 --staff beau --purpose 'service: 预约'");
  INFO(file.err);
  REQUIRE(file.exitCode == 0);
  CHECK(nlohmann::json::parse(file.out)["no_shows"] == 1);
  CommandResult other = s.as("4567", "customers show S01-2026-000001 --staff beau --purpose 'service: 预约'");
  REQUIRE(other.exitCode == 0);
  CHECK(nlohmann::json::parse(other.out)["no_shows"] == 0);
  CHECK(s.as("3456", "appointments cancel --staff cash --id gone-1").exitCode == 2);

  std::string tomorrow = day(1);
  REQUIRE(s.book("3456", payload("t-1", "13800138000", "S-FACIAL", "beau", tomorrow + " 10:00")).exitCode == 0);
  auto rebook = s.json("3456", "appointments absent --staff cash --staff-member beau --date " + tomorrow + " --reason 病假");
  REQUIRE(rebook.size() == 1);
  CHECK(rebook[0]["id"] == "t-1");
  CHECK(rebook[0]["contacted"] == false);
  CHECK(rebook[0]["alternatives"].empty());  // only beau does facials
  CHECK(s.book("3456", payload("t-2", "13800138000", "S-BATH", "beau", tomorrow + " 15:00")).err.find("[staff_absent]") !=
        std::string::npos);
  s.json("3456", "care contact --staff cash --customer 13800138000 --kind rebook --outcome done --ref t-1 --note 改到后天");
  CHECK(s.json("3456", "appointments absent --staff cash --staff-member beau --date " + tomorrow)[0]["contacted"] == true);
  auto moved = s.json("3456", "appointments move --staff cash --id t-1 --start '" + day(2) + " 11:00'");
  CHECK(moved["start"] == day(2) + " 11:00");
  CommandResult verify = s.as("9999", "verify");
  INFO(verify.out << verify.err);
  CHECK(verify.exitCode == 0);
}

TEST_CASE("care lists: birthdays, lapsed with the reason, care reminders for the opted-in, follow-ups and satisfaction") {
  Salon s;
  seed(s);
  auto birthdays = s.json("3456", "care list birthdays --staff cash");
  REQUIRE(birthdays.size() == 2);
  bool gift = false, greeting = false;
  for (const auto& b : birthdays) {
    gift |= b["kind"] == "birthday_gift" && b["customer"] == "张三丰" && b["due"] == day(7);
    greeting |= b["kind"] == "birthday_greeting" && b["customer"] == "李四";
  }
  CHECK(gift);
  CHECK(greeting);
  s.json("3456", "care contact --staff cash --customer 13900139000 --kind birthday_greeting --outcome done --ref " + day(0));
  CHECK(s.json("3456", "care list birthdays --staff cash").size() == 1);

  Instant now = realNow();
  s.sql("INSERT INTO customer_visits (id, customer_id, at, service, staff) VALUES"
        " (10, 1, " + std::to_string(now - 120 * kDay) + ", '面部护理', 'beau'),"
        " (11, 2, " + std::to_string(now - 2 * kDay) + ", '美甲', 'mgr'),"
        " (12, 2, " + std::to_string(now - 20 * kDay) + ", '美甲', 'beau');");
  auto lapsed = s.json("3456", "care list lapsed --staff cash");
  REQUIRE(lapsed.size() == 1);
  CHECK(lapsed[0]["customer"] == "张三丰");
  CommandResult noReason = s.as("3456", "care contact --staff cash --customer 13800138000 --kind lapsed --outcome done"
                                        " --ref " + lapsed[0]["ref"].get<std::string>());
  CHECK(noReason.err.find("[note_required]") != std::string::npos);
  s.json("3456", "care contact --staff cash --customer 13800138000 --kind lapsed --outcome done --note 工作太忙 --ref " +
                     lapsed[0]["ref"].get<std::string>());
  CHECK(s.json("3456", "care list lapsed --staff cash").empty());
  CHECK(s.count("SELECT count(*) FROM care_contacts WHERE kind = 'lapsed' AND note = '工作太忙'") == 1);

  s.json("4567", "care interval --staff beau --customer 13800138000 --days 110");
  s.json("4567", "care interval --staff beau --customer 13900139000 --days 18");
  auto reminders = s.json("3456", "care list reminders --staff cash");
  REQUIRE(reminders.size() == 1);  // 李四 is due too but did not opt in to marketing
  CHECK(reminders[0]["customer"] == "张三丰");
  CHECK(s.as("3456", "care contact --staff cash --customer 13900139000 --kind care_reminder --outcome done")
            .err.find("[no_marketing_consent]") != std::string::npos);

  auto followups = s.json("3456", "care list followups --staff cash");
  REQUIRE(followups.size() == 1);
  CHECK(followups[0]["visit"] == 11);
  CHECK(followups[0]["staff"] == "mgr");
  s.json("3456", "care contact --staff cash --customer 13900139000 --kind followup --outcome done --ref 11"
                 " --satisfaction 4 --note 很满意");
  CHECK(s.json("3456", "care list followups --staff cash").empty());
  auto report = s.json("1234", "care report satisfaction --staff mgr --from " + day(-7) + " --to " + day(0));
  REQUIRE(report.size() == 1);
  CHECK(report[0]["staff"] == "mgr");
  CHECK(report[0]["average_x100"] == 400);
  CHECK(s.as("3456", "care report satisfaction --staff cash --from " + day(-7) + " --to " + day(0)).exitCode == 2);
  CHECK(s.as("9999", "verify").exitCode == 0);
}

TEST_CASE("member events: invite by interest (opted-in only), record who came, shown in the file") {
  Salon s;
  seed(s);
  auto event = s.json("1234", "care event create --staff mgr --title 冬季护肤讲座 --topic 护肤 --start '" + day(10) +
                                  " 14:00' --place 二楼");
  std::string id = event["id"];
  CHECK(s.as("3456", "care event create --staff cash --title x --topic y --start '" + day(10) + " 14:00'").exitCode == 2);
  auto invitees = s.json("3456", "care event invitees --staff cash --event " + id);
  REQUIRE(invitees.size() == 1);  // 李四 is interested but did not opt in
  CHECK(invitees[0]["customer"] == "张三丰");
  s.json("3456", "care contact --staff cash --customer 13800138000 --kind event_invite --outcome done --ref " + id);
  CHECK(s.json("3456", "care event invitees --staff cash --event " + id).empty());
  auto came = s.json("3456", "care event attend --staff cash --event " + id + " --customer M00000001");
  CHECK(came["recorded"] == true);
  CHECK(s.json("3456", "care event attend --staff cash --event " + id + " --customer M00000001")["recorded"] == false);
  auto summary = s.json("3456", "care summary --staff cash --customer S01-2026-000001");
  REQUIRE(summary["events_attended"].size() == 1);
  CHECK(summary["events_attended"][0]["title"] == "冬季护肤讲座");
  CHECK(s.count("SELECT count(*) FROM customer_fields WHERE customer_id = 1 AND field = 'events_attended'"
                " AND value LIKE '%冬季护肤讲座%'") == 1);
}

TEST_CASE("boarding stays headless: nights and price, one pet per kennel per night") {
  Salon s;
  seed(s);
  std::string file = s.dir.file("stay.json");
  auto stay = [&](const std::string& id, const std::string& kennel, int from, int to) {
    nlohmann::json p{{"id", id},          {"customer", "13900139000"}, {"pet", 3},
                     {"kennel", kennel},  {"check_in_on", day(from)},  {"check_out_on", day(to)},
                     {"nightly_rate_fen", 12000}, {"feeding", "早晚各一次"}, {"care_notes", "怕打雷"}};
    std::ofstream(file) << p.dump();
    return s.as("3456", "appointments boarding book --staff cash --json " + file);
  };
  CommandResult first = stay("k-1", "K1", 1, 4);
  INFO(first.err);
  REQUIRE(first.exitCode == 0);
  auto j = nlohmann::json::parse(first.out);
  CHECK(j["nights"] == 3);
  CHECK(j["total_fen"] == 36000);
  CHECK(j["vaccination_warnings"].size() == 1);
  CHECK(stay("k-2", "K2", 2, 3).err.find("[kennel_taken]") != std::string::npos);  // the same pet
  CHECK(s.json("3456", "appointments boarding list --staff cash --date " + day(2)).size() == 1);
  CHECK(s.json("3456", "appointments boarding check-in --staff cash --id k-1")["state"] == "in");
  CHECK(s.json("3456", "appointments boarding check-out --staff cash --id k-1")["state"] == "out");
  CHECK(s.as("9999", "verify").exitCode == 0);
}

TEST_CASE("members' priority booking is configured in the store settings, a week's book") {
  Salon s;
  seed(s);
  std::string tomorrow = day(1);
  s.sql("INSERT INTO store_settings (key, value) VALUES ('appointments.priority_holds', '* 09:00-12:00 1h')");
  CommandResult walkIn = s.book("3456", payload("p-1", "13900139000", "S-BATH", "beau", tomorrow + " 10:00"));
  CHECK(walkIn.err.find("[held_for_members]") != std::string::npos);
  CHECK(s.book("3456", payload("p-2", "13900139000", "S-BATH", "beau", tomorrow + " 13:00")).exitCode == 0);
  CHECK(s.book("3456", payload("p-3", "M00000001", "S-BATH", "beau", tomorrow + " 10:00")).exitCode == 0);
  s.sql("INSERT INTO store_settings (key, value) VALUES ('appointments.priority_tiers', 'GOLD')");
  CHECK(s.book("3456", payload("p-4", "M00000001", "S-BATH", "beau", tomorrow + " 11:00")).err.find(
            "[held_for_members]") != std::string::npos);  // a member, but not in a tier with the benefit
  s.sql("UPDATE store_settings SET value = 'sometimes' WHERE key = 'appointments.priority_holds'");
  CHECK(s.book("3456", payload("p-5", "M00000001", "S-BATH", "beau", tomorrow + " 15:00")).err.find(
            "[setting_invalid]") != std::string::npos);
  s.sql("DELETE FROM store_settings WHERE key LIKE 'appointments.%'");
  REQUIRE(s.book("3456", payload("p-6", "13900139000", "S-BATH", "beau", day(3) + " 10:00")).exitCode == 0);
  CHECK(s.json("3456", "appointments list --staff cash --date " + day(1)).size() == 2);
  CHECK(s.json("3456", "appointments list --staff cash --days 7 --date " + day(1)).size() == 3);
}
