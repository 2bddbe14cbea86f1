#pragma once
// Pinyin candidates for a person's name: the engine ranks words by how often they
// appear in text, so "wang" offers 网 before 王 and "yu" offers 与 and 于 before
// 宇 or 钰. For a name field the candidates made only of characters common in
// names (surnames and given names, simplified and traditional) come first, words
// that no one gives a child (亡, 死, 病, …) come last, and the engine's order is
// kept within each group.
#include <string>
#include <vector>

namespace salon {

// How many candidates a keyboard asks the engine for at once: enough for several
// pages of the candidate bar, so 宇 and 钰 are reachable for "yu".
inline constexpr int kPinyinCandidateLimit = 48;

std::vector<std::string> rankForNames(std::vector<std::string> candidates);

// True when every character of `word` is common in Chinese names.
bool isNameLike(const std::string& word);

}  // namespace salon
