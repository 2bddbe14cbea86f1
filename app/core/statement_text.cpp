#include "app/core/statement_text.h"

#include <algorithm>

#include "app/core/error.h"
#include "app/core/text_encoding.h"

namespace salon::statement {
namespace {

const std::string kFullColon = "\xEF\xBC\x9A";  // ：
const std::string kFullComma = "\xEF\xBC\x8C";  // ，

bool digits(const std::string& s) { return s.find_first_not_of("0123456789") == std::string::npos; }

// Millionths as the file would print them: "9.93", "-0.52800".
std::string yuanOf(std::int64_t micro) {
  std::string sign = micro < 0 ? "-" : "";
  std::uint64_t a = micro < 0 ? static_cast<std::uint64_t>(-(micro + 1)) + 1 : static_cast<std::uint64_t>(micro);
  std::string frac = std::to_string(a % 1'000'000);
  frac.insert(0, 6 - frac.size(), '0');
  while (frac.size() > 2 && frac.back() == '0') frac.pop_back();
  return sign + std::to_string(a / 1'000'000) + "." + frac;
}

// The file's lines without their CR, numbered from 1.
std::vector<std::string> linesOf(const std::string& text) {
  std::vector<std::string> out;
  std::size_t from = 0;
  while (from < text.size()) {
    std::size_t nl = text.find('\n', from);
    std::string line = text.substr(from, nl == std::string::npos ? std::string::npos : nl - from);
    if (!line.empty() && line.back() == '\r') line.pop_back();
    out.push_back(std::move(line));
    if (nl == std::string::npos) break;
    from = nl + 1;
  }
  return out;
}

// Splits on the full-width or the ASCII separator.
std::vector<std::string> splitOn(const std::string& s, const std::string& wide, char narrow) {
  std::vector<std::string> out;
  std::string cur;
  for (std::size_t i = 0; i < s.size();) {
    if (s.compare(i, wide.size(), wide) == 0) {
      out.push_back(cur);
      cur.clear();
      i += wide.size();
    } else if (s[i] == narrow) {
      out.push_back(cur);
      cur.clear();
      ++i;
    } else {
      cur += s[i++];
    }
  }
  out.push_back(cur);
  return out;
}

// "#交易合计：3笔，商家实收共9.93元，商家优惠共0.00元" → name 交易合计 and its figures.
bool controlTotalOf(const std::string& raw, int line, std::string& name, ControlTotal& out) {
  std::string s = clean(raw);
  s.erase(0, s.find_first_not_of('#'));
  auto parts = splitOn(s, kFullColon, ':');
  if (parts.size() < 2 || parts[0].size() < 6 || parts[0].compare(parts[0].size() - 6, 6, "合计") != 0) return false;
  name = parts[0];
  out.line = line;
  std::string rest = s.substr(s.find(parts[1], parts[0].size()));
  for (std::string seg : splitOn(rest, kFullComma, ',')) {
    seg = clean(seg);
    const std::string bi = "笔", gong = "共", yuan = "元";
    if (seg.size() > bi.size() && seg.compare(seg.size() - bi.size(), bi.size(), bi) == 0) {
      std::string n = seg.substr(0, seg.size() - bi.size());
      if (n.empty() || n.size() > 12 || !digits(n)) throw DomainError("statement_amount_invalid", at(line) + ": " + name + ": " + seg);
      out.count = std::stoll(n);
      continue;
    }
    std::size_t g = seg.find(gong);
    bool inYuan = seg.size() > yuan.size() && seg.compare(seg.size() - yuan.size(), yuan.size(), yuan) == 0;
    if (g == std::string::npos || !inYuan) {
      out.whole = false;  // "商家优惠退" or "共0.0": the line stops mid-way
      continue;
    }
    std::string value = seg.substr(g + gong.size(), seg.size() - yuan.size() - g - gong.size());
    if (value.rfind(kFullColon, 0) == 0) value.erase(0, kFullColon.size());
    out.amounts[seg.substr(0, g)] = microOf(value, line, name);
  }
  return true;
}

}  // namespace

std::string at(int line) { return "line " + std::to_string(line); }

std::string clean(std::string v) {
  auto notPad = [](unsigned char c) { return c != ' ' && c != '\t' && c != '\r' && c != '`'; };
  v.erase(v.begin(), std::find_if(v.begin(), v.end(), notPad));
  v.erase(std::find_if(v.rbegin(), v.rend(), notPad).base(), v.end());
  return v;
}

std::int64_t microOf(const std::string& raw, int line, const std::string& column) {
  std::string t;
  for (std::size_t i = 0; i < raw.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(raw[i]);
    if (c == ',' || c == '+' || c == ' ' || c == '\t' || c == '`') continue;
    if (c == 0xC2 && i + 1 < raw.size() && static_cast<unsigned char>(raw[i + 1]) == 0xA5) {  // ¥
      ++i;
      continue;
    }
    t += raw[i];
  }
  if (t.empty()) return 0;
  bool negative = t[0] == '-';
  if (negative) t.erase(0, 1);
  std::size_t dot = t.find('.');
  std::string whole = t.substr(0, dot), frac = dot == std::string::npos ? "" : t.substr(dot + 1);
  if (whole.empty() || !digits(whole) || !digits(frac) || frac.size() > 6 || whole.size() > 12)
    throw DomainError("statement_amount_invalid", at(line) + ": " + column + ": " + raw);
  frac.resize(6, '0');
  std::int64_t micro = std::stoll(whole) * 1'000'000 + std::stoll(frac);
  return negative ? -micro : micro;
}

Money fenOf(std::int64_t micro) {
  std::int64_t a = micro < 0 ? -micro : micro;
  std::int64_t fen = (a + 5'000) / 10'000;
  return Money(micro < 0 ? -fen : fen);
}

Money amountOf(const std::string& raw, int line, const std::string& column) { return fenOf(microOf(raw, line, column)); }

void addTo(std::int64_t& sum, std::int64_t v, int line) {
  if (__builtin_add_overflow(sum, v, &sum)) throw DomainError("statement_amount_invalid", at(line) + ": total too large");
}

Instant timeOf(const std::string& date, const std::string& time, StoreZone zone, int line) {
  std::string d, t;
  for (char c : date) if (c >= '0' && c <= '9') d += c;
  for (char c : time) if (c >= '0' && c <= '9') t += c;
  CivilDate cd;
  if (d.size() != 8 || !parseDate(d.substr(0, 4) + "-" + d.substr(4, 2) + "-" + d.substr(6, 2), cd))
    throw DomainError("statement_date_invalid", at(line) + ": " + date);
  if (t.empty()) t = "000000";
  if (t.size() != 4 && t.size() != 6) throw DomainError("statement_date_invalid", at(line) + ": " + date + " " + time);
  int hh = std::stoi(t.substr(0, 2)), mm = std::stoi(t.substr(2, 2)), ss = t.size() >= 6 ? std::stoi(t.substr(4, 2)) : 0;
  if (hh > 23 || mm > 59 || ss > 59) throw DomainError("statement_date_invalid", at(line) + ": " + date + " " + time);
  return startOfLocalDay(cd, zone) + hh * kHour + mm * kMinute + ss * kSecond;
}

Instant stampOf(const std::string& stamp, StoreZone zone, int line) {
  std::size_t space = stamp.find(' ');
  if (space == std::string::npos) return timeOf(stamp, "", zone, line);
  return timeOf(stamp.substr(0, space), stamp.substr(space + 1), zone, line);
}

std::string textOf(const std::string& bytes) {
  TextEncoding enc;
  std::string text = decodeText(bytes, enc);
  if (text.rfind("\xEF\xBB\xBF", 0) == 0) text.erase(0, 3);
  return text;
}

bool blank(const CsvRecord& r) {
  for (const auto& f : r.fields)
    if (!clean(f).empty()) return false;
  return true;
}

Columns::Columns(const CsvRecord& header, std::string format) : size_(header.fields.size()), format_(std::move(format)) {
  for (std::size_t i = 0; i < header.fields.size(); ++i) index_[clean(header.fields[i])] = i;
}

std::size_t Columns::at(const std::string& name) const {
  auto it = index_.find(name);
  if (it == index_.end()) throw DomainError("statement_column_missing", format_ + ": " + name);
  return it->second;
}

std::string Columns::get(const CsvRecord& r, const std::string& name) const {
  std::size_t i = at(name);
  return i < r.fields.size() ? clean(r.fields[i]) : "";
}

void Columns::requireWhole(const CsvRecord& r) const {
  if (r.fields.size() < size_)
    throw DomainError("statement_truncated", statement::at(r.line) + ": " + std::to_string(r.fields.size()) + " of " +
                                                 std::to_string(size_) + " columns (the row is cut short)");
}

MarkedList readMarkedList(const std::string& text, const std::string& list) {
  auto lines = linesOf(text);
  MarkedList out;
  std::size_t i = 0;
  auto isMarker = [&](const std::string& l, bool end) {
    std::string c = clean(l);
    return c.rfind('#', 0) == 0 && c.find(list) != std::string::npos && (c.find(list + "结束") != std::string::npos) == end;
  };
  while (i < lines.size() && !isMarker(lines[i], false)) ++i;
  if (i == lines.size()) throw DomainError("statement_truncated", at(1) + ": no #-----" + list + "----- line");
  std::size_t first = ++i;
  std::string body;
  while (i < lines.size() && clean(lines[i]).rfind('#', 0) != 0) body += lines[i++] + "\n";
  if (i == lines.size() || !isMarker(lines[i], true))
    throw DomainError("statement_truncated", at(static_cast<int>(std::min(i + 1, lines.size()))) + ": the list has no #-----" +
                                                 list + "结束----- line after it (the file is cut short)");
  for (CsvRecord& r : parseCsv(body)) {
    r.line += static_cast<int>(first);
    if (!blank(r)) out.records.push_back(std::move(r));
  }
  for (++i; i < lines.size(); ++i) {
    std::string name;
    ControlTotal t;
    if (controlTotalOf(lines[i], static_cast<int>(i + 1), name, t)) out.totals[name] = t;
  }
  out.totals[""].line = static_cast<int>(lines.size());  // where the file ends, for a missing total
  return out;
}

void requireAgrees(int line, const std::string& what, std::int64_t stated, std::int64_t counted, bool amount) {
  if (stated == counted) return;
  auto show = [&](std::int64_t v) { return amount ? yuanOf(v) : std::to_string(v); };
  throw DomainError("statement_summary_mismatch",
                    at(line) + ": " + what + " says " + show(stated) + ", the rows add up to " + show(counted));
}

const ControlTotal& requireTotal(const MarkedList& list, const std::string& name) {
  auto it = list.totals.find(name);
  if (it == list.totals.end())
    throw DomainError("statement_truncated", at(list.totals.at("").line) + ": no #" + name + " line (the file is cut short)");
  if (it->second.count < 0 || !it->second.whole)
    throw DomainError("statement_truncated", at(it->second.line) + ": #" + name + " is cut short");
  return it->second;
}

std::int64_t requireAmount(const ControlTotal& t, const std::string& name, std::initializer_list<const char*> labels) {
  for (const char* l : labels)
    if (auto it = t.amounts.find(l); it != t.amounts.end()) return it->second;
  throw DomainError("statement_truncated", at(t.line) + ": #" + name + " lacks " + *labels.begin() + "共…元 (cut short)");
}

}  // namespace salon::statement
