// The counter's sentences (assets/i18n/*.counter.json) exist in every language
// the kiosk speaks, with the same placeholders.
#include <catch2/catch.hpp>

#include <fstream>
#include <set>

#include <nlohmann/json.hpp>

namespace {

nlohmann::json counterTexts(const std::string& language) {
  std::ifstream in(std::string(SALON_SOURCE_DIR) + "/assets/i18n/" + language + ".counter.json");
  REQUIRE(in);
  return nlohmann::json::parse(in);
}

std::set<std::string> placeholders(const std::string& s) {
  std::set<std::string> out;
  for (std::size_t a = s.find('{'); a != std::string::npos; a = s.find('{', a + 1))
    out.insert(s.substr(a, s.find('}', a) - a + 1));
  return out;
}

}  // namespace

TEST_CASE("counter: every counter sentence is in zh-Hans, zh-Hant and en with the same placeholders") {
  const nlohmann::json hans = counterTexts("zh-Hans"), hant = counterTexts("zh-Hant"), en = counterTexts("en");
  REQUIRE(hans.size() >= 5);
  for (const nlohmann::json* other : {&hant, &en}) {
    CHECK(other->size() == hans.size());
    for (const auto& [key, text] : hans.items()) {
      INFO(key);
      REQUIRE(other->contains(key));
      CHECK(placeholders((*other)[key].get<std::string>()) == placeholders(text.get<std::string>()));
    }
  }
}
