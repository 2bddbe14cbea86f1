#include "devices/escpos/layout.h"

#include <nlohmann/json.hpp>

#include <mutex>

#include "app/core/error.h"
#include "assets/assets.h"

namespace salon::devices {
namespace {

using Json = nlohmann::json;

const Json& layoutJson(const std::string& name) {
  static std::mutex mutex;
  static std::map<std::string, Json> cache;
  std::lock_guard<std::mutex> lock(mutex);
  auto it = cache.find(name);
  if (it != cache.end()) return it->second;
  auto raw = assets::text("layouts/" + name + ".json");
  if (!raw) throw DomainError("layout_invalid", name);
  try {
    return cache.emplace(name, Json::parse(*raw)).first->second;
  } catch (const Json::exception& e) {
    throw DomainError("layout_invalid", name + ": " + e.what());
  }
}

class Expander {
 public:
  Expander(const LayoutValues& v, const Catalog& c) : values_(v), catalog_(c) {}

  void blocks(const Json& list, PaperWriter& paper, const LayoutFields* item) {
    for (const Json& b : list) block(b, paper, item);
  }

 private:
  std::string field(const std::string& key, const LayoutFields* item) const {
    if (item) {
      auto it = item->find(key);
      if (it != item->end()) return it->second;
    }
    auto it = values_.fields.find(key);
    return it == values_.fields.end() ? std::string() : it->second;
  }

  std::string expand(const std::string& tpl, const LayoutFields* item, int depth = 0) const {
    std::string out;
    out.reserve(tpl.size() + 16);
    for (std::size_t i = 0; i < tpl.size();) {
      auto close = tpl[i] == '{' ? tpl.find('}', i) : std::string::npos;
      if (close == std::string::npos) {
        out += tpl[i++];
        continue;
      }
      std::string key = tpl.substr(i + 1, close - i - 1);
      if (key.rfind("t:", 0) == 0)
        out += depth < 2 ? expand(catalog_.text(key.substr(2)), item, depth + 1) : catalog_.text(key.substr(2));
      else
        out += field(key, item);
      i = close + 1;
    }
    return out;
  }

  static TextStyle style(const Json& b) {
    TextStyle s;
    std::string a = b.value("align", "left");
    s.align = a == "center" ? escpos::Align::Center : a == "right" ? escpos::Align::Right : escpos::Align::Left;
    s.bold = b.value("bold", false);
    s.underline = b.value("underline", 0);
    if (auto it = b.find("size"); it != b.end() && it->is_array() && it->size() == 2) {
      s.width = (*it)[0].get<int>();
      s.height = (*it)[1].get<int>();
    }
    return s;
  }

  void block(const Json& b, PaperWriter& paper, const LayoutFields* item) {
    if (auto w = b.find("when"); w != b.end() && field(w->get<std::string>(), item).empty()) return;
    if (auto u = b.find("unless"); u != b.end() && !field(u->get<std::string>(), item).empty()) return;
    if (auto e = b.find("each"); e != b.end()) {
      auto list = values_.lists.find(e->get<std::string>());
      if (list == values_.lists.end()) return;
      for (const LayoutFields& entry : list->second) blocks(b.at("blocks"), paper, &entry);
    } else if (auto t = b.find("text"); t != b.end()) {
      paper.line(expand(t->get<std::string>(), item), style(b));
    } else if (auto p = b.find("pair"); p != b.end()) {
      paper.pair(expand((*p)[0].get<std::string>(), item), expand((*p)[1].get<std::string>(), item), style(b));
    } else if (auto r = b.find("rule"); r != b.end()) {
      std::string fill = r->get<std::string>();
      paper.rule(fill.empty() ? '-' : fill[0]);
    } else if (auto f = b.find("feed"); f != b.end()) {
      paper.feed(f->get<int>());
    } else if (auto q = b.find("qr"); q != b.end()) {
      std::string lvl = b.value("level", "M");
      auto level = lvl == "L" ? escpos::QrLevel::L : lvl == "Q" ? escpos::QrLevel::Q
                   : lvl == "H" ? escpos::QrLevel::H : escpos::QrLevel::M;
      int module = paper.profile().dots >= 576 ? b.value("module", 6) : b.value("module58", b.value("module", 6) - 1);
      paper.qr(expand(q->get<std::string>(), item), module, level);
    } else if (b.contains("cut")) {
      paper.cut();
    } else if (b.contains("drawer")) {
      paper.openDrawer();
    }
  }

  const LayoutValues& values_;
  const Catalog& catalog_;
};

}  // namespace

void printLayout(const std::string& name, const LayoutValues& values, const Catalog& catalog, PaperWriter& paper) {
  const Json& layout = layoutJson(name);
  try {
    Expander(values, catalog).blocks(layout.at("blocks"), paper, nullptr);
  } catch (const Json::exception& e) {
    throw DomainError("layout_invalid", name + ": " + e.what());
  }
}

const Catalog& ticketCatalog(const std::string& language) {
  static std::mutex mutex;
  static std::map<std::string, Catalog> cache;
  std::lock_guard<std::mutex> lock(mutex);
  auto it = cache.find(language);
  if (it == cache.end()) it = cache.emplace(language, assets::catalog(language)).first;
  return it->second;
}

}  // namespace salon::devices
