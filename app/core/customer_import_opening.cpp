#include "app/core/customer_import_opening.h"

#include <algorithm>
#include <cstdio>
#include <limits>
#include <set>

#include <sodium.h>

#include "app/core/clock.h"
#include "app/core/error.h"

namespace salon {
namespace {

bool startsWith(const std::string& s, const std::string& p) { return s.compare(0, p.size(), p) == 0; }
bool endsWith(const std::string& s, const std::string& p) {
  return s.size() >= p.size() && s.compare(s.size() - p.size(), p.size(), p) == 0;
}

// A card number as spreadsheets keep leading zeros: 000123, '000123, ="000123".
std::string cardNumberOf(const std::string& cell) {
  std::string v = trimCell(cell);
  if (v.size() > 3 && startsWith(v, "=\"") && endsWith(v, "\"")) v = v.substr(2, v.size() - 3);
  if (!v.empty() && (v[0] == '\'' || v[0] == '=')) v = v.substr(1);  // ="0099" once the CSV quotes are gone
  v = trimCell(v);
  for (char c : v) {
    bool ok = (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '-' || c == '_';
    if (!ok) throw DomainError("member_no_invalid", v);
  }
  if (v.size() > 32) throw DomainError("member_no_invalid", v);
  return v;
}

// 2019-03-01, 2019/3/1, 2019.3.1, 20190301, or a date and time (the time dropped).
std::string importDate(const std::string& cell) {
  std::string t = trimCell(cell);
  if (t.empty()) return "";
  std::size_t space = t.find(' ');
  if (space != std::string::npos) t = t.substr(0, space);
  int y = 0, m = 0, d = 0;
  char a = 0, b = 0;
  char buf[16] = "";
  if (t.size() == 8 && t.find_first_not_of("0123456789") == std::string::npos) {
    std::snprintf(buf, sizeof buf, "%s-%s-%s", t.substr(0, 4).c_str(), t.substr(4, 2).c_str(), t.substr(6, 2).c_str());
  } else if (std::sscanf(t.c_str(), "%d%c%d%c%d", &y, &a, &m, &b, &d) == 5 && a == b &&
             (a == '/' || a == '.' || a == '-')) {
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
  }
  CivilDate date;
  if (!buf[0] || !parseDate(buf, date)) throw DomainError("date_invalid", t);
  return buf;
}

Money amountOf(const std::string& cell) {
  Money m;
  std::string problem;
  if (!parseImportAmount(cell, m, problem)) throw DomainError(problem, trimCell(cell));
  return m;
}

std::int64_t pointsOf(const std::string& cell) {
  std::string v;
  for (char c : trimCell(cell))
    if (c != ',') v += c;
  if (v.empty()) return 0;
  if (v.size() > 15 || v.find_first_not_of("0123456789") != std::string::npos) throw DomainError("points_invalid", trimCell(cell));
  return std::stoll(v);
}

// Digits grouped by threes after the first group: 1,280 and 12,345,678.
bool commasInPlace(const std::string& whole) {
  std::size_t comma = whole.find(',');
  if (comma == std::string::npos) return true;
  if (comma == 0 || comma > 3) return false;
  for (std::size_t i = comma; i < whole.size(); i += 4)
    if (whole[i] != ',' || whole.size() - i < 4 || whole.substr(i + 1, 3).find(',') != std::string::npos) return false;
  return (whole.size() - comma) % 4 == 0;
}

}  // namespace

bool MemberOpening::member() const { return !memberNo.empty() || !tier.empty() || hasBalances(); }

bool MemberOpening::hasBalances() const {
  return svPrincipal.fen != 0 || svBonus.fen != 0 || arrears.fen != 0 || points != 0;
}

void ImportTotals::add(const MemberOpening& o) {
  if (!o.member()) return;
  ++members;
  storedValue += o.svPrincipal;
  storedValueBonus += o.svBonus;
  arrears += o.arrears;
  points += o.points;
  if (!o.tier.empty()) ++tiers[o.tier];
}

bool isOpeningTarget(const std::string& t) {
  static const std::set<std::string> kTargets = {"member_no", "tier",   "stored_value", "stored_value_bonus",
                                                 "points",    "member_since", "last_visit", "arrears"};
  return kTargets.count(t) == 1;
}

void readOpeningCell(const std::string& target, const std::string& cell, MemberOpening& o) {
  if (target == "member_no") o.memberNo = cardNumberOf(cell);
  else if (target == "tier") o.tier = trimCell(cell);
  else if (target == "stored_value") o.svPrincipal = amountOf(cell);
  else if (target == "stored_value_bonus") o.svBonus = amountOf(cell);
  else if (target == "arrears") o.arrears = amountOf(cell);
  else if (target == "points") o.points = pointsOf(cell);
  else if (target == "member_since") o.memberSince = importDate(cell);
  else if (target == "last_visit") o.lastVisit = importDate(cell);
}

bool parseImportAmount(const std::string& text, Money& out, std::string& problem) {
  std::string v = trimCell(text);
  problem = "amount_invalid";
  for (const char* sign : {"\xC2\xA5", "\xEF\xBF\xA5", "RMB", "CNY"})  // ¥ ￥
    if (startsWith(v, sign)) v = trimCell(v.substr(std::string(sign).size()));
  if (endsWith(v, "\xE5\x85\x83")) v = trimCell(v.substr(0, v.size() - 3));  // 元
  if (v.empty()) {
    out = Money();
    return true;
  }
  if (v[0] == '-' || (v[0] == '(' && v.back() == ')')) {
    problem = "amount_negative";
    return false;
  }
  std::size_t dot = v.find('.');
  std::string whole = v.substr(0, dot);
  if (!commasInPlace(whole)) return false;
  whole.erase(std::remove(whole.begin(), whole.end(), ','), whole.end());
  std::string plain = whole + (dot == std::string::npos ? "" : v.substr(dot));
  if (plain.empty() || plain[0] == '+') return false;
  return parseYuan(plain, out);  // refuses letters and a third decimal
}

std::map<std::string, std::string> parsePairs(const std::string& text) {
  std::map<std::string, std::string> out;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t comma = text.find(',', start);
    std::string pair = text.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
    std::size_t eq = pair.find('=');
    if (eq == std::string::npos || trimCell(pair.substr(0, eq)).empty() || trimCell(pair.substr(eq + 1)).empty())
      throw DomainError("import_map_invalid", pair);
    out[trimCell(pair.substr(0, eq))] = trimCell(pair.substr(eq + 1));
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  return out;
}

TierResolution resolveTiers(const std::vector<std::string>& namesInFile, const std::vector<MemberTier>& storeTiers,
                            const std::map<std::string, std::string>& tierMap, bool createTiers) {
  TierResolution r;
  std::vector<std::string> unknown;
  int rank = 0;
  for (const MemberTier& t : storeTiers) rank = std::max(rank, t.rank + 1);
  for (const std::string& name : namesInFile) {
    if (r.codeOf.count(name)) continue;
    auto mapped = tierMap.find(name);
    std::string wanted = mapped != tierMap.end() ? mapped->second : name;
    const MemberTier* found = nullptr;
    for (const MemberTier& t : storeTiers)
      if (t.code == wanted || t.name == wanted) found = &t;
    if (found) {
      r.codeOf[name] = found->code;
    } else if (mapped != tierMap.end()) {
      throw DomainError("import_map_unknown", name + "=" + mapped->second);
    } else if (createTiers) {
      // No discount and a threshold no one reaches by spending: the manager sets
      // them in settings; until then the tier only holds the members imported.
      MemberTier t;
      t.code = name;
      t.name = name;
      t.rank = rank++;
      t.minSpend12m = Money(std::numeric_limits<std::int64_t>::max() / 4);
      r.toCreate.push_back(t);
      r.codeOf[name] = name;
    } else {
      unknown.push_back(name);
    }
  }
  if (!unknown.empty()) {
    std::string list;
    for (const std::string& n : unknown) list += (list.empty() ? "" : ", ") + n;
    throw DomainError("import_tiers_unknown", list + " (--create-tiers or --map-tiers)");
  }
  return r;
}

std::string fileSha256(const std::string& bytes) {
  unsigned char out[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(out, reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
  char hex[crypto_hash_sha256_BYTES * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, out, sizeof out);
  return hex;
}

std::string trimCell(const std::string& s) {
  std::size_t b = s.find_first_not_of(" \t\r\n");
  if (b == std::string::npos) return "";
  return s.substr(b, s.find_last_not_of(" \t\r\n") - b + 1);
}

}  // namespace salon
