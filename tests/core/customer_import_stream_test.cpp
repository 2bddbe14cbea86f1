#include <catch2/catch.hpp>

#include <algorithm>
#include <cstring>

#include "app/core/csv.h"
#include "app/core/customer_import_opening.h"
#include "app/core/customer_import_stream.h"
#include "app/core/error.h"

using namespace salon;

namespace {

// The bytes of a file, handed out `step` bytes at a time (so every boundary
// between two reads falls somewhere new).
class Bytes : public ImportSource {
 public:
  Bytes(std::string b, std::size_t step) : b_(std::move(b)), step_(step) {}
  std::size_t read(char* buf, std::size_t n) override {
    std::size_t k = std::min({n, step_, b_.size() - at_});
    std::memcpy(buf, b_.data() + at_, k);
    at_ += k;
    return k;
  }
  void rewind() override { at_ = 0; }
  std::uint64_t size() const override { return b_.size(); }
  std::string name() const override { return "test.csv"; }

 private:
  std::string b_;
  std::size_t step_, at_ = 0;
};

std::vector<CsvRecord> streamed(const std::string& bytes, std::size_t step, TextEncoding enc = TextEncoding::Utf8) {
  Bytes src(bytes, step);
  CsvRecordStream s(src, enc);
  std::vector<CsvRecord> out;
  for (CsvRecord r; s.next(r);) out.push_back(r);
  return out;
}

}  // namespace

TEST_CASE("streamed CSV reads exactly as the whole-file parser, wherever the blocks end") {
  std::string text = "姓名,手机,备注\r\n王小美,13800138000,\"喜欢安静,不聊天\r\n上次\"\"太烫\"\"\"\r\n\r\n李䶮,+852 9123 4567,\rA,1,2\nB,2,";
  std::vector<CsvRecord> whole = parseCsv(text);
  for (std::size_t step : {1u, 2u, 3u, 7u, 64u, 1u << 20}) {
    std::vector<CsvRecord> got = streamed(text, step);
    REQUIRE(got.size() == whole.size());
    for (std::size_t i = 0; i < got.size(); ++i) {
      CHECK(got[i].line == whole[i].line);
      CHECK(got[i].fields == whole[i].fields);
    }
  }
}

TEST_CASE("a BOM is dropped, GB18030 decodes across block ends, SHA-256 of the bytes") {
  std::string gb = "\xD0\xD5\xC3\xFB,\xCA\xD6\xBB\xFA\r\n\xC0\xEE\xFE\x9F,13800138000\r\n";  // 姓名,手机 / 李䶮
  Bytes src(gb, 3);
  ImportScan scan = scanImport(src);
  CHECK(scan.encoding == TextEncoding::Gb18030);
  CHECK(scan.sha256 == fileSha256(gb));
  CHECK(scan.bytes == gb.size());
  auto rows = streamed(gb, 3, TextEncoding::Gb18030);
  REQUIRE(rows.size() == 2);
  CHECK(rows[1].fields[0] == "李䶮");
  auto bom = streamed("\xEF\xBB\xBFname,phone\n", 2);
  CHECK(bom[0].fields[0] == "name");
  Bytes utf8("name\n李\n", 1);
  CHECK(scanImport(utf8).encoding == TextEncoding::Utf8);
}

TEST_CASE("NUL bytes and bytes of no known encoding are refused at once") {
  Bytes zeros(std::string(1 << 20, '\0'), 1 << 20);
  CHECK_THROWS_WITH(scanImport(zeros), Catch::Contains("encoding_unknown"));
  Bytes latin("caf\xE9,\xFF\xFF\xFF\n", 64);
  CHECK_THROWS_WITH(scanImport(latin), Catch::Contains("encoding_unknown"));
}

TEST_CASE("a row longer than the bound is one too-long record, the rows after it are read") {
  std::string longCell(kMaxImportRowBytes + 10, 'x');
  std::string unbroken(kMaxImportRowBytes * 5, 'y');  // one line, no line end for 320 KiB
  std::string text = "name,phone\n" + longCell + ",1\nok,2\n" + unbroken + "\nlast,3";
  Bytes src(text, 1 << 20);
  CsvRecordStream s(src, TextEncoding::Utf8);
  std::vector<std::pair<int, bool>> seen;
  for (CsvRecord r; s.next(r);) seen.emplace_back(r.line, s.tooLong());
  CHECK(seen == std::vector<std::pair<int, bool>>{{1, false}, {2, true}, {3, false}, {4, true}, {5, false}});
  CHECK(s.sha256() == fileSha256(text));
}

TEST_CASE("an unterminated quote is refused with its line") {
  CHECK_THROWS_WITH(streamed("a,b\n1,\"open\n", 2), Catch::Contains("csv_unterminated_quote"));
}
