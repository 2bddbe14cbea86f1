// The Reports desk against the hand-computed week of report_week_fixture.h
// (05-29..06-04 against 05-22..05-28): the figures the screen shows, the
// drill-down into a day, the CSV read back, the printed summary, who may see it
// and that a stale reading is dropped.
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

#include "app/kiosk/reports_desk.h"
#include "assets/assets.h"
#include "devices/escpos/report_tickets.h"
#include "devices/escpos/virtual_printer.h"
#include "storage/report_week_fixture.h"
#include "storage/sqlite_backroom.h"

using namespace salon;
using namespace salon::test;

namespace {

// Keeps every job handed over, as the print queue would.
struct KeptSpool : PrintSpool {
  std::vector<PrintJob> jobs;
  std::string submit(PrintJob job) override {
    job.id = "job-" + std::to_string(jobs.size() + 1);
    jobs.push_back(job);
    return job.id;
  }
};

// Runs nothing until told: a reading still under way when the screen moves on.
struct HeldTasks : kiosk::Tasks {
  std::vector<std::pair<std::function<void(Backroom&)>, std::function<void()>>> held;
  kiosk::TaskId run(kiosk::Lane, const std::string&, std::function<void(Backroom&)> work,
                    std::function<void()> done) override {
    held.emplace_back(std::move(work), std::move(done));
    return held.size();
  }
  void finish(Backroom& b) {
    auto all = std::move(held);
    held.clear();
    for (auto& [work, done] : all) {
      work(b);
      done();
    }
  }
};

struct ReportsRig {
  ReportWeek w;
  storage::SqliteBackroom room{*w.db};
  ManualClock clock{weekDay(7) + kHour};  // 06-04 10:00
  StoreZone zone;
  Catalog catalog = assets::catalog("zh-Hans");
  std::optional<Staff> staff = Staff{"mgr", "王店长", Role::Manager, "", true};
  ui::KioskView view;
  PinyinConverter* pinyin = nullptr;
  kiosk::InlineTasks inlineTasks{room};
  kiosk::Tasks* tasks = &inlineTasks;
  KeptSpool kept;
  PrintSpool* spool = &kept;
  kiosk::DeskContext k{clock, zone, catalog, staff, room.audit(), room.directory(), view,
                       [](ui::Screen, CustomerId) {}, pinyin, room, tasks, spool};
  kiosk::ReportsDesk desk{k};

  ReportsRig() {
    view.screen = ui::Screen::Reports;
    desk.setRemovableRoots({});  // no USB stick unless a test plugs one in
  }
  void pickTheWeek() {
    desk.apply(ui::ReportsPickPeriod{ui::ReportsPeriod::Custom});
    REQUIRE(view.reports.range.open);
    desk.apply(ui::ReportsRangeKeys{"C20260529"});
    desk.apply(ui::ReportsRangeKeys{"20260604="});
    REQUIRE_FALSE(view.reports.range.open);
  }
  int audited(const std::string& action) {
    return w.db->sql().execAndGet("SELECT COUNT(*) FROM audit_log WHERE action = '" + action + "'").getInt();
  }
};

std::string readFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

std::vector<std::string> csvLines(const std::string& csv) {
  std::vector<std::string> out;
  for (std::size_t at = 0; at < csv.size();) {
    std::size_t end = csv.find("\r\n", at);
    out.push_back(csv.substr(at, end - at));
    at = end + 2;
  }
  return out;
}

}  // namespace

TEST_CASE("reports desk: the week's sales, compared with the week before") {
  ReportsRig r;
  r.desk.open(0);
  CHECK(r.view.reports.periodLabel == "2026-06-04");
  r.desk.apply(ui::ReportsPickPeriod{ui::ReportsPeriod::Custom});
  r.desk.apply(ui::ReportsRangeKeys{"C2026133="});  // not a date: the keypad stays, saying why
  CHECK(r.view.reports.range.open);
  CHECK(r.view.reports.messageIsError);
  r.desk.apply(ui::ReportsPickPeriod{ui::ReportsPeriod::ThisWeek});  // a chip instead
  CHECK_FALSE(r.view.reports.range.open);
  CHECK(r.view.reports.periodLabel == "2026-06-01 – 2026-06-04");
  r.pickTheWeek();
  const ui::ReportsView& v = r.view.reports;
  CHECK_FALSE(v.computing);
  CHECK(v.periodLabel == "2026-05-29 – 2026-06-04");
  CHECK(v.compareLabel == "对比上期 2026-05-22 – 2026-05-28");
  REQUIRE(v.figures.size() == 5);
  CHECK(v.figures[0].value == "¥2608.60");
  CHECK(v.figures[0].change == "+2864.32%");  // (2,608.60 − 88.00) ÷ 88.00
  CHECK(v.figures[1].value == "¥2269.00");   // cash 289 + card 1,000 + WeChat 500 + Alipay 480
  CHECK(v.figures[2].value == "7");
  CHECK(v.figures[3].value == "2");           // one void, one refund
  CHECK(v.figures[4].value == "¥14.40");      // 4.40 basic tier on the cut + 10.00 manual on the serum
  REQUIRE(v.charts.size() == 2);
  CHECK(v.charts[0].bars[0].values == std::vector<std::int64_t>{231960, 41700, -12800, 0, 0, 0, 0});
  CHECK(v.charts[0].lines[0].values == std::vector<std::int64_t>{0, 0, 0, 0, 0, 0, 8800});
  CHECK(v.charts[0].xLabels.front() == "05-29");
  CHECK(v.charts[1].xLabels.front() == "现金");
  CHECK(v.charts[1].bars[0].values.front() == 28900);
  // Today's, this week's and the custom week's readings: each audited as on the command line.
  CHECK(r.audited("report.view") == 3);
}

TEST_CASE("reports desk: a day's bar opens its sales, the table exports to CSV and reads back") {
  ReportsRig r;
  TempDir data;
  r.desk.setDataFolder(data.path().string());
  r.desk.open(0);
  r.pickTheWeek();
  r.desk.apply(ui::ReportsTapBar{0, 0});
  const ui::ReportsView& v = r.view.reports;
  REQUIRE(v.drilling);
  CHECK(v.drill.title == "当日销售 2026-05-29");
  REQUIRE(v.drill.rows.size() == 6);
  CHECK(v.drill.rows[1][3].text == "补水护理、洗剪吹");
  CHECK(v.drill.rows[2][4].text == "微信、支付宝");
  CHECK(v.drill.rows[5][1].text == "作废");
  r.desk.apply(ui::ReportsExport{"day_sales"});
  const std::string file = data.file("exports/day_sales_2026-05-29_2026-05-29.csv");
  CHECK(r.desk.lastExport() == file);
  const std::string csv = readFile(file);
  REQUIRE(csv.rfind("\xEF\xBB\xBF", 0) == 0);
  std::vector<std::string> lines = csvLines(csv.substr(3));
  REQUIRE(lines.size() == 7);
  CHECK(lines[0] == "时间,类型,顾客,项目,支付方式,金额,收银员,原因");
  CHECK(lines[1] == "10:00,销售,张三,储值1000送200,银行卡,1000.00,cash,");
  CHECK(lines[2] == "11:00,销售,张三,补水护理、洗剪吹,储值卡,211.60,cash,");
  CHECK(lines[6] == "15:10,作废,,精华,现金,-299.00,cash,录错商品");
  CHECK(r.audited("report.export") == 1);

  r.desk.apply(ui::ReportsCloseDrill{});
  CHECK_FALSE(v.drilling);
  r.desk.apply(ui::ReportsExport{"sales_by_day"});
  lines = csvLines(readFile(data.file("exports/sales_by_day_2026-05-29_2026-06-04.csv")).substr(3));
  REQUIRE(lines.size() == 8);
  CHECK(lines[1] == "2026-05-29,2319.60,2026-05-22,0.00");
  CHECK(lines[3] == "2026-05-31,-128.00,2026-05-24,0.00");
  CHECK(lines[7] == "2026-06-04,0.00,2026-05-28,88.00");
}

TEST_CASE("reports desk: staff, customers, liabilities and record-keeping tabs") {
  ReportsRig r;
  r.desk.open(0);
  r.pickTheWeek();
  const ui::ReportsView& v = r.view.reports;
  r.desk.apply(ui::ReportsShowTab{ui::ReportsTab::Staff});
  REQUIRE(v.figures.size() == 3);
  CHECK(v.figures[0].value == "¥2269.00");  // 业绩: beau 980.00 + cash 1,289.00
  const ReportTable& staff = v.tables.at(0);
  REQUIRE(staff.rows.size() >= 2);
  CHECK(staff.rows[0][0].text == "beau");
  CHECK(staff.rows[0][1].amount == Money(98000));
  CHECK(staff.rows[0][2].amount == Money(29780));
  CHECK(staff.rows[0][3].amount == Money(7280));  // 3 % of 业绩 + 15 % of face 手工 + ½ of a 10.00 cut
  CHECK(staff.rows[0][5].text == "50.00%");        // one of two visits rebooked
  r.desk.apply(ui::ReportsShowTab{ui::ReportsTab::Customers});
  CHECK(v.figures.at(0).value == "2");  // 张三 and 李四
  r.desk.apply(ui::ReportsShowTab{ui::ReportsTab::Liabilities});
  CHECK(v.tables.at(0).rows.back()[0].text == "2026-06-04");
  CHECK(v.charts.at(0).xLabels.front() == "05-31");  // the month end inside the week, then today
  r.desk.apply(ui::ReportsShowTab{ui::ReportsTab::RecordKeeping});
  const ui::ReportFigure* details = nullptr;
  for (const ui::ReportFigure& f : v.figures)
    if (f.label == "服务详情") details = &f;
  REQUIRE(details);
  CHECK(details->value == "及时 0.00%");  // five services (four of beau's, one of cash's), none recorded
  CHECK(details->alert);                  // under the 98 % target
  CHECK(details->change == "差错 0.00%");
  CHECK_FALSE(details->down);             // under the 1 % target
  REQUIRE_FALSE(v.charts.empty());
  CHECK(v.charts[0].lines[0].values.front() == 9800);  // the 98 % target
  // Going back to a tab read before does not read it again.
  const int readings = r.audited("report.view");
  r.desk.apply(ui::ReportsShowTab{ui::ReportsTab::Sales});
  CHECK(r.audited("report.view") == readings);
  CHECK(v.figures[0].value == "¥2608.60");
}

TEST_CASE("reports desk: the summary prints on the receipt printer through the spool") {
  ReportsRig r;
  devices::EscposReportTickets tickets;
  r.desk.setReportTickets(&tickets);
  r.desk.open(0);
  r.pickTheWeek();
  r.desk.apply(ui::ReportsPrint{});
  REQUIRE(r.kept.jobs.size() == 1);
  const PrintJob& job = r.kept.jobs[0];
  CHECK(job.kind == "report");
  devices::PrinterProfile paper = *devices::profileByName("58mm");
  const std::string text = devices::renderJob(job.bytes, paper).text;
  INFO(text);
  CHECK(text.find("2026-05-29 ~ 2026-06-04") != std::string::npos);
  CHECK(text.find("2608.60 (+2864.32%)") != std::string::npos);  // the printer's own ￥ before it
  CHECK(text.find("对比上期 2026-05-22 ~ 2026-05-28") != std::string::npos);
  CHECK(text.find("补水护理                ￥256.00") != std::string::npos);  // the top service, flush right
  CHECK(text.find("王店长") != std::string::npos);
  CHECK(r.view.reports.printing);
  r.desk.printFinished(job.id, PrintJobState::Printed, "");
  CHECK_FALSE(r.view.reports.printing);
  CHECK(r.view.reports.message == "摘要已打印");
}

TEST_CASE("reports desk: offered to manager, finance and admin, a cashier is refused and audited") {
  ReportsRig r;
  CHECK(r.desk.offered());
  r.staff = Staff{"fin", "赵财务", Role::Finance, "", true};
  CHECK(r.desk.offered());
  r.staff = Staff{"cash", "陈前台", Role::Cashier, "", true};
  CHECK_FALSE(r.desk.offered());
  r.desk.open(0);
  CHECK(r.view.reports.figures.empty());
  CHECK(r.view.reports.messageIsError);
  CHECK(r.audited("report.view") == 0);
  CHECK(r.audited("permission.denied") == 1);
}

TEST_CASE("reports desk: a reading still under way is dropped when the period changes or the kiosk locks") {
  ReportsRig r;
  HeldTasks held;
  r.tasks = &held;
  r.desk.open(0);
  CHECK(r.view.reports.computing);
  r.desk.apply(ui::ReportsPickPeriod{ui::ReportsPeriod::LastMonth});  // 05-01..05-31
  held.finish(r.room);
  CHECK_FALSE(r.view.reports.computing);
  CHECK(r.view.reports.periodLabel == "2026-05-01 – 2026-05-31");
  CHECK(r.view.reports.figures.at(0).value == "¥2696.60");  // the week's 05-29..05-31 and 05-28's 88.00
  r.desk.apply(ui::ReportsShowTab{ui::ReportsTab::Staff});
  r.desk.locked();
  held.finish(r.room);
  CHECK(r.view.reports.figures.empty());
}

TEST_CASE("reports desk: categories by their names in the current language, a store's own code as it is") {
  ReportsRig r;
  r.w.db->write([](SQLite::Database& s) {  // a category the store typed in itself
    storage::saveItem(s, {"P-TEA", "花茶", ItemKind::Product, "茶饮", 0, {}, "", 0, 0, Money(), true}, 0);
    storage::addPrice(s, {"P-TEA", Money(1800), 0}, "mgr", 0, true);
    storage::moveStock(s, "P-TEA", 5, "receive", "", "mgr", 0);
  });
  r.w.setup = storage::loadCheckoutSetup(r.w.db->sql());
  r.w.store().settle(saleOf({ln("P-TEA", 1, {"cash"})}, {td(TenderType::Cash, 1800)}), r.w.cashier, weekDay(3) + 2 * kHour);
  auto names = [&](const char* language) {
    r.catalog = assets::catalog(language);
    r.desk.open(0);
    r.pickTheWeek();
    std::vector<std::string> out;
    for (const ReportTable& t : r.view.reports.tables)
      if (t.key == "by_category")
        for (const auto& row : t.rows) out.push_back(row.front().text);
    return out;
  };
  CHECK(names("zh-Hans") == std::vector<std::string>{"面部", "美发", "产品", "储值", "茶饮"});
  CHECK(names("zh-Hant") == std::vector<std::string>{"面部", "美髮", "產品", "儲值", "茶饮"});
  CHECK(names("en") == std::vector<std::string>{"Face", "Hair", "Products", "Top-up", "茶饮"});
}

TEST_CASE("reports desk: a mounted USB stick is the export target, else the data folder") {
  ReportsRig r;
  TempDir data, media;
  r.desk.setDataFolder(data.path().string());
  r.desk.setRemovableRoots({media.file("nothing-here"), media.path().string()});
  r.desk.open(0);
  r.pickTheWeek();
  r.desk.apply(ui::ReportsExport{"sales_by_day"});  // no stick yet: the data folder
  CHECK(r.desk.lastExport() == data.file("exports/sales_by_day_2026-05-29_2026-06-04.csv"));
  CHECK(r.view.reports.message.rfind("已导出 ", 0) == 0);
  std::filesystem::create_directories(media.file("kiosk/SALON-USB"));  // plugged in: /media/<user>/<label>
  std::filesystem::create_directories(media.file("kiosk/ZZ-OTHER"));
  r.desk.apply(ui::ReportsExport{"sales_by_day"});
  const std::string file = media.file("kiosk/SALON-USB/exports/sales_by_day_2026-05-29_2026-06-04.csv");
  CHECK(r.desk.lastExport() == file);
  CHECK(r.view.reports.message == "已导出到U盘 " + file);
  std::vector<std::string> lines = csvLines(readFile(file).substr(3));
  REQUIRE(lines.size() == 8);
  CHECK(lines[1] == "2026-05-29,2319.60,2026-05-22,0.00");
  r.desk.setDataFolder("");  // the stick alone is enough
  r.desk.apply(ui::ReportsExport{"top_services"});
  CHECK(r.desk.lastExport() == media.file("kiosk/SALON-USB/exports/top_services_2026-05-29_2026-06-04.csv"));
  CHECK(r.audited("report.export") == 3);
}
