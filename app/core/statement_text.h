#pragma once
// What the statement readers share (app/core/statement_*.cpp only): values
// without their padding, amounts as exact decimals, stamps in the store's zone,
// columns by name, and the `#`-marked list of Alipay's downloads.
#include <cstdint>
#include <initializer_list>
#include <map>
#include <string>
#include <vector>

#include "app/core/clock.h"
#include "app/core/csv.h"
#include "app/core/money.h"
#include "app/core/statement.h"

namespace salon::statement {

// "line 12" — every refusal starts with where it is.
std::string at(int line);
// A value without the WeChat backtick and the Alipay tab padding.
std::string clean(std::string v);
// "88.00", "-0.53", "0.52800", "¥1,088.00" → millionths of a yuan, exactly
// (statement_amount_invalid naming the line and column otherwise). "" is 0.
std::int64_t microOf(const std::string& raw, int line, const std::string& column);
// Millionths to fen, half away from zero.
Money fenOf(std::int64_t micro);
Money amountOf(const std::string& raw, int line, const std::string& column);
// sum += v, refusing a total past what 64 bits hold (a crafted file).
void addTo(std::int64_t& sum, std::int64_t v, int line);
// "2026-05-28" + "10:00:00" (or YYYYMMDD + HHMMSS) in the store's zone.
Instant timeOf(const std::string& date, const std::string& time, StoreZone zone, int line);
// "2026-05-28 10:00:00": a date and a time in one value.
Instant stampOf(const std::string& stamp, StoreZone zone, int line);
// The bytes as UTF-8 without a BOM (UTF-8 or GB18030/GBK in); encoding_unknown
// for anything else (UTF-16, binary).
std::string textOf(std::string bytes);
bool blank(const CsvRecord& r);

class Columns {
 public:
  Columns(const CsvRecord& header, std::string format);
  std::size_t at(const std::string& name) const;
  bool has(const std::string& name) const { return index_.count(name) == 1; }
  std::string get(const CsvRecord& r, const std::string& name) const;
  std::size_t size() const { return size_; }
  // statement_truncated when the row has fewer values than the column row.
  void requireWhole(const CsvRecord& r) const;

 private:
  std::map<std::string, std::size_t> index_;
  std::size_t size_ = 0;
  std::string format_;
};

// A `#合计` line: "#交易合计：3笔，商家实收共9.93元，商家优惠共0.00元".
struct ControlTotal {
  int line = 0;
  long long count = -1;                        // the 笔 figure
  bool whole = true;                           // every part "N笔" or "…共X元" (false: the line is cut short)
  std::map<std::string, std::int64_t> amounts;  // by label before 共 ("商家实收", "" for "共201.30元"), millionths
};

// The records of text[from, to) a few thousand lines at a time, numbered as lines
// of the file: a big statement's cells are never all held at once.
class CsvStream {
 public:
  CsvStream(const std::string& text, std::size_t from, std::size_t to, int firstLine)
      : text_(text), pos_(from), end_(to), line_(firstLine) {}
  // The next non-blank records; empty at the end.
  std::vector<CsvRecord> next();

 private:
  const std::string& text_;
  std::size_t pos_, end_;
  int line_;
};

template <class Each>
void eachRecord(CsvStream& in, Each each) {
  for (auto batch = in.next(); !batch.empty(); batch = in.next())
    for (CsvRecord& r : batch) each(r);
}

// An Alipay download: `#` lines, a start marker `#---…<list>---`, the column row
// and the rows, the end marker `#---…<list>结束---`, then `#…合计` lines.
struct MarkedList {
  std::size_t from = 0, to = 0;                    // the column row and the rows, in the text
  int firstLine = 0;                               // the line `from` starts
  int lastLine = 0;                                // where the file ends, for a missing total
  std::map<std::string, ControlTotal> totals;      // by name ("交易合计")
};
// statement_truncated when the end marker is missing (a file cut short).
MarkedList readMarkedList(const std::string& text, const std::string& list);

// statement_summary_mismatch unless `stated` equals `counted`.
void requireAgrees(int line, const std::string& what, std::int64_t stated, std::int64_t counted, bool amount);
// The ControlTotal named `name`, whole and with its count, or statement_truncated.
const ControlTotal& requireTotal(const MarkedList& list, const std::string& name);
// The amount under the first of `labels` the total has, or statement_truncated.
std::int64_t requireAmount(const ControlTotal& t, const std::string& name, std::initializer_list<const char*> labels);

// The readers, on text already decoded (readStatement decodes once).
ChannelStatement wechatBillOf(const std::string& text, StoreZone zone);
ChannelStatement alipayTradeBillOf(const std::string& text, StoreZone zone);
ChannelStatement alipayLedgerOf(const std::string& text, StoreZone zone);
ChannelStatement bankSettlementOf(const std::string& text, StoreZone zone);

}  // namespace salon::statement
