#include "app/core/customer_import.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <set>
#include <unordered_map>

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

bool knownTarget(const std::string& t) {
  return t == "name" || t == "phone" || isOpeningTarget(t) || findField(t) != nullptr;
}

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
      // The member columns as Chinese salon software exports them.
      {"会员卡号", "member_no"}, {"卡号", "member_no"}, {"会员号", "member_no"}, {"会员编号", "member_no"},
      {"member_no", "member_no"}, {"card_no", "member_no"}, {"会员等级", "tier"}, {"等级", "tier"},
      {"会员级别", "tier"},     {"卡类型", "tier"},     {"tier", "tier"},      {"储值余额", "stored_value"},
      {"余额", "stored_value"}, {"卡内余额", "stored_value"}, {"本金余额", "stored_value"},
      {"stored_value", "stored_value"}, {"赠送余额", "stored_value_bonus"}, {"赠金", "stored_value_bonus"},
      {"赠金余额", "stored_value_bonus"}, {"stored_value_bonus", "stored_value_bonus"}, {"积分", "points"},
      {"可用积分", "points"},   {"剩余积分", "points"}, {"points", "points"},  {"开卡日期", "member_since"},
      {"入会日期", "member_since"}, {"开卡时间", "member_since"}, {"member_since", "member_since"},
      {"最后到店", "last_visit"}, {"最近消费", "last_visit"}, {"最后消费", "last_visit"},
      {"最近到店", "last_visit"}, {"last_visit", "last_visit"}, {"欠款", "arrears"}, {"欠款金额", "arrears"},
      {"arrears", "arrears"},
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

namespace {

// The header's targets; DomainError import_column_missing.
void planColumns(ImportPlan& plan, const CsvRecord& header, const std::map<std::string, std::string>& map) {
  std::set<std::string> mappedHeaders;
  for (const std::string& h : header.fields) {
    auto m = map.find(trim(h));
    plan.columns.push_back(m != map.end() ? m->second : importTargetOf(h));
    if (m != map.end()) mappedHeaders.insert(m->first);
    const std::string& t = plan.columns.back();
    if (isOpeningTarget(t) && t != "member_no" && t != "member_since" && t != "last_visit") plan.membership = true;
  }
  for (const auto& [h, target] : map)
    if (!mappedHeaders.count(h)) throw DomainError("import_column_missing", h);
  for (const char* needed : {"name", "phone"})
    if (std::find(plan.columns.begin(), plan.columns.end(), needed) == plan.columns.end())
      throw DomainError("import_column_missing", needed);
}

// One row as a registration and its member opening.
Registration readRow(const ImportPlan& plan, const CsvRecord& rec, std::size_t width, MemberOpening& opening) {
  if (rec.fields.size() != width)
    throw DomainError("import_column_count", std::to_string(rec.fields.size()) + " / " + std::to_string(width));
  Registration reg;
  reg.consentGiven = true;
  for (std::size_t c = 0; c < rec.fields.size(); ++c) {
    const std::string& target = plan.columns[c];
    const std::string v = csvCellText(rec.fields[c]);
    if (target.empty()) continue;
    if (target == "name") reg.name = v;
    else if (target == "phone") reg.phone = v;
    else if (isOpeningTarget(target)) readOpeningCell(target, v, opening);
    else if (trim(v) == "[declined]")  // as the export writes a declined field
      reg.fields[target] = FieldValue::declined();
    else if (!trim(v).empty())
      reg.fields[target] = FieldValue::of(target == "gender" ? genderOf(v) : target == "birthday" ? dateOf(v) : v);
  }
  return reg;
}

}  // namespace

namespace {

// What makes a checked row good beyond itself: unique in the file and new to the store.
struct RowUniqueness {
  CustomerFileStore& store;
  const MemberNoOwner& memberNoOwner;
  std::unordered_map<std::string, int> phones, cards;

  void check(const MemberRow& row) {
    auto dup = phones.find(row.file.phone.normalised);
    if (dup != phones.end()) throw DomainError("phone_duplicate_in_file", "line " + std::to_string(dup->second));
    if (auto existing = store.byPhone(row.file.phone.normalised)) throw DomainError("phone_in_use", existing->fileNo);
    const std::string& no = row.opening.memberNo;
    if (!no.empty()) {
      auto card = cards.find(no);
      if (card != cards.end()) throw DomainError("member_no_duplicate_in_file", "line " + std::to_string(card->second));
      if (memberNoOwner)
        if (auto owner = memberNoOwner(no)) throw DomainError("member_no_in_use", *owner);
      cards[no] = row.line;
    }
    phones[row.file.phone.normalised] = row.line;
  }
};

void addBad(ImportPlan& plan, int line, const std::string& code, const std::string& detail) {
  if (plan.bad.size() < kMaxReportedProblems) plan.bad.push_back({line, code, detail});
  ++plan.badRows;
  plan.badLines.push_back(line);
}

void addGood(ImportPlan& plan, const MemberOpening& o) {
  plan.totals.add(o);
  ++plan.good;
  if (!o.tier.empty() && std::find(plan.tiers.begin(), plan.tiers.end(), o.tier) == plan.tiers.end())
    plan.tiers.push_back(o.tier);
}

}  // namespace

ImportPlan planImport(CustomerFiles& files, CustomerFileStore& store, const Staff& who, ImportSource& src,
                      const std::map<std::string, std::string>& map, Instant at, const MemberNoOwner& memberNoOwner,
                      const ImportProgress& progress) {
  ImportScan scan = scanImport(src, progress);
  ImportPlan plan;
  plan.encoding = scan.encoding;
  plan.sha256 = scan.sha256;
  plan.bytes = scan.bytes;
  CsvRecordStream stream(src, scan.encoding);
  CsvRecord header, rec;
  if (!stream.next(header)) throw DomainError("import_empty", "");
  if (stream.tooLong()) throw DomainError("import_column_missing", "name");
  planColumns(plan, header, map);
  RowUniqueness unique{store, memberNoOwner, {}, {}};
  while (stream.next(rec)) {
    if (++plan.rows > kMaxImportRows) throw DomainError("import_too_many_rows", std::to_string(kMaxImportRows));
    if (progress && plan.rows % 1000 == 0) progress("check", stream.bytesRead(), plan.bytes);
    if (stream.tooLong()) {
      addBad(plan, rec.line, "row_too_long", "over " + std::to_string(kMaxImportRowBytes / 1024) + " KiB");
      continue;
    }
    try {
      MemberRow row{rec.line, {}, {}};
      row.file = files.prepare(who, readRow(plan, rec, header.fields.size(), row.opening), at);
      unique.check(row);
      addGood(plan, row.opening);
    } catch (const DomainError& e) {
      addBad(plan, rec.line, e.code(), e.detail());
    }
  }
  if (progress) progress("check", plan.bytes, plan.bytes);
  return plan;
}

GoodMemberRows::GoodMemberRows(CustomerFiles& files, const Staff& who, ImportSource& src, const ImportPlan& plan,
                               Instant at, const ImportProgress& progress)
    : files_(files), who_(who), plan_(plan), at_(at), progress_(progress), stream_(src, plan.encoding) {}

bool GoodMemberRows::next(MemberRow& out) {
  CsvRecord rec;
  if (!started_) {
    started_ = true;
    if (!stream_.next(rec)) throw DomainError("import_file_changed", "empty");
  }
  while (stream_.next(rec)) {
    if (stream_.tooLong() || std::binary_search(plan_.badLines.begin(), plan_.badLines.end(), rec.line)) continue;
    try {
      out.line = rec.line;
      out.opening = MemberOpening{};
      out.file = files_.prepare(who_, readRow(plan_, rec, plan_.columns.size(), out.opening), at_);
    } catch (const DomainError& e) {
      throw DomainError("import_file_changed", "line " + std::to_string(rec.line) + ": " + e.code());
    }
    if (++given_ % 1000 == 0 && progress_) progress_("write", stream_.bytesRead(), plan_.bytes);
    return true;
  }
  // Every good row given, and the bytes are the ones checked.
  if (stream_.sha256() != plan_.sha256) throw DomainError("import_file_changed", "SHA-256");
  if (progress_) progress_("write", plan_.bytes, plan_.bytes);
  return false;
}

}  // namespace salon
