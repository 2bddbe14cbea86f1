#include "devices/escpos/codec.h"

#include <cerrno>

namespace salon::devices {

bool isWide(char32_t c) {
  return (c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0xA4CF) || (c >= 0xAC00 && c <= 0xD7A3) ||
         (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFF60) ||
         (c >= 0xFFE0 && c <= 0xFFE6) || (c >= 0x20000 && c <= 0x3FFFD);
}

Codec::Codec(ChineseEncoding e) : encoding_(e) {
  for (char32_t c = 0x20; c < 0x7F; ++c) ascii_[c] = std::string(1, static_cast<char>(c));
  const char* name = e == ChineseEncoding::Big5 ? "BIG5" : "GB18030";
  to_ = iconv_open(name, "UTF-32LE");
  from_ = iconv_open("UTF-32LE", name);
}

Codec::~Codec() {
  if (to_ != reinterpret_cast<iconv_t>(-1)) iconv_close(to_);
  if (from_ != reinterpret_cast<iconv_t>(-1)) iconv_close(from_);
}

const std::string* Codec::encode(char32_t c) {
  if (c >= 0x20 && c < 0x7F) return &ascii_[c];
  if (c < 0x10000) {
    if (bmp_.empty()) {
      bmp_.assign(0x10000, -1);
      known_.reserve(16384);  // Big5 holds 13,468 characters, GB2312 7,445: references stay valid
    }
    std::int32_t& slot = bmp_[c];
    if (slot == -1) {
      auto bytes = lookUp(c);
      if (!bytes) {
        slot = -2;
      } else if (known_.size() < known_.capacity()) {
        known_.push_back(std::move(*bytes));
        slot = static_cast<std::int32_t>(known_.size() - 1);
      } else {
        slot = -3;  // more than expected: kept in the map below
        astral_.emplace(c, std::move(bytes));
      }
    }
    if (slot >= 0) return &known_[static_cast<std::size_t>(slot)];
    if (slot == -2) return nullptr;
  }
  auto it = astral_.find(c);
  if (it == astral_.end()) it = astral_.emplace(c, lookUp(c)).first;
  return it->second ? &*it->second : nullptr;
}

int Codec::columns(char32_t c) {
  if (c >= 0x20 && c < 0x7F) return 1;
  const std::string* b = encode(c);
  if (b) return static_cast<int>(b->size());
  return isWide(c) ? 2 : 1;
}

std::optional<std::string> Codec::lookUp(char32_t c) {
  if (c >= 0x20 && c < 0x7F) return std::string(1, static_cast<char>(c));
  if (c < 0x80 || to_ == reinterpret_cast<iconv_t>(-1)) return std::nullopt;
  if (c == 0xA5) c = 0xFFE5;  // ¥ -> ￥
  char in[4] = {static_cast<char>(c & 0xFF), static_cast<char>((c >> 8) & 0xFF),
                static_cast<char>((c >> 16) & 0xFF), static_cast<char>((c >> 24) & 0xFF)};
  char out[8];
  char* ip = in;
  char* op = out;
  std::size_t il = 4, ol = sizeof out;
  iconv(to_, nullptr, nullptr, nullptr, nullptr);
  if (iconv(to_, &ip, &il, &op, &ol) == static_cast<std::size_t>(-1)) return std::nullopt;
  std::size_t len = sizeof out - ol;
  if (len != 2) return std::nullopt;
  auto lead = static_cast<unsigned char>(out[0]), trail = static_cast<unsigned char>(out[1]);
  bool inFont = encoding_ == ChineseEncoding::Big5
                    ? lead >= 0xA1 && lead <= 0xF9 && ((trail >= 0x40 && trail <= 0x7E) || (trail >= 0xA1 && trail <= 0xFE))
                    : lead >= 0xA1 && lead <= 0xF7 && trail >= 0xA1 && trail <= 0xFE;
  if (!inFont) return std::nullopt;
  return std::string(out, 2);
}

std::pair<char32_t, int> Codec::decode(const unsigned char* p, std::size_t n) {
  if (n == 0) return {U'\uFFFD', 0};
  if (p[0] < 0x80) return {p[0], 1};
  int len = 2;
  if (encoding_ == ChineseEncoding::GB18030 && n >= 2 && p[1] >= 0x30 && p[1] <= 0x39) len = 4;
  if (static_cast<std::size_t>(len) > n || p[0] == 0x80 || p[0] == 0xFF) return {U'\uFFFD', 1};
  if (from_ == reinterpret_cast<iconv_t>(-1)) return {U'\uFFFD', len};
  char in[4];
  for (int i = 0; i < len; ++i) in[i] = static_cast<char>(p[i]);
  char out[8];
  char* ip = in;
  char* op = out;
  std::size_t il = static_cast<std::size_t>(len), ol = sizeof out;
  iconv(from_, nullptr, nullptr, nullptr, nullptr);
  if (iconv(from_, &ip, &il, &op, &ol) == static_cast<std::size_t>(-1) || sizeof out - ol != 4)
    return {U'\uFFFD', len};
  char32_t c = static_cast<unsigned char>(out[0]) | (static_cast<unsigned char>(out[1]) << 8) |
               (static_cast<unsigned char>(out[2]) << 16) | (static_cast<char32_t>(static_cast<unsigned char>(out[3])) << 24);
  return {c, len};
}

Codec& threadCodec(ChineseEncoding e) {
  thread_local Codec gb(ChineseEncoding::GB18030);
  thread_local Codec big5(ChineseEncoding::Big5);
  return e == ChineseEncoding::Big5 ? big5 : gb;
}

}  // namespace salon::devices
