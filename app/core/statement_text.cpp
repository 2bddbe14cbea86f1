#include "app/core/statement_text.h"

#include <unicode/ucnv.h>
#include <unicode/ucnv_err.h>

#include <algorithm>
#include <memory>

#include "app/core/error.h"

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

// The text's lines one by one, without their CR, with where each begins.
struct LineCursor {
  const std::string& text;
  std::size_t pos = 0;
  int line = 0;
  std::size_t begin = 0;
  bool next(std::string& out) {
    if (pos >= text.size()) return false;
    begin = pos;
    std::size_t nl = text.find('\n', pos);
    std::size_t stop = nl == std::string::npos ? text.size() : nl;
    out.assign(text, pos, stop - pos);
    if (!out.empty() && out.back() == '\r') out.pop_back();
    pos = nl == std::string::npos ? text.size() : nl + 1;
    ++line;
    return true;
  }
};

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

// UTF-8 as the statement readers take it, checked without decoding it.
bool validUtf8(const std::string& s) {
  static const std::uint32_t kLeast[5] = {0, 0, 0x80, 0x800, 0x10000};
  for (std::size_t i = 0; i < s.size();) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      ++i;
      continue;
    }
    int len = (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : (c & 0xF8) == 0xF0 ? 4 : 0;
    if (len == 0 || i + static_cast<std::size_t>(len) > s.size()) return false;
    std::uint32_t cp = c & (0x7F >> len);
    for (int k = 1; k < len; ++k) {
      unsigned char d = static_cast<unsigned char>(s[i + static_cast<std::size_t>(k)]);
      if ((d & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (d & 0x3F);
    }
    if (cp < kLeast[len] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
    i += static_cast<std::size_t>(len);
  }
  return true;
}

struct ConverterCloser {
  void operator()(UConverter* c) const { ucnv_close(c); }
};
using Converter = std::unique_ptr<UConverter, ConverterCloser>;

// GBK/GB18030 to UTF-8 through a small pivot, strictly (a byte that is not
// GB18030 stops it), so a big file costs its text once, not four times.
std::string fromGb18030(const std::string& bytes) {
  UErrorCode err = U_ZERO_ERROR;
  Converter gb(ucnv_open("GB18030", &err)), utf8(ucnv_open("UTF-8", &err));
  if (U_FAILURE(err)) throw DomainError("encoding_unknown", "GB18030 converter missing");
  ucnv_setToUCallBack(gb.get(), UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &err);
  std::string out;
  out.reserve(bytes.size() + bytes.size() / 2);
  const char* src = bytes.data();
  UChar pivot[4096];
  UChar *pivotSource = pivot, *pivotTarget = pivot;
  char buf[65536];
  bool reset = true;
  do {
    char* target = buf;
    err = U_ZERO_ERROR;
    ucnv_convertEx(utf8.get(), gb.get(), &target, buf + sizeof buf, &src, bytes.data() + bytes.size(), pivot, &pivotSource,
                   &pivotTarget, pivot + 4096, reset, true, &err);
    reset = false;
    out.append(buf, static_cast<std::size_t>(target - buf));
  } while (err == U_BUFFER_OVERFLOW_ERROR);
  if (U_FAILURE(err)) throw DomainError("encoding_unknown", "neither UTF-8 nor GB18030");
  return out;
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

std::string textOf(std::string bytes) {
  if (bytes.rfind("\xEF\xBB\xBF", 0) == 0) bytes.erase(0, 3);
  if (bytes.find('\0') != std::string::npos) throw DomainError("encoding_unknown", "NUL bytes (UTF-16?)");
  if (validUtf8(bytes)) return bytes;  // moved out: a big UTF-8 file is never copied
  return fromGb18030(bytes);
}

bool blank(const CsvRecord& r) {
  for (const auto& f : r.fields)
    if (!clean(f).empty()) return false;
  return true;
}

Columns::Columns(const CsvRecord& header, std::string format)
    : size_(header.fields.size()), format_(statement::at(header.line) + ": " + std::move(format)) {
  for (std::size_t i = 0; i < header.fields.size(); ++i) index_[clean(header.fields[i])] = i;
}

std::size_t Columns::at(const std::string& name) const {
  auto it = index_.find(name);
  if (it == index_.end()) throw DomainError("statement_column_missing", format_ + " column row has no " + name);
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

std::vector<CsvRecord> CsvStream::next() {
  std::vector<CsvRecord> out;
  while (out.empty() && pos_ < end_) {
    // About 4,096 lines, cut only where no quoted value is open.
    std::size_t cut = pos_;
    int lines = 0;
    bool quoted = false;
    while (cut < end_ && (lines < 4096 || quoted)) {
      char ch = text_[cut++];
      if (ch == '"') quoted = !quoted;
      if (ch == '\n') ++lines;
    }
    for (CsvRecord& r : parseCsv(text_.substr(pos_, cut - pos_))) {
      r.line += line_ - 1;
      if (!blank(r)) out.push_back(std::move(r));
    }
    line_ += lines;
    pos_ = cut;
  }
  return out;
}

MarkedList readMarkedList(const std::string& text, const std::string& list) {
  MarkedList out;
  LineCursor in{text};
  std::string line;
  auto isMarker = [&](bool end) {
    std::string c = clean(line);
    return c.rfind('#', 0) == 0 && c.find(list) != std::string::npos && (c.find(list + "结束") != std::string::npos) == end;
  };
  bool started = false;
  while (!started && in.next(line)) started = isMarker(false);
  if (!started) throw DomainError("statement_truncated", at(1) + ": no #-----" + list + "----- line");
  out.from = in.pos;
  out.firstLine = in.line + 1;
  bool ended = false;
  while (!ended && in.next(line)) ended = clean(line).rfind('#', 0) == 0;
  if (!ended || !isMarker(true))
    throw DomainError("statement_truncated", at(std::max(in.line, 1)) + ": the list has no #-----" + list +
                                                 "结束----- line after it (the file is cut short)");
  out.to = in.begin;
  while (in.next(line)) {
    std::string name;
    ControlTotal t;
    if (controlTotalOf(line, in.line, name, t)) out.totals[name] = t;
  }
  out.lastLine = in.line;
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
    throw DomainError("statement_truncated", at(list.lastLine) + ": no #" + name + " line (the file is cut short)");
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
