#include "app/core/text_encoding.h"

#include <unicode/ucnv.h>
#include <unicode/ucnv_err.h>

#include <cctype>
#include <memory>
#include <vector>

#include "app/core/error.h"
#include "app/core/text_rules.h"

namespace salon {
namespace {

struct ConverterCloser {
  void operator()(UConverter* c) const { ucnv_close(c); }
};
using Converter = std::unique_ptr<UConverter, ConverterCloser>;

Converter strictGb18030() {
  UErrorCode err = U_ZERO_ERROR;
  Converter c(ucnv_open("GB18030", &err));
  if (U_FAILURE(err)) throw DomainError("encoding_unknown", "GB18030 converter missing");
  ucnv_setToUCallBack(c.get(), UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &err);
  ucnv_setFromUCallBack(c.get(), UCNV_FROM_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &err);
  return c;
}

}  // namespace

std::string decodeText(const std::string& bytes, TextEncoding& detected) {
  if (bytes.find('\0') != std::string::npos) throw DomainError("encoding_unknown", "NUL bytes (UTF-16?)");
  std::string body = bytes.rfind("\xEF\xBB\xBF", 0) == 0 ? bytes.substr(3) : bytes;
  std::vector<char32_t> cps;
  if (decodeUtf8(body, cps)) {
    detected = TextEncoding::Utf8;
    return body;
  }
  Converter c = strictGb18030();
  UErrorCode err = U_ZERO_ERROR;
  std::vector<UChar> u16(bytes.size() * 2 + 16);
  int32_t n = ucnv_toUChars(c.get(), u16.data(), static_cast<int32_t>(u16.size()), bytes.data(),
                            static_cast<int32_t>(bytes.size()), &err);
  if (U_FAILURE(err)) throw DomainError("encoding_unknown", "neither UTF-8 nor GB18030");
  UConverter* utf8 = ucnv_open("UTF-8", &err);
  std::string out(static_cast<std::size_t>(n) * 3 + 16, '\0');
  int32_t m = ucnv_fromUChars(utf8, out.data(), static_cast<int32_t>(out.size()), u16.data(), n, &err);
  ucnv_close(utf8);
  if (U_FAILURE(err)) throw DomainError("encoding_unknown", "neither UTF-8 nor GB18030");
  out.resize(static_cast<std::size_t>(m));
  detected = TextEncoding::Gb18030;
  return out;
}

std::string encodeText(const std::string& utf8, TextEncoding to) {
  if (to == TextEncoding::Utf8) return utf8;
  UErrorCode err = U_ZERO_ERROR;
  std::string out(utf8.size() * 2 + 16, '\0');
  int32_t n = ucnv_convert("GB18030", "UTF-8", out.data(), static_cast<int32_t>(out.size()), utf8.data(),
                           static_cast<int32_t>(utf8.size()), &err);
  if (U_FAILURE(err)) throw DomainError("encoding_unmappable", "GB18030");
  out.resize(static_cast<std::size_t>(n));
  return out;
}

TextEncoding encodingFromName(const std::string& name) {
  std::string n;
  for (char ch : name)
    if (ch != '-' && ch != '_') n += static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  if (n == "utf8") return TextEncoding::Utf8;
  if (n == "gb18030" || n == "gbk" || n == "gb2312") return TextEncoding::Gb18030;
  throw DomainError("encoding_unknown", name);
}

}  // namespace salon
