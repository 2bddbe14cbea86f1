// Every error code the checkout code can raise has its sentence in each language.
#include <catch2/catch.hpp>

#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#include "assets/assets.h"

TEST_CASE("every checkout error code is translated into zh-Hans, zh-Hant and en") {
  const char* files[] = {"app/core/catalog.cpp",         "app/core/cart.cpp",          "app/core/member_tier.cpp",
                         "app/core/member_account.cpp",  "app/core/sale.cpp",          "app/core/reversal.cpp",
                         "app/core/business_day.cpp",    "storage/catalog_store.cpp",  "storage/member_store.cpp",
                         "storage/sale_store.cpp",       "storage/day_store.cpp",      "app/cli/checkout_commands.cpp",
                         "app/cli/catalog_commands.cpp", "app/cli/day_commands.cpp",   "app/cli/sale_request_json.cpp"};
  std::set<std::string> codes;
  std::regex raise("DomainError\\(\"([a-z_]+)\"");
  for (const char* f : files) {
    std::ifstream in(std::string(SALON_SOURCE_DIR) + "/" + f);
    REQUIRE(in);
    std::stringstream ss;
    ss << in.rdbuf();
    std::string text = ss.str();
    for (std::sregex_iterator it(text.begin(), text.end(), raise), end; it != end; ++it) codes.insert((*it)[1]);
  }
  REQUIRE(codes.size() > 50);
  for (const char* lang : {"zh-Hans", "zh-Hant", "en"}) {
    salon::Catalog words = salon::assets::catalog(lang);
    for (const auto& code : codes) {
      INFO(lang << ": error." << code);
      CHECK(words.all().count("error." + code) == 1);
    }
  }
}
