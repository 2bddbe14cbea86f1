#include "app/core/customer_import.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <set>

#include "app/core/error.h"

namespace salon {
namespace {

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

std::string trim(const std::string& s) {
  std::size_t b = s.find_first_not_of(" \t");
  if (b == std::string::npos) return "";
  return s.substr(b, s.find_last_not_of(" \t") - b + 1);
}

bool knownTarget(const std::string& t) { return t == "name" || t == "phone" || findField(t) != nullptr; }

// Female/male as spreadsheets write them.
std::string genderOf(const std::string& v) {
  std::string l = lower(trim(v));
  if (l == "女" || l == "f" || l == "female" || l == "女士") return "female";
  if (l == "男" || l == "m" || l == "male" || l == "先生") return "male";
  if (l == "其他" || l == "other") return "other";
  return v;  // checkField refuses it with choice_invalid
}

// 1990/5/1 and 1990.05.01 are how spreadsheets write dates; the rest is checked.
std::string dateOf(const std::string& v) {
  std::string t = trim(v);
  int y = 0, m = 0, d = 0;
  char a = 0, b = 0;
  if (std::sscanf(t.c_str(), "%d%c%d%c%d", &y, &a, &m, &b, &d) == 5 && a == b && (a == '/' || a == '.' || a == '-')) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
    return buf;
  }
  return t;
}

}  // namespace

std::string importTargetOf(const std::string& header) {
  static const std::map<std::string, std::string> kAliases = {
      {"姓名", "name"},        {"名字", "name"},       {"客户姓名", "name"},  {"顾客姓名", "name"},
      {"name", "name"},        {"手机", "phone"},      {"手机号", "phone"},   {"手机号码", "phone"},
      {"电话", "phone"},       {"联系电话", "phone"},  {"phone", "phone"},    {"mobile", "phone"},
      {"tel", "phone"},        {"性别", "gender"},     {"gender", "gender"},  {"sex", "gender"},
      {"生日", "birthday"},    {"出生日期", "birthday"}, {"birthday", "birthday"}, {"date of birth", "birthday"},
      {"地址", "address"},     {"住址", "address"},    {"address", "address"}, {"职业", "occupation"},
      {"occupation", "occupation"}, {"备注", "notes"}, {"notes", "notes"},     {"note", "notes"},
      {"肤质", "skin_type"},   {"过敏史", "allergies"},
  };
  std::string h = lower(trim(header));
  auto it = kAliases.find(h);
  if (it != kAliases.end()) return it->second;
  return findField(h) ? h : "";
}

std::map<std::string, std::string> parseImportMap(const std::string& text) {
  std::map<std::string, std::string> out;
  if (trim(text).empty()) return out;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t comma = text.find(',', start);
    std::string pair = text.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
    std::size_t eq = pair.find('=');
    if (eq == std::string::npos) throw DomainError("import_map_invalid", pair);
    std::string header = trim(pair.substr(0, eq)), target = lower(trim(pair.substr(eq + 1)));
    if (header.empty()) throw DomainError("import_map_invalid", pair);
    if (!knownTarget(target)) throw DomainError("import_map_unknown", target);
    out[header] = target;
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  return out;
}

ImportPlan planImport(CustomerFiles& files, CustomerFileStore& store, const Staff& who, const std::string& bytes,
                      const std::map<std::string, std::string>& map, Instant at) {
  ImportPlan plan;
  std::vector<CsvRecord> records = parseCsv(decodeText(bytes, plan.encoding));
  if (records.empty()) throw DomainError("import_empty", "");
  const CsvRecord& header = records.front();
  std::set<std::string> mappedHeaders;
  for (const std::string& h : header.fields) {
    auto m = map.find(trim(h));
    plan.columns.push_back(m != map.end() ? m->second : importTargetOf(h));
    if (m != map.end()) mappedHeaders.insert(m->first);
  }
  for (const auto& [h, target] : map)
    if (!mappedHeaders.count(h)) throw DomainError("import_column_missing", h);
  for (const char* needed : {"name", "phone"})
    if (std::find(plan.columns.begin(), plan.columns.end(), needed) == plan.columns.end())
      throw DomainError("import_column_missing", needed);

  std::map<std::string, int> phonesInFile;
  for (std::size_t r = 1; r < records.size(); ++r) {
    const CsvRecord& rec = records[r];
    try {
      if (rec.fields.size() != header.fields.size())
        throw DomainError("import_column_count", std::to_string(rec.fields.size()) + " / " +
                                                     std::to_string(header.fields.size()));
      Registration reg;
      reg.consentGiven = true;
      for (std::size_t c = 0; c < rec.fields.size(); ++c) {
        const std::string& target = plan.columns[c];
        const std::string& v = rec.fields[c];
        if (target.empty()) continue;
        if (target == "name") reg.name = v;
        else if (target == "phone") reg.phone = v;
        else if (!trim(v).empty())
          reg.fields[target] = FieldValue::of(target == "gender" ? genderOf(v) : target == "birthday" ? dateOf(v) : v);
      }
      NewCustomerFile f = files.prepare(who, reg, at);
      auto dup = phonesInFile.find(f.phone.normalised);
      if (dup != phonesInFile.end()) throw DomainError("phone_duplicate_in_file", "line " + std::to_string(dup->second));
      if (auto existing = store.byPhone(f.phone.normalised)) throw DomainError("phone_in_use", existing->fileNo);
      phonesInFile[f.phone.normalised] = rec.line;
      plan.good.push_back(std::move(f));
      plan.goodLines.push_back(rec.line);
    } catch (const DomainError& e) {
      plan.bad.push_back({rec.line, e.code(), e.detail()});
    }
  }
  return plan;
}

}  // namespace salon
