#include "app/core/chain_head.h"

namespace salon {

std::string chainHeadText(const ChainHead& head) { return std::to_string(head.seq) + ":" + head.hash; }

std::optional<ChainHead> parseChainHead(const std::string& text) {
  auto colon = text.find(':');
  if (colon == std::string::npos || colon == 0 || colon > 18 || colon + 1 == text.size()) return std::nullopt;
  ChainHead h;
  for (std::size_t i = 0; i < colon; ++i) {
    if (text[i] < '0' || text[i] > '9') return std::nullopt;
    h.seq = h.seq * 10 + (text[i] - '0');
  }
  h.hash = text.substr(colon + 1);
  for (char c : h.hash)
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))) return std::nullopt;
  if (h.seq < 1) return std::nullopt;
  return h;
}

std::vector<std::string> hashGroups(const std::string& hash) {
  std::vector<std::string> out;
  for (std::size_t i = 0; i < hash.size(); i += 4) out.push_back(hash.substr(i, 4));
  return out;
}

}  // namespace salon
