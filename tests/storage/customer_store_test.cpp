// The customer-file service against a real SQLite file.
#include <catch2/catch.hpp>

#include "customer_fixture.h"
#include "storage/verify.h"

using namespace salon;
using salon::test::CustomerFixture;
using salon::test::errorCodeOf;

TEST_CASE("registration stores the file, its consent, an audit entry and an outbox row in one go") {
  CustomerFixture fx;
  Registration r;
  r.consentGiven = true;
  r.marketingOptIn = true;
  r.name = "王小美";
  r.phone = "138 0013 8000";
  r.member = true;
  r.fields = {{"birthday", FieldValue::of("1990-05-01")}, {"allergies", FieldValue::declined()},
              {"skin_type", FieldValue::of("oily")}};
  RegistrationResult res = fx.files.registerCustomer(fx.cashier, r);
  CHECK_FALSE(res.walkIn);
  CHECK(res.fileNo == "S01-2026-000001");
  CHECK(res.memberNo == "M00000001");
  CHECK(fx.add("李四", "13900139000").fileNo == "S01-2026-000002");

  CustomerFile f = fx.files.open(fx.supervisor, res.id, "check the new file");
  CHECK(f.summary.name == "王小美");
  CHECK(f.summary.phone == "13800138000");
  CHECK(f.summary.status == "pending_review");
  REQUIRE(f.summary.birthday);
  CHECK(formatDate(*f.summary.birthday) == "1990-05-01");
  CHECK(f.consent.status == "agreed");
  CHECK(f.consent.noticeVersion == kPrivacyNoticeVersion);
  CHECK(f.consent.staff == "cash");
  CHECK(f.consent.at == test::kMarch2026);
  CHECK(f.consent.marketing);
  CHECK(f.field("allergies").state == FieldState::Declined);
  CHECK(f.field("skin_type").value == "oily");
  // Declined is never missing; empty is.
  auto missing = f.missingFields();
  CHECK(std::find(missing.begin(), missing.end(), "allergies") == missing.end());
  CHECK(std::find(missing.begin(), missing.end(), "occupation") != missing.end());

  CHECK(fx.count("SELECT COUNT(*) FROM audit_log WHERE action = 'customer.register' AND record_id = 'S01-2026-000001'") == 1);
  CHECK(fx.count("SELECT COUNT(*) FROM outbox WHERE type = 'customer.registered'") == 2);
}

TEST_CASE("file numbers count per year in the store's zone") {
  CustomerFixture fx;
  // 2026-12-31 16:30 UTC is already 2027-01-01 in Shanghai.
  fx.clock.set(1798734600000);
  CHECK(fx.add("甲一", "13800000001").fileNo == "S01-2027-000001");
  CHECK(fx.add("乙二", "13800000002").fileNo == "S01-2027-000002");
}

TEST_CASE("consent declined: a walk-in, nothing personal stored") {
  CustomerFixture fx;
  Registration r;
  r.consentGiven = false;
  r.name = "赵六";
  r.phone = "13700137000";
  RegistrationResult res = fx.files.registerCustomer(fx.cashier, r);
  CHECK(res.walkIn);
  CHECK(res.fileNo.empty());
  CHECK(fx.count("SELECT COUNT(*) FROM customers") == 0);
  CHECK(fx.count("SELECT COUNT(*) FROM customer_fields") == 0);
  CHECK(fx.count("SELECT COUNT(*) FROM audit_log WHERE action = 'customer.walk_in'") == 1);
  CHECK(fx.count("SELECT COUNT(*) FROM audit_log WHERE reason LIKE '%赵六%' OR record_id LIKE '%13700137000%'"
                 " OR sections LIKE '%赵%'") == 0);
}

TEST_CASE("a phone already on file offers that file unless staff confirm a family phone") {
  CustomerFixture fx;
  auto first = fx.add("王小美", "13800138000");
  try {
    fx.add("王大美", "+86 138-0013-8000");
    FAIL("duplicate accepted");
  } catch (const DomainError& e) {
    CHECK(e.code() == "phone_in_use");
    CHECK(e.detail() == first.fileNo);
  }
  CHECK(fx.count("SELECT COUNT(*) FROM customers") == 1);
  Registration r;
  r.consentGiven = true;
  r.name = "王大美";
  r.phone = "13800138000";
  r.sharedPhoneConfirmed = true;
  auto second = fx.files.registerCustomer(fx.cashier, r);
  CHECK(fx.files.open(fx.cashier, second.id, "check").sharedPhone);
}

TEST_CASE("bad registrations write nothing") {
  CustomerFixture fx;
  std::string tenThousand(10000, 'x');
  CHECK(errorCodeOf([&] { fx.add("王😀", "13800138000"); }) == "text_emoji");
  CHECK(errorCodeOf([&] { fx.add(tenThousand, "13800138000"); }) == "text_too_long");
  CHECK(errorCodeOf([&] { fx.add("王小美", "12345"); }) == "phone_invalid");
  CHECK(errorCodeOf([&] { fx.add("王小美", ""); }) == "contact_required");
  CHECK(errorCodeOf([&] { fx.add("王小美", "13800138000", false, {{"birthday", FieldValue::of("1990-13-01")}}); }) ==
        "date_invalid");
  CHECK(errorCodeOf([&] { fx.add("王小美", "13800138000", false, {{"birthday", FieldValue::of("2030-01-01")}}); }) ==
        "date_invalid");
  CHECK(errorCodeOf([&] { fx.add("王小美", "13800138000", false, {{"notes", FieldValue::of(tenThousand)}}); }) ==
        "text_too_long");
  CHECK(fx.count("SELECT COUNT(*) FROM customers") == 0);
  CHECK(fx.count("SELECT COUNT(*) FROM outbox") == 0);
  CHECK(fx.count("SELECT COUNT(*) FROM customer_file_numbers") == 0);
}

TEST_CASE("opening a file needs a purpose and is audited with the sections seen") {
  CustomerFixture fx;
  auto res = fx.add("王小美", "13800138000", false, {{"allergies", FieldValue::of("芒果")}});
  CHECK(errorCodeOf([&] { fx.files.open(fx.cashier, res.id, "  "); }) == "purpose_required");
  CHECK(errorCodeOf([&] { fx.files.open(fx.finance, res.id, "curious"); }) == "permission_denied");
  CustomerFile basic = fx.files.open(fx.cashier, res.id, "check-in", {"basic"});
  CHECK(basic.fields.count("allergies") == 0);  // not in the sections asked for
  CHECK(basic.missingFields() == std::vector<std::string>{"gender", "birthday", "address", "occupation", "education", "income_band"});
  CustomerFile health = fx.files.open(fx.beautician, res.id, "facial", {"basic", "health"});
  CHECK(health.field("allergies").value == "芒果");
  SQLite::Statement q(fx.db->sql(),
                      "SELECT staff, sections, reason FROM audit_log WHERE action = 'customer.view' ORDER BY seq");
  REQUIRE(q.executeStep());
  CHECK(q.getColumn(0).getString() == "cash");
  CHECK(q.getColumn(1).getString() == "basic");
  CHECK(q.getColumn(2).getString() == "check-in");
  REQUIRE(q.executeStep());
  CHECK(q.getColumn(1).getString() == "basic,health");
  CHECK(fx.count("SELECT COUNT(*) FROM audit_log WHERE action = 'permission.denied'") >= 1);
}

TEST_CASE("a supervisor edits a field directly, audited, a cashier may not") {
  CustomerFixture fx;
  auto res = fx.add("王小美", "13800138000");
  CHECK(errorCodeOf([&] { fx.files.editField(fx.cashier, res.id, "skin_type", FieldValue::of("dry"), "diagnosis"); }) ==
        "permission_denied");
  CHECK(errorCodeOf([&] { fx.files.editField(fx.supervisor, res.id, "skin_type", FieldValue::of("dry"), ""); }) ==
        "reason_required");
  fx.files.editField(fx.supervisor, res.id, "skin_type", FieldValue::of("dry"), "diagnosis at the counter");
  fx.files.editField(fx.supervisor, res.id, "birthday", FieldValue::declined(), "customer prefers not to say");
  CustomerFile f = fx.files.open(fx.supervisor, res.id, "check");
  CHECK(f.field("skin_type").value == "dry");
  CHECK(f.field("birthday").state == FieldState::Declined);
  CHECK(fx.count("SELECT COUNT(*) FROM customers WHERE skin_type = 'dry'") == 1);
  CHECK(fx.count("SELECT COUNT(*) FROM audit_log WHERE action = 'customer.edit' AND sections = 'skin_type'"
                 " AND reason = 'diagnosis at the counter'") == 1);
}

TEST_CASE("visits with before/after notes, the customer's own feedback, pets with vaccinations and visits") {
  CustomerFixture fx;
  auto res = fx.add("王小美", "13800138000");
  VisitRecord v;
  v.service = "深层补水护理";
  v.durationMinutes = 60;
  v.beforeNotes = "两颊干燥起皮";
  v.afterNotes = "水润，泛红消退";
  v.effect = "明显改善";
  CHECK(errorCodeOf([&] { fx.files.addVisit(fx.cashier, res.id, v); }) == "permission_denied");
  std::int64_t visitId = fx.files.addVisit(fx.beautician, res.id, v);
  fx.clock.advance(kDay);
  fx.files.addFeedback(res.id, visitId, 5, "第二天皮肤还是很舒服");
  CHECK(errorCodeOf([&] { fx.files.addFeedback(res.id, visitId, 6, ""); }) == "rating_invalid");
  CHECK(errorCodeOf([&] { fx.files.addFeedback(res.id + 99, visitId, 4, ""); }) == "visit_not_found");

  Pet p;
  p.name = "豆豆";
  p.species = "dog";
  p.breed = "泰迪";
  p.weightGrams = 4200;
  p.temperament = "怕吹风机";
  std::int64_t petId = fx.files.addPet(fx.cashier, res.id, p);
  fx.files.addVaccination(fx.beautician, petId, {0, "狂犬疫苗", {2026, 1, 10}, {2027, 1, 10}});
  CHECK(errorCodeOf([&] { fx.files.addVaccination(fx.beautician, petId, {0, "x", {2026, 1, 10}, {2025, 1, 10}}); }) ==
        "date_invalid");
  fx.files.addPetVisit(fx.beautician, petId, {0, 0, "洗澡美容", "", "剪指甲"});
  Pet bad = p;
  bad.species = "dragon";
  CHECK(errorCodeOf([&] { fx.files.addPet(fx.cashier, res.id, bad); }) == "choice_invalid");

  CustomerFile f = fx.files.open(fx.beautician, res.id, "follow-up");
  REQUIRE(f.visits.size() == 1);
  CHECK(f.visits[0].beforeNotes == "两颊干燥起皮");
  CHECK(f.visits[0].afterNotes == "水润，泛红消退");
  CHECK(f.visits[0].staff == "beau");
  REQUIRE(f.visits[0].feedback.size() == 1);
  CHECK(f.visits[0].feedback[0].rating == 5);
  REQUIRE(f.pets.size() == 1);
  CHECK(f.pets[0].weightGrams == 4200);
  REQUIRE(f.pets[0].vaccinations.size() == 1);
  CHECK(formatDate(f.pets[0].vaccinations[0].expiresOn) == "2027-01-10");
  REQUIRE(f.pets[0].visits.size() == 1);
  CHECK(f.pets[0].visits[0].service == "洗澡美容");
  // Records are append-only and files are never deleted.
  CHECK_THROWS(fx.db->sql().exec("UPDATE customer_visits SET effect = 'x'"));
  CHECK_THROWS(fx.db->sql().exec("DELETE FROM customers"));
  CHECK(fx.count("SELECT COUNT(*) FROM outbox") == 6);
}

TEST_CASE("enrolment gives a member number once") {
  CustomerFixture fx;
  auto a = fx.add("王小美", "13800138000", true);
  auto b = fx.add("李四", "13900139000");
  CHECK(b.memberNo.empty());
  std::string no = fx.files.enrol(fx.cashier, b.id);
  CHECK(no == "M00000002");
  CHECK(fx.files.enrol(fx.cashier, b.id) == no);
  CHECK(fx.files.enrol(fx.cashier, a.id) == "M00000001");
}

TEST_CASE("verify checks that file and member numbers came from their counters") {
  CustomerFixture fx;
  fx.add("王小美", "13800138000", true);
  fx.add("李四", "13900139000", true);
  auto report = storage::verifyDatabase(*fx.db);
  REQUIRE(report.ledgers.size() >= 1);
  CHECK(report.ok());
  fx.db->sql().exec("UPDATE customers SET file_no = 'S01-2026-000099' WHERE file_no = 'S01-2026-000002'");
  auto bad = storage::verifyDatabase(*fx.db);
  CHECK_FALSE(bad.ok());
  fx.db->sql().exec("UPDATE customers SET file_no = 'S01-2026-000002' WHERE file_no = 'S01-2026-000099'");
  fx.db->sql().exec("UPDATE customers SET member_no = 'M00000042' WHERE member_no = 'M00000002'");
  CHECK_FALSE(storage::verifyDatabase(*fx.db).ok());
}
