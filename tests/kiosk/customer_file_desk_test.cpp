// The customer-file screen's desk against a real SQLite file with the demo salon:
// a purpose first, every view audited, masking by role, edits as change requests.
#include <catch2/catch.hpp>

#include <algorithm>

#include "app/core/customer_files.h"
#include "app/core/file_access.h"
#include "app/kiosk/kiosk_controller.h"
#include "storage/audit_store.h"
#include "storage/check_in_store.h"
#include "storage/customer_directory.h"
#include "storage/customer_field_update.h"
#include "storage/customer_store.h"
#include "storage/record_keeping_store.h"
#include "support/kiosk_fixture.h"

using namespace salon;
using namespace salon::kiosk;

namespace {

struct Fixture : test::KioskFixture {

  Fixture() {
    seedCatalog();
    start(5);
  }
  CustomerId zhangSan() { return directory.search("13800138000", 1).at(0).id; }
  const ui::CustomerFileView& file() const { return kiosk->view().customerFile; }
  void file(ui::CustomerFileIntent i) { kiosk->apply(ui::Intent{std::move(i)}); }
  const ui::FileField& field(const std::string& key) {
    const auto& f = file().fields;
    auto it = std::find_if(f.begin(), f.end(), [&](const ui::FileField& x) { return x.key == key; });
    REQUIRE(it != f.end());
    return *it;
  }
  int viewsOf(const std::string& fileNo, const std::string& staff) {
    return count("SELECT count(*) FROM audit_log WHERE action = 'customer.view' AND record_id = '" + fileNo +
                 "' AND staff = '" + staff + "'");
  }
};

}  // namespace

TEST_CASE("a file opens only after a purpose is chosen, and each tab's view is audited with it") {
  Fixture f;
  f.signIn("cash", "3456");
  f.kiosk->apply(ui::Navigate{ui::Screen::CustomerFile, f.zhangSan()});
  CHECK(f.kiosk->view().screen == ui::Screen::CustomerFile);
  CHECK(f.file().stage == ui::FileStage::Purpose);
  CHECK(f.file().name == "张三");
  CHECK(f.file().fields.empty());
  CHECK(f.file().phone.empty());  // nothing of the file before the purpose
  const std::string fileNo = f.file().fileNo;
  CHECK(f.viewsOf(fileNo, "cash") == 0);
  auto& p = f.file().purposes;
  auto at = std::find(p.begin(), p.end(), "checkout");
  REQUIRE(at != p.end());
  CHECK(f.file().routine[at - p.begin()]);

  f.file(ui::ChoosePurpose{"checkout"});
  CHECK(f.file().stage == ui::FileStage::Open);
  CHECK(f.file().tab == "basic");
  CHECK(f.file().tabs == std::vector<std::string>{"basic", "health", "skin", "care", "visits", "membership"});
  CHECK(f.viewsOf(fileNo, "cash") == 1);
  SQLite::Statement q(f.db->sql(),
                      "SELECT sections, reason FROM audit_log WHERE action = 'customer.view' AND record_id = ?");
  q.bind(1, fileNo);
  REQUIRE(q.executeStep());
  CHECK(q.getColumn(0).getString() == "basic,consent");
  CHECK(q.getColumn(1).getString().find("checkout") != std::string::npos);

  f.file(ui::ShowFileTab{"health"});
  CHECK(f.file().tab == "health");
  CHECK(f.count("SELECT count(*) FROM audit_log WHERE action = 'customer.view' AND record_id = '" + fileNo +
                "' AND sections = 'health'") == 1);
  f.file(ui::ShowFileTab{"membership"});
  CHECK(f.count("SELECT count(*) FROM audit_log WHERE action = 'customer.view' AND record_id = '" + fileNo +
                "' AND sections = 'membership'") == 1);
  CHECK_FALSE(f.file().lines.empty());
  f.file(ui::ShowFileTab{"pets"});  // 张三 has no pets: no such tab
  CHECK(f.file().tab == "membership");
}

TEST_CASE("a purpose outside the role's routine waits for a supervisor, then opens the file once") {
  Fixture f;
  f.signIn("cash", "3456");
  const CustomerId id = f.zhangSan();
  f.kiosk->apply(ui::Navigate{ui::Screen::CustomerFile, id});
  const std::string fileNo = f.file().fileNo;
  f.file(ui::ChoosePurpose{"marketing"});
  CHECK(f.file().stage == ui::FileStage::Waiting);
  CHECK(f.file().fields.empty());
  CHECK(f.viewsOf(fileNo, "cash") == 0);
  CHECK(f.count("SELECT count(*) FROM query_requests WHERE state = 'pending' AND requested_by = 'cash'") == 1);
  f.file(ui::CheckApproval{});
  CHECK(f.file().stage == ui::FileStage::Waiting);
  CHECK(f.file().message == "尚未审批，请稍后再查看。");

  // Asking again does not pile up requests.
  f.kiosk->apply(ui::Navigate{ui::Screen::CustomerFile, id});
  f.file(ui::ChoosePurpose{"marketing"});
  CHECK(f.file().stage == ui::FileStage::Waiting);
  CHECK(f.count("SELECT count(*) FROM query_requests") == 1);

  storage::SqliteRecordKeeping store(*f.db);
  storage::SqliteAuditLog audit(*f.db);
  Guard guard(audit, f.clock);
  std::string requestId = f.db->sql().execAndGet("SELECT id FROM query_requests").getString();
  FileAccess(store, guard, f.clock).decideQuery(Staff{"sup", "主管", Role::Supervisor, "", true}, requestId, true);
  f.file(ui::CheckApproval{});
  CHECK(f.file().stage == ui::FileStage::Open);
  CHECK(f.viewsOf(fileNo, "cash") == 1);
  CHECK(f.count("SELECT count(*) FROM query_requests WHERE state = 'used'") == 1);

  // Used once: the next marketing view asks again.
  f.kiosk->apply(ui::Navigate{ui::Screen::CustomerFile, id});
  f.file(ui::ChoosePurpose{"marketing"});
  CHECK(f.file().stage == ui::FileStage::Waiting);
  CHECK(f.count("SELECT count(*) FROM query_requests WHERE state = 'pending'") == 1);
}

TEST_CASE("a rejected query request says so and leaves the file closed") {
  Fixture f;
  f.signIn("beau", "4567");
  f.kiosk->apply(ui::Navigate{ui::Screen::CustomerFile, f.zhangSan()});
  f.file(ui::ChoosePurpose{"statement"});  // not a beautician's routine
  REQUIRE(f.file().stage == ui::FileStage::Waiting);
  storage::SqliteRecordKeeping store(*f.db);
  storage::SqliteAuditLog audit(*f.db);
  Guard guard(audit, f.clock);
  std::string requestId = f.db->sql().execAndGet("SELECT id FROM query_requests").getString();
  FileAccess(store, guard, f.clock).decideQuery(Staff{"mgr", "王店长", Role::Manager, "", true}, requestId, false);
  f.file(ui::CheckApproval{});
  CHECK(f.file().stage == ui::FileStage::Purpose);
  CHECK(f.file().messageIsError);
  CHECK(f.file().fields.empty());
}

TEST_CASE("sensitive fields are masked for a cashier and shown to a manager") {
  Fixture f;
  const CustomerId id = f.zhangSan();
  f.signIn("cash", "3456");
  f.kiosk->apply(ui::Navigate{ui::Screen::CustomerFile, id});
  f.file(ui::ChoosePurpose{"checkout"});
  CHECK(f.file().phone == "138****8000");
  CHECK(f.field("phone").masked);
  CHECK(f.field("phone").value == "138****8000");
  CHECK_FALSE(f.field("phone").editable);
  CHECK(f.field("birthday").value == "1988-03-14");
  CHECK(f.field("address").masked);
  f.file(ui::ShowFileTab{"health"});
  CHECK(f.field("medication").masked);
  CHECK_FALSE(f.field("allergies").masked);

  f.kiosk->apply(ui::LockKiosk{});
  CHECK(f.file().fields.empty());  // nothing of the file stays on screen for the next person
  f.signIn("mgr", "1234");
  f.kiosk->apply(ui::Navigate{ui::Screen::CustomerFile, id});
  f.file(ui::ChoosePurpose{"review"});
  CHECK(f.file().phone == "13800138000");
  CHECK_FALSE(f.field("phone").masked);
  CHECK(f.field("phone").value == "13800138000");
  CHECK(f.field("phone").editable);
}

TEST_CASE("an edit becomes a change request pending approval and the file is unchanged") {
  Fixture f;
  const CustomerId id = f.zhangSan();
  f.signIn("cash", "3456");
  f.kiosk->apply(ui::Navigate{ui::Screen::CustomerFile, id});
  f.file(ui::ChoosePurpose{"checkout"});
  f.file(ui::StartFieldEdit{"phone"});  // masked for a cashier: no edit of what cannot be seen
  CHECK(f.file().edit.field.empty());
  f.file(ui::StartFieldEdit{"occupation"});
  REQUIRE(f.file().edit.field == "occupation");
  f.file(ui::EditKeys{"teachr<er"});
  CHECK(f.file().edit.newValue == "teacher");
  f.file(ui::SubmitFieldEdit{});  // no reason yet
  CHECK(f.file().messageIsError);
  CHECK(f.count("SELECT count(*) FROM change_requests") == 0);
  f.file(ui::EditReason{"ui.file.reason.new_information"});
  f.file(ui::SubmitFieldEdit{});
  CHECK(f.count("SELECT count(*) FROM change_requests WHERE field = 'occupation' AND new_value = 'teacher'"
                " AND old_value = '' AND state = 'pending' AND requested_by = 'cash'") == 1);
  CHECK(storage::currentFieldValue(f.db->sql(), id, "occupation").empty());
  CHECK(f.file().edit.field.empty());
  CHECK(f.field("occupation").value.empty());
  CHECK(f.field("occupation").pending == "teacher");
  CHECK_FALSE(f.file().messageIsError);

  // A choice field offers its values.
  f.file(ui::StartFieldEdit{"gender"});
  CHECK(f.file().edit.choices == std::vector<std::string>{"female", "male", "other"});
  f.file(ui::EditChoice{"unknown"});
  CHECK(f.file().edit.newValue.empty());
  f.file(ui::EditChoice{"male"});
  CHECK(f.file().edit.newValue == "male");
  f.file(ui::CancelFieldEdit{});
  CHECK(f.count("SELECT count(*) FROM change_requests") == 1);
}

TEST_CASE("with no customer chosen the file screen searches by phone, initials or card number") {
  Fixture f;
  f.signIn("cash", "3456");
  f.kiosk->apply(ui::Navigate{ui::Screen::CustomerFile, 0});
  CHECK(f.file().stage == ui::FileStage::Search);
  f.file(ui::FileSearchKeys{"m00000002"});
  REQUIRE(f.file().search.found.size() == 1);
  CHECK(f.file().search.found[0].name == "陳美玲");
  CHECK(f.file().search.found[0].maskedPhone == "139****5678");
  f.file(ui::FileSearchKeys{"C1380013"});
  REQUIRE_FALSE(f.file().search.found.empty());
  CHECK(f.file().search.found[0].name == "张三");
  f.file(ui::OpenFoundCustomer{9999});  // not on screen: ignored
  CHECK(f.file().stage == ui::FileStage::Search);
  f.file(ui::OpenFoundCustomer{f.file().search.found[0].id});
  CHECK(f.file().stage == ui::FileStage::Purpose);
  CHECK(f.file().name == "张三");
}

TEST_CASE("visit history lists consumption by item name and tender, and a pet owner's file has a pets tab") {
  Fixture f;
  f.seedPastSales(20, 3);  // past sales for the customers on file
  const CustomerId buyer = f.db->sql().execAndGet("SELECT customer_id FROM consumption_records WHERE customer_id IS NOT NULL LIMIT 1").getInt64();
  const CustomerId owner = f.zhangSan();
  {
    storage::SqliteCustomerFileStore store(*f.db);
    storage::SqliteAuditLog audit(*f.db);
    CustomerFiles files(store, f.directory, audit, f.clock, f.keys);
    Pet p;
    p.name = "豆豆";
    p.species = "dog";
    p.breed = "泰迪";
    p.weightGrams = 4500;
    files.addPet(Staff{"mgr", "王店长", Role::Manager, "", true}, owner, p);
  }
  f.signIn("mgr", "1234");
  f.kiosk->apply(ui::Navigate{ui::Screen::CustomerFile, buyer});
  f.file(ui::ChoosePurpose{"review"});
  f.file(ui::ShowFileTab{"visits"});
  INFO(f.file().message << " stage " << static_cast<int>(f.file().stage) << " tab " << f.file().tab << " buyer " << buyer);
  REQUIRE_FALSE(f.file().moreLines.empty());
  const ui::FileLine& sale = f.file().moreLines.front();
  CHECK(sale.title.find(" ×") != std::string::npos);
  CHECK(sale.title.find("S-") == std::string::npos);  // names, not item codes
  CHECK(sale.detail.find("¥") == 0);

  f.kiosk->apply(ui::Navigate{ui::Screen::CustomerFile, owner});
  f.file(ui::ChoosePurpose{"service"});
  REQUIRE(std::find(f.file().tabs.begin(), f.file().tabs.end(), "pets") != f.file().tabs.end());
  f.file(ui::ShowFileTab{"pets"});
  REQUIRE(f.file().lines.size() == 1);
  CHECK(f.file().lines[0].title == "豆豆 · 狗 · 泰迪");
  CHECK(f.file().lines[0].detail == "4.50 kg");
  CHECK(f.count("SELECT count(*) FROM audit_log WHERE action = 'customer.view' AND sections = 'pets'") == 1);
}

TEST_CASE("返回 from a file goes back where it was opened: the member's page, or the search that found it") {
  Fixture f;
  f.signIn("mgr", "1234");
  f.kiosk->apply(ui::Navigate{ui::Screen::Members, f.zhangSan()});
  REQUIRE(f.kiosk->view().members.customer == f.zhangSan());
  f.kiosk->apply(ui::Navigate{ui::Screen::CustomerFile, f.zhangSan()});
  REQUIRE(f.kiosk->view().screen == ui::Screen::CustomerFile);
  f.kiosk->apply(ui::NavigateBack{});
  CHECK(f.kiosk->view().screen == ui::Screen::Members);
  CHECK(f.kiosk->view().members.customer == f.zhangSan());
  // From a search on Today: back to the same results.
  f.kiosk->apply(ui::Navigate{ui::Screen::Home});
  f.kiosk->apply(ui::KeyboardKeys{"8000"});
  REQUIRE_FALSE(f.kiosk->view().home.customers.empty());
  const std::size_t found = f.kiosk->view().home.customers.size();
  f.kiosk->apply(ui::Navigate{ui::Screen::CustomerFile, f.zhangSan()});
  f.kiosk->apply(ui::NavigateBack{});
  CHECK(f.kiosk->view().screen == ui::Screen::Home);
  CHECK(f.kiosk->view().home.search.query == "8000");
  CHECK(f.kiosk->view().home.customers.size() == found);
}

TEST_CASE("with nothing typed the file screen browses every file by pinyin or date, a page of 20 at a time") {
  Fixture f;
  f.seedCustomers(45, 3);
  const int files = f.count("SELECT count(*) FROM customers");
  REQUIRE(files > 40);
  f.signIn("cash", "3456");
  f.kiosk->apply(ui::Navigate{ui::Screen::CustomerFile, 0});
  f.file(ui::BrowseFiles{"pinyin", 0});
  const auto& s = f.file().search;
  CHECK(s.browseOrder == "pinyin");
  CHECK(s.browsePage == 0);
  CHECK(s.browseMore);
  REQUIRE(s.found.size() == 20);
  // The same rows, in the same order, as the directory's own pinyin list.
  const auto expected = f.directory.list(CustomerOrder::Pinyin, 0, 20);
  for (std::size_t i = 0; i < 20; ++i) CHECK(s.found[i].id == expected[i].id);
  CHECK(s.found[0].maskedPhone.find("****") != std::string::npos);  // the list is not the file
  CHECK(f.count("SELECT count(*) FROM audit_log WHERE action = 'customer.view' AND record_id = 'list:pinyin page 1' "
                "AND staff = 'cash'") == 1);
  // To the last page and back; a page past the end leaves the list as it was.
  const int last = (files - 1) / 20;
  f.file(ui::BrowseFiles{"pinyin", last});
  CHECK(s.browsePage == last);
  CHECK_FALSE(s.browseMore);
  CHECK(static_cast<int>(s.found.size()) == files - last * 20);
  f.file(ui::BrowseFiles{"pinyin", last + 1});
  CHECK(s.browsePage == last);
  CHECK(static_cast<int>(s.found.size()) == files - last * 20);
  // By filing date: the directory's order; then typing searches and leaves the browse.
  f.file(ui::BrowseFiles{"created", 0});
  CHECK(s.found.at(0).id == f.directory.list(CustomerOrder::Created, 0, 1).at(0).id);
  f.file(ui::BrowseFiles{"shoe size", 0});  // not an order: nothing changes
  CHECK(s.browseOrder == "created");
  f.file(ui::FileSearchKeys{"m00000002"});
  CHECK(s.browseOrder.empty());
  REQUIRE(s.found.size() == 1);
  // A row of a browsed page opens like a found one: purpose first.
  f.file(ui::BrowseFiles{"strokes", 0});
  f.file(ui::OpenFoundCustomer{s.found.at(0).id});
  CHECK(f.file().stage == ui::FileStage::Purpose);
}
