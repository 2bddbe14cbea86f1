#pragma once
// The audit chain's head: its newest entry's number and hash. What a Z report
// prints, a backup keeps beside it, head office holds and the settings screen
// shows, so a chain rewritten later contradicts paper and copies.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace salon {

struct ChainHead {
  std::int64_t seq = 0;
  std::string hash;
};

// "N:HASH", the form `salon-kiosk verify --expect-head` takes.
std::string chainHeadText(const ChainHead& head);
// The reverse; nullopt unless "N:HASH" with N >= 1 and a hex HASH.
std::optional<ChainHead> parseChainHead(const std::string& text);
// The hash in groups of four for reading out and writing down ("3f2a 9b1c ...").
std::vector<std::string> hashGroups(const std::string& hash);

}  // namespace salon
