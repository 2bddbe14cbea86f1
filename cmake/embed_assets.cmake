# Writes OUT: a table of every asset file under DIR (relative path → bytes).
file(GLOB_RECURSE files RELATIVE ${DIR} ${DIR}/i18n/*.json ${DIR}/layouts/* ${DIR}/demo/* ${DIR}/*.txt)
list(SORT files)
set(body "// Generated from assets/. Do not edit.\n#include <map>\n#include <string>\nnamespace salon::assets {\nconst std::map<std::string, std::string>& embedded() {\n  static const std::map<std::string, std::string> all = {\n")
foreach(f ${files})
  file(READ ${DIR}/${f} hex HEX)
  string(LENGTH "${hex}" n)
  # Hex-escape every byte: safe for any content, including raw-string delimiters.
  string(REGEX REPLACE "([0-9a-f][0-9a-f])" "\\\\x\\1" escaped "${hex}")
  string(APPEND body "    {\"${f}\", std::string(\"${escaped}\", ${n} / 2)},\n")
endforeach()
string(APPEND body "  };\n  return all;\n}\n}  // namespace salon::assets\n")
file(WRITE ${OUT}.tmp "${body}")
file(COPY_FILE ${OUT}.tmp ${OUT} ONLY_IF_DIFFERENT)
