#pragma once
// Import files read in blocks, never whole: memory stays bounded whatever the
// input. A file is read once to learn its encoding and SHA-256, again to check
// every row (the preview), and a third time inside the write transaction, where
// a file that changed since it was checked is refused. The bytes come from an
// ImportSource (storage opens files; core does no I/O).
#include <cstdint>
#include <deque>
#include <functional>
#include <string>
#include <utility>

#include <sodium.h>

#include "app/core/csv.h"
#include "app/core/text_encoding.h"

namespace salon {

// Bounds of one import: a larger file is refused before it is read
// (import_too_large), a longer row is a bad row (row_too_long), more rows than
// this is refused (import_too_many_rows).
constexpr std::uint64_t kMaxImportBytes = 128ull << 20;
constexpr std::size_t kMaxImportRowBytes = 64u << 10;
constexpr std::size_t kMaxImportRows = 1000000;
// Bad rows kept with their detail; the rest are counted.
constexpr std::size_t kMaxReportedProblems = 1000;

class ImportSource {
 public:
  virtual ~ImportSource() = default;
  // Up to `n` bytes; 0 at the end. DomainError import_too_large past kMaxImportBytes.
  virtual std::size_t read(char* buf, std::size_t n) = 0;
  // Back to the first byte (the next pass).
  virtual void rewind() = 0;
  virtual std::uint64_t size() const = 0;
  virtual std::string name() const = 0;
};

// What an import is doing, for a progress bar: phase "read", "check" or "write",
// bytes of the file done and in all.
using ImportProgress = std::function<void(const std::string& phase, std::uint64_t done, std::uint64_t total)>;

struct ImportScan {
  TextEncoding encoding = TextEncoding::Utf8;
  std::string sha256;  // hex
  std::uint64_t bytes = 0;
};

// Reads the whole source once: UTF-8 (BOM or not) or else strict GB18030.
// DomainError encoding_unknown (NUL bytes, neither encoding), import_too_large.
ImportScan scanImport(ImportSource& src, const ImportProgress& progress = {});

// The CSV records of a source in the scanned encoding, one at a time, with the
// line each starts on. A record longer than kMaxImportRowBytes comes back with
// tooLong() set and no fields. DomainError csv_unterminated_quote at the end.
class CsvRecordStream {
 public:
  CsvRecordStream(ImportSource& src, TextEncoding enc);
  bool next(CsvRecord& out);
  // The record just returned was longer than kMaxImportRowBytes.
  bool tooLong() const { return lastTooLong_; }
  std::uint64_t bytesRead() const { return bytes_; }
  // Hex SHA-256 of every byte read so far (the whole file once next() is false).
  std::string sha256() const;

 private:
  void refill();
  void finish();
  std::string decode(const std::string& chunk);
  void feed(const std::string& text);
  void endRecord();
  void addChar(char c, bool separator = false);

  ImportSource& src_;
  TextEncoding enc_;
  std::string raw_, field_;
  std::deque<std::pair<CsvRecord, bool>> ready_;
  CsvRecord rec_;
  std::uint64_t bytes_ = 0;
  std::size_t recBytes_ = 0;
  int line_ = 1, quoteLine_ = 0;
  bool eof_ = false, quoted_ = false, any_ = false, tooLong_ = false, skipping_ = false, lastTooLong_ = false,
       afterCr_ = false, first_ = true;
  crypto_hash_sha256_state sha_{};
};

}  // namespace salon
