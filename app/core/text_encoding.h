#pragma once
// The encodings a salon's spreadsheets come in: UTF-8 (with or without a BOM)
// and GB18030 (what Excel on a Chinese Windows saves). Converted with ICU.
#include <string>

namespace salon {

enum class TextEncoding { Utf8, Gb18030 };

// The bytes as UTF-8 and which encoding they were in: UTF-8 when they are valid
// UTF-8, else GB18030 when they decode strictly. DomainError encoding_unknown
// otherwise (UTF-16, binary, Latin-1, ...).
std::string decodeText(const std::string& bytes, TextEncoding& detected);
// UTF-8 to the encoding; DomainError encoding_unmappable if a character has no
// GB18030 form (never, in practice) or the name is unknown.
std::string encodeText(const std::string& utf8, TextEncoding to);
// "utf-8" / "gb18030" (and common spellings); DomainError encoding_unknown.
TextEncoding encodingFromName(const std::string& name);

}  // namespace salon
