#include "app/core/customer_import_stream.h"

#include <unicode/ucnv.h>
#include <unicode/ucnv_err.h>
#include <unicode/ustring.h>

#include <cstring>
#include <memory>
#include <vector>

#include "app/core/error.h"

namespace salon {
namespace {

constexpr std::size_t kBlock = 256u << 10;

struct ConverterCloser {
  void operator()(UConverter* c) const { ucnv_close(c); }
};
using Converter = std::unique_ptr<UConverter, ConverterCloser>;

Converter strict(const char* name) {
  UErrorCode err = U_ZERO_ERROR;
  Converter c(ucnv_open(name, &err));
  if (U_FAILURE(err)) throw DomainError("encoding_unknown", std::string(name) + " converter missing");
  ucnv_setToUCallBack(c.get(), UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &err);
  return c;
}

// Whether a stream of bytes decodes strictly in one encoding, fed block by block
// (a character split between two blocks is carried by the converter).
struct StrictCheck {
  Converter c;
  bool ok = true;
  explicit StrictCheck(const char* name) : c(strict(name)) {}
  void feed(const char* p, std::size_t n, bool flush) {
    if (!ok) return;
    const char* end = p + n;
    UChar buf[4096];
    UErrorCode err = U_ZERO_ERROR;
    do {
      err = U_ZERO_ERROR;
      UChar* t = buf;
      ucnv_toUnicode(c.get(), &t, buf + 4096, &p, end, nullptr, flush, &err);
    } while (err == U_BUFFER_OVERFLOW_ERROR);
    if (U_FAILURE(err)) ok = false;
  }
};

std::string hexOf(crypto_hash_sha256_state state) {
  unsigned char out[crypto_hash_sha256_BYTES];
  crypto_hash_sha256_final(&state, out);
  char hex[crypto_hash_sha256_BYTES * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, out, sizeof out);
  return hex;
}

}  // namespace

ImportScan scanImport(ImportSource& src, const ImportProgress& progress) {
  src.rewind();
  crypto_hash_sha256_state sha;
  crypto_hash_sha256_init(&sha);
  StrictCheck utf8("UTF-8"), gb("GB18030");
  std::vector<char> buf(kBlock);
  ImportScan scan;
  for (std::size_t n; (n = src.read(buf.data(), buf.size())) > 0;) {
    // A CSV never holds a NUL: UTF-16, a binary file or /dev/zero ends here.
    if (std::memchr(buf.data(), 0, n)) throw DomainError("encoding_unknown", "NUL bytes (UTF-16 or binary?)");
    crypto_hash_sha256_update(&sha, reinterpret_cast<const unsigned char*>(buf.data()), n);
    utf8.feed(buf.data(), n, false);
    gb.feed(buf.data(), n, false);
    if (!utf8.ok && !gb.ok) throw DomainError("encoding_unknown", "neither UTF-8 nor GB18030");
    scan.bytes += n;
    if (progress) progress("read", scan.bytes, src.size());
  }
  utf8.feed(nullptr, 0, true);
  gb.feed(nullptr, 0, true);
  if (!utf8.ok && !gb.ok) throw DomainError("encoding_unknown", "neither UTF-8 nor GB18030");
  scan.encoding = utf8.ok ? TextEncoding::Utf8 : TextEncoding::Gb18030;
  scan.sha256 = hexOf(sha);
  src.rewind();
  return scan;
}

CsvRecordStream::CsvRecordStream(ImportSource& src, TextEncoding enc) : src_(src), enc_(enc) {
  src_.rewind();
  crypto_hash_sha256_init(&sha_);
  rec_.line = 1;
}

std::string CsvRecordStream::sha256() const { return hexOf(sha_); }

bool CsvRecordStream::next(CsvRecord& out) {
  while (ready_.empty() && !eof_) refill();
  if (ready_.empty()) return false;
  out = std::move(ready_.front().first);
  lastTooLong_ = ready_.front().second;
  ready_.pop_front();
  return true;
}

// One block more; the text up to its last line end is decoded and parsed (no
// byte of a multi-byte character is CR or LF, in UTF-8 as in GB18030).
void CsvRecordStream::refill() {
  std::string block(kBlock, '\0');
  std::size_t n = src_.read(block.data(), block.size());
  if (n == 0) return finish();
  block.resize(n);
  bytes_ += n;
  crypto_hash_sha256_update(&sha_, reinterpret_cast<const unsigned char*>(block.data()), n);
  if (skipping_) {  // inside a line too long to keep: drop it up to its end
    std::size_t end = block.find_first_of("\r\n");
    if (end == std::string::npos) return;
    block.erase(0, end);
    skipping_ = false;
    quoted_ = false;
  }
  raw_ += block;
  std::size_t cut = raw_.find_last_of("\r\n");
  if (cut == std::string::npos) {
    if (raw_.size() > kMaxImportRowBytes) {
      tooLong_ = skipping_ = true;
      raw_.clear();
      field_.clear();
      rec_.fields.clear();
    }
    return;
  }
  std::string chunk = raw_.substr(0, cut + 1);
  raw_.erase(0, cut + 1);
  feed(decode(chunk));
}

void CsvRecordStream::finish() {
  eof_ = true;
  if (!skipping_) feed(decode(raw_));
  raw_.clear();
  if (quoted_ && !skipping_) throw DomainError("csv_unterminated_quote", "line " + std::to_string(quoteLine_));
  if (!field_.empty() || !rec_.fields.empty() || any_ || tooLong_) endRecord();
}

std::string CsvRecordStream::decode(const std::string& chunk) {
  bool first = first_;
  first_ = false;
  if (enc_ == TextEncoding::Utf8)
    return first && chunk.rfind("\xEF\xBB\xBF", 0) == 0 ? chunk.substr(3) : chunk;
  if (chunk.empty()) return chunk;
  Converter c = strict("GB18030");
  UErrorCode err = U_ZERO_ERROR;
  std::vector<UChar> u16(chunk.size() + 16);
  int32_t n = ucnv_toUChars(c.get(), u16.data(), static_cast<int32_t>(u16.size()), chunk.data(),
                            static_cast<int32_t>(chunk.size()), &err);
  std::string out(static_cast<std::size_t>(n) * 3 + 16, '\0');
  int32_t m = 0;
  if (U_SUCCESS(err)) u_strToUTF8(out.data(), static_cast<int32_t>(out.size()), &m, u16.data(), n, &err);
  // The check pass read this file as GB18030: it changed since.
  if (U_FAILURE(err)) throw DomainError("import_file_changed", src_.name());
  out.resize(static_cast<std::size_t>(m));
  return out;
}

void CsvRecordStream::addChar(char c, bool separator) {
  if (tooLong_) return;
  if (++recBytes_ > kMaxImportRowBytes) {
    tooLong_ = true;
    field_.clear();
    rec_.fields.clear();
    return;
  }
  if (separator) {
    rec_.fields.push_back(std::move(field_));
    field_.clear();
  } else {
    field_ += c;
  }
}

void CsvRecordStream::endRecord() {
  if (!tooLong_) rec_.fields.push_back(std::move(field_));
  field_.clear();
  bool blank = !tooLong_ && rec_.fields.size() == 1 && rec_.fields[0].empty() && !any_;
  if (tooLong_) rec_.fields.clear();
  if (!blank) ready_.emplace_back(std::move(rec_), tooLong_);
  rec_ = CsvRecord{};
  any_ = tooLong_ = false;
  recBytes_ = 0;
}

// RFC 4180 as parseCsv reads it: quotes, doubled quotes, line breaks inside
// quotes, CRLF, LF or CR; the state carries from one chunk to the next.
void CsvRecordStream::feed(const std::string& s) {
  for (std::size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    bool crBefore = afterCr_;
    afterCr_ = false;
    if (quoted_) {
      if (c == '"' && i + 1 < s.size() && s[i + 1] == '"') {
        addChar('"');
        ++i;
      } else if (c == '"') {
        quoted_ = false;
      } else {
        if (c == '\n') ++line_;
        addChar(c);
      }
      continue;
    }
    if (c == '\n' && crBefore) continue;  // the LF of a CRLF
    if (c == '"') {
      quoted_ = any_ = true;
      quoteLine_ = line_;
    } else if (c == ',') {
      addChar(c, true);
      any_ = true;
    } else if (c == '\n' || c == '\r') {
      endRecord();
      afterCr_ = c == '\r';
      rec_.line = ++line_;
    } else {
      addChar(c);
    }
  }
}

}  // namespace salon
