// The reports screen's one-page summary on the receipt printer: the bytes go
// through the virtual printer and the transcript says what the summary says.
#include <catch2/catch.hpp>

#include "devices/escpos/report_tickets.h"
#include "devices/escpos/virtual_printer.h"

using namespace salon;
using namespace salon::devices;

namespace {

ReportSummary weekSummary() {
  ReportSummary s;
  s.storeName = "美丽约定";
  s.title = "营业报表 · 销售";
  s.period = "2026-05-29 .. 2026-06-04";
  s.printedAt = "打印 2026-06-05 09:30 王店长";
  s.lines = {{"营业额", ""}, {"合计", "2,608.60"}, {"上期", "88.00"}, {"变化", "+2864.32%"}, {"现金", "289.00"}};
  return s;
}

}  // namespace

TEST_CASE("report summary: ESC/POS with its title, period, figures and the cut") {
  for (const char* name : {"58mm", "80mm"}) {
    INFO(name);
    PrinterProfile profile = *profileByName(name);
    std::string bytes = encodeReportSummary(weekSummary(), profile);
    CHECK(bytes.rfind("\x1b@", 0) == 0);                                 // ESC @ first
    CHECK((bytes.find("\x1dV") != std::string::npos) == profile.cutter);  // GS V: the cut, where there is a cutter
    PaperPicture paper = renderJob(bytes, profile);
    CHECK(paper.text.find("2026-05-29 .. 2026-06-04") != std::string::npos);
    CHECK(paper.text.find("2,608.60") != std::string::npos);
    CHECK(paper.text.find("+2864.32%") != std::string::npos);
    CHECK(paper.text.find("2026-06-05 09:30") != std::string::npos);
  }
}

TEST_CASE("report summary: a Big5 printer prints what its font has, the rest goes as pictures") {
  PrinterProfile profile = *profileByName("58mm-big5");
  PaperPicture paper = renderJob(encodeReportSummary(weekSummary(), profile), profile);
  CHECK(paper.text.find("2026-05-29 .. 2026-06-04") != std::string::npos);
  CHECK(paper.text.find("[picture") != std::string::npos);  // 营业额, 合计: simplified characters Big5 lacks
}

TEST_CASE("report summary: an amount sits flush right on the line of its label") {
  PrinterProfile profile = *profileByName("58mm");
  PaperPicture paper = renderJob(encodeReportSummary(weekSummary(), profile), profile);
  std::string::size_type at = paper.text.find("合计");
  REQUIRE(at != std::string::npos);
  std::string line = paper.text.substr(at, paper.text.find('\n', at) - at);
  CHECK(line.size() >= 8);
  CHECK(line.substr(line.size() - 8) == "2,608.60");
}

TEST_CASE("report summary through the port: a printer URI picks its paper, a bad one is refused") {
  EscposReportTickets tickets;
  CHECK(tickets.summary(weekSummary(), "") == encodeReportSummary(weekSummary(), *profileByName("58mm")));
  CHECK(tickets.summary(weekSummary(), "file:/tmp/p?profile=80mm") ==
        encodeReportSummary(weekSummary(), *profileByName("80mm")));
  CHECK_THROWS(tickets.summary(weekSummary(), "nonsense://"));
}
