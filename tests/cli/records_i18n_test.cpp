// Every error code the record-keeping code can raise has its sentence in each language.
#include <catch2/catch.hpp>

#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#include "assets/assets.h"

TEST_CASE("every record-keeping error code is translated into zh-Hans, zh-Hant and en") {
  const char* files[] = {"app/core/change_request.cpp",    "app/core/dispute.cpp",         "app/core/file_access.cpp",
                         "app/core/file_review.cpp",       "app/core/service_record.cpp",  "app/core/self_service.cpp",
                         "app/core/weekly_review.cpp",     "app/core/reconciliation.cpp",  "storage/record_keeping_store.cpp",
                         "storage/customer_field_update.cpp", "storage/file_review_store.cpp", "storage/recording_store.cpp",
                         "storage/dispute_correction.cpp", "storage/self_service_store.cpp", "storage/weekly_review_store.cpp",
                         "storage/reconciliation_store.cpp", "app/cli/change_commands.cpp", "app/cli/recording_commands.cpp",
                         "app/cli/case_commands.cpp",      "app/cli/access_commands.cpp",  "app/cli/query_check.cpp",
                         "app/cli/self_service_commands.cpp", "app/cli/review_commands.cpp", "app/cli/reconcile_commands.cpp",
                         "app/cli/records_cli.cpp"};
  // Codes made up at run time ("file_not_" + status).
  std::set<std::string> codes = {"file_not_pending_review", "file_not_returned"};
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
  REQUIRE(codes.size() > 30);
  for (const char* lang : {"zh-Hans", "zh-Hant", "en"}) {
    salon::Catalog words = salon::assets::catalog(lang);
    for (const auto& code : codes) {
      INFO(lang << ": error." << code);
      CHECK(words.all().count("error." + code) == 1);
    }
    for (const char* key : {"records.statement.title", "records.statement.kind.refund", "records.tender.wechat"}) {
      INFO(lang << ": " << key);
      CHECK(words.all().count(key) == 1);
    }
  }
}
