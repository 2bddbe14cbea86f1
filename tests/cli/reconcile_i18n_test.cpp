// Every refusal the statement readers can raise has its sentence in each language.
#include <catch2/catch.hpp>

#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#include "assets/assets.h"

TEST_CASE("every statement error code is translated into zh-Hans, zh-Hant and en") {
  const char* files[] = {"app/core/statement.cpp", "app/core/statement_text.cpp", "app/core/statement_wechat.cpp",
                         "app/core/statement_alipay.cpp", "app/cli/reconcile_commands.cpp", "app/core/reconciliation.cpp"};
  std::set<std::string> codes;
  std::regex raise("DomainError\\(\"([a-z_]+)\"");
  for (const char* f : files) {
    std::ifstream in(std::string(SALON_SOURCE_DIR) + "/" + f);
    INFO(f);
    REQUIRE(in);
    std::stringstream ss;
    ss << in.rdbuf();
    std::string text = ss.str();
    for (std::sregex_iterator it(text.begin(), text.end(), raise), end; it != end; ++it) codes.insert((*it)[1]);
  }
  CHECK(codes.count("statement_truncated") == 1);
  CHECK(codes.count("statement_outside_month") == 1);
  CHECK(codes.count("statement_too_large") == 1);
  for (const char* lang : {"zh-Hans", "zh-Hant", "en"}) {
    salon::Catalog words = salon::assets::catalog(lang);
    for (const auto& code : codes) {
      INFO(lang << ": error." << code);
      CHECK(words.all().count("error." + code) == 1);
    }
  }
  salon::DomainError cut("statement_truncated", "wechat.csv: line 7: 6 of 27 columns (the row is cut short)");
  CHECK(salon::assets::catalog("zh-Hans").describe(cut).find("对账单不完整") == 0);
  CHECK(salon::assets::catalog("zh-Hant").describe(cut).find("對帳單不完整") == 0);
}
