#include "devices/escpos/layout.h"

#include <nlohmann/json.hpp>

#include <memory>
#include <mutex>

#include "app/core/error.h"
#include "assets/assets.h"

namespace salon::devices {
namespace {

using Json = nlohmann::json;

// A template split once into literal text, {field} and {t:sentence} pieces.
struct Piece {
  enum Kind { Literal, Field, Sentence } kind;
  std::string text;
};
using Template = std::vector<Piece>;

Template compileTemplate(const std::string& tpl) {
  Template out;
  std::string literal;
  for (std::size_t i = 0; i < tpl.size();) {
    auto close = tpl[i] == '{' ? tpl.find('}', i) : std::string::npos;
    if (close == std::string::npos) {
      literal += tpl[i++];
      continue;
    }
    if (!literal.empty()) out.push_back({Piece::Literal, std::move(literal)});
    literal.clear();
    std::string key = tpl.substr(i + 1, close - i - 1);
    if (key.rfind("t:", 0) == 0)
      out.push_back({Piece::Sentence, key.substr(2)});
    else
      out.push_back({Piece::Field, key});
    i = close + 1;
  }
  if (!literal.empty()) out.push_back({Piece::Literal, std::move(literal)});
  return out;
}

// One block of a layout, read from JSON once and kept.
struct Block {
  enum Kind { Text, Pair, Rule, Feed, Qr, Cut, Drawer, Each, Nothing } kind = Nothing;
  std::string when, unless, list;
  TextStyle style;
  Template a, b;
  char fill = '-';
  int n = 0, module = 6, module58 = 5;
  escpos::QrLevel level = escpos::QrLevel::M;
  std::vector<Block> children;
};

TextStyle styleOf(const Json& j) {
  TextStyle s;
  std::string a = j.value("align", "left");
  s.align = a == "center" ? escpos::Align::Center : a == "right" ? escpos::Align::Right : escpos::Align::Left;
  s.bold = j.value("bold", false);
  s.underline = j.value("underline", 0);
  if (auto it = j.find("size"); it != j.end() && it->is_array() && it->size() == 2) {
    s.width = (*it)[0].get<int>();
    s.height = (*it)[1].get<int>();
  }
  return s;
}

std::vector<Block> compileBlocks(const Json& list);

Block compileBlock(const Json& j) {
  Block b;
  b.when = j.value("when", "");
  b.unless = j.value("unless", "");
  b.style = styleOf(j);
  if (auto e = j.find("each"); e != j.end()) {
    b.kind = Block::Each;
    b.list = e->get<std::string>();
    b.children = compileBlocks(j.at("blocks"));
  } else if (auto t = j.find("text"); t != j.end()) {
    b.kind = Block::Text;
    b.a = compileTemplate(t->get<std::string>());
  } else if (auto p = j.find("pair"); p != j.end()) {
    b.kind = Block::Pair;
    b.a = compileTemplate(p->at(0).get<std::string>());
    b.b = compileTemplate(p->at(1).get<std::string>());
  } else if (auto r = j.find("rule"); r != j.end()) {
    b.kind = Block::Rule;
    std::string fill = r->get<std::string>();
    b.fill = fill.empty() ? '-' : fill[0];
  } else if (auto f = j.find("feed"); f != j.end()) {
    b.kind = Block::Feed;
    b.n = f->get<int>();
  } else if (auto q = j.find("qr"); q != j.end()) {
    b.kind = Block::Qr;
    b.a = compileTemplate(q->get<std::string>());
    std::string lvl = j.value("level", "M");
    b.level = lvl == "L" ? escpos::QrLevel::L : lvl == "Q" ? escpos::QrLevel::Q
              : lvl == "H" ? escpos::QrLevel::H : escpos::QrLevel::M;
    b.module = j.value("module", 6);
    b.module58 = j.value("module58", b.module - 1);
  } else if (j.contains("cut")) {
    b.kind = Block::Cut;
  } else if (j.contains("drawer")) {
    b.kind = Block::Drawer;
  }
  return b;
}

std::vector<Block> compileBlocks(const Json& list) {
  std::vector<Block> out;
  for (const Json& j : list) out.push_back(compileBlock(j));
  return out;
}

const std::vector<Block>& layout(const std::string& name) {
  static std::mutex mutex;
  static std::map<std::string, std::vector<Block>> cache;
  std::lock_guard<std::mutex> lock(mutex);
  auto it = cache.find(name);
  if (it != cache.end()) return it->second;
  auto raw = assets::text("layouts/" + name + ".json");
  if (!raw) throw DomainError("layout_invalid", name);
  try {
    return cache.emplace(name, compileBlocks(Json::parse(*raw).at("blocks"))).first->second;
  } catch (const Json::exception& e) {
    throw DomainError("layout_invalid", name + ": " + e.what());
  }
}

class Expander {
 public:
  Expander(const LayoutValues& v, const Catalog& c) : values_(v), catalog_(c) {}

  void blocks(const std::vector<Block>& list, PaperWriter& paper, const LayoutFields* item) {
    for (const Block& b : list) block(b, paper, item);
  }

 private:
  const std::string& field(const std::string& key, const LayoutFields* item) const {
    static const std::string none;
    if (item) {
      auto it = item->find(key);
      if (it != item->end()) return it->second;
    }
    auto it = values_.fields.find(key);
    return it == values_.fields.end() ? none : it->second;
  }

  void expandInto(std::string& out, const Template& t, const LayoutFields* item, int depth) const {
    for (const Piece& p : t) {
      if (p.kind == Piece::Literal) {
        out += p.text;
      } else if (p.kind == Piece::Field) {
        out += field(p.text, item);
      } else {
        const std::string& sentence = catalog_.text(p.text);
        // A sentence may hold fields itself ("剩余{left}次").
        if (depth < 2 && sentence.find('{') != std::string::npos)
          expandInto(out, compileTemplate(sentence), item, depth + 1);
        else
          out += sentence;
      }
    }
  }

  std::string expand(const Template& t, const LayoutFields* item) const {
    std::string out;
    out.reserve(48);
    expandInto(out, t, item, 0);
    return out;
  }

  void block(const Block& b, PaperWriter& paper, const LayoutFields* item) {
    if (!b.when.empty() && field(b.when, item).empty()) return;
    if (!b.unless.empty() && !field(b.unless, item).empty()) return;
    switch (b.kind) {
      case Block::Each: {
        auto list = values_.lists.find(b.list);
        if (list == values_.lists.end()) return;
        for (const LayoutFields& entry : list->second) blocks(b.children, paper, &entry);
        return;
      }
      case Block::Text: return paper.line(expand(b.a, item), b.style);
      case Block::Pair: return paper.pair(expand(b.a, item), expand(b.b, item), b.style);
      case Block::Rule: return paper.rule(b.fill);
      case Block::Feed: return paper.feed(b.n);
      case Block::Qr:
        return paper.qr(expand(b.a, item), paper.profile().dots >= 576 ? b.module : b.module58, b.level);
      case Block::Cut: return paper.cut();
      case Block::Drawer: return paper.openDrawer();
      case Block::Nothing: return;
    }
  }

  const LayoutValues& values_;
  const Catalog& catalog_;
};

}  // namespace

void printLayout(const std::string& name, const LayoutValues& values, const Catalog& catalog, PaperWriter& paper) {
  Expander(values, catalog).blocks(layout(name), paper, nullptr);
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
