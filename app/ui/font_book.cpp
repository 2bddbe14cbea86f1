#include "app/ui/font_book.h"

#include "app/ui/icons.h"

#include <fstream>
#include <iterator>
#include <sstream>

namespace salon::ui {

namespace {

// Each "package: /path" line of fonts.txt, icon fonts or text fonts.
std::vector<std::string> listed(const std::string& fontsTxt, bool iconFonts) {
  std::vector<std::string> out;
  std::istringstream in(fontsTxt);
  std::string line;
  while (std::getline(in, line)) {
    auto colon = line.find(':');
    if (colon == std::string::npos) continue;
    const std::string package = line.substr(0, colon);
    const bool icons = package.size() >= 8 && package.compare(package.size() - 8, 8, "iconfont") == 0;
    if (icons != iconFonts) continue;
    std::string path = line.substr(colon + 1);
    path.erase(0, path.find_first_not_of(" \t"));
    path.erase(path.find_last_not_of(" \t\r") + 1);
    if (!path.empty()) out.push_back(path);
  }
  return out;
}

std::vector<unsigned char> readFile(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  if (!f) return {};
  return {std::istreambuf_iterator<char>(f), std::istreambuf_iterator<char>()};
}

}  // namespace

std::vector<std::string> fontCandidates(const std::string& fontsTxt) { return listed(fontsTxt, false); }

std::string iconFontPath(const std::string& fontsTxt) {
  auto icons = listed(fontsTxt, true);
  return icons.empty() ? std::string() : icons.front();
}

FontBook::FontBook(const std::vector<std::string>& candidates, const std::string& iconFont) {
  for (const std::string& p : candidates) {
    file_ = readFile(p);
    if (!file_.empty()) {
      path_ = p;
      break;
    }
  }
  if (!iconFont.empty()) icons_ = readFile(iconFont);
}

bool FontBook::note(const std::string& utf8) {
  bool added = glyphs_.add(utf8);
  dirty_ |= added;
  return added;
}

void FontBook::setSizes(float text, float big) {
  if (text == textSize_ && big == bigSize_) return;
  textSize_ = text;
  bigSize_ = big;
  dirty_ = true;
}

// Into the font added last (text or big), at its size: the icons share its line.
void FontBook::mergeIcons(ImFontConfig cfg, float size) {
  if (icons_.empty()) return;
  cfg.MergeMode = true;
  cfg.GlyphMinAdvanceX = size;  // icons line up in a column of buttons
  // The icons sit on the baseline and are an em tall; CJK ink is centred lower.
  cfg.GlyphOffset.y = size * 0.12f;
  ImGui::GetIO().Fonts->AddFontFromMemoryTTF(icons_.data(), static_cast<int>(icons_.size()), size, &cfg, iconRanges());
}

void FontBook::rebuild() {
  ImFontAtlas* atlas = ImGui::GetIO().Fonts;
  atlas->Clear();
  ranges_ = glyphs_.ranges();
  ImFontConfig cfg;
  cfg.OversampleH = 1;  // CJK at kiosk sizes: no visible gain, a quarter of the atlas
  cfg.OversampleV = 1;
  cfg.PixelSnapH = true;
  cfg.FontDataOwnedByAtlas = false;  // one copy of the file, shared by both sizes
  if (file_.empty()) {
    ImFontConfig latin;
    latin.SizePixels = textSize_;
    text_ = atlas->AddFontDefault(&latin);
    mergeIcons(cfg, textSize_);
    latin.SizePixels = bigSize_;
    big_ = atlas->AddFontDefault(&latin);
    mergeIcons(cfg, bigSize_);
  } else {
    text_ = atlas->AddFontFromMemoryTTF(file_.data(), static_cast<int>(file_.size()), textSize_, &cfg, ranges_.Data);
    mergeIcons(cfg, textSize_);
    big_ = atlas->AddFontFromMemoryTTF(file_.data(), static_cast<int>(file_.size()), bigSize_, &cfg, ranges_.Data);
    mergeIcons(cfg, bigSize_);
  }
  atlas->Build();
  dirty_ = false;
}

}  // namespace salon::ui
