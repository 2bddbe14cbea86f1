#include "app/ui/font_book.h"

#include <fstream>
#include <iterator>
#include <sstream>

namespace salon::ui {

std::vector<std::string> fontCandidates(const std::string& fontsTxt) {
  std::vector<std::string> out;
  std::istringstream in(fontsTxt);
  std::string line;
  while (std::getline(in, line)) {
    auto colon = line.find(':');
    if (colon == std::string::npos) continue;
    std::string path = line.substr(colon + 1);
    path.erase(0, path.find_first_not_of(" \t"));
    path.erase(path.find_last_not_of(" \t\r") + 1);
    if (!path.empty()) out.push_back(path);
  }
  return out;
}

FontBook::FontBook(const std::vector<std::string>& candidates) {
  for (const std::string& p : candidates) {
    std::ifstream f(p, std::ios::binary);
    if (!f) continue;
    file_.assign(std::istreambuf_iterator<char>(f), std::istreambuf_iterator<char>());
    if (!file_.empty()) {
      path_ = p;
      break;
    }
  }
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
    latin.SizePixels = bigSize_;
    big_ = atlas->AddFontDefault(&latin);
  } else {
    text_ = atlas->AddFontFromMemoryTTF(file_.data(), static_cast<int>(file_.size()), textSize_, &cfg, ranges_.Data);
    big_ = atlas->AddFontFromMemoryTTF(file_.data(), static_cast<int>(file_.size()), bigSize_, &cfg, ranges_.Data);
  }
  atlas->Build();
  dirty_ = false;
}

}  // namespace salon::ui
