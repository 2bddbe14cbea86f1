#pragma once
// Importing customer files from a salon's old spreadsheet: the header is
// recognised in Chinese or English (姓名/name, 手机/电话/phone, 性别/gender,
// 生日/birthday, 地址/address, 职业/occupation, 备注/notes, or any field key) or
// mapped by hand (--map "客户名称=name,联系方式=phone"). Every row is checked as a
// registration at the counter would be; bad rows are reported with their line.
// Member columns (会员卡号, 会员等级, 储值余额, 赠送余额, 积分, 开卡日期, 最后到店,
// 欠款) come along as each row's MemberOpening.
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "app/core/csv.h"
#include "app/core/customer_files.h"
#include "app/core/customer_import_opening.h"
#include "app/core/customer_import_stream.h"
#include "app/core/text_encoding.h"

namespace salon {

struct ImportProblem {
  int line = 0;
  std::string code;    // phone_invalid, phone_in_use, date_invalid, ...
  std::string detail;
};

struct ImportPlan {
  TextEncoding encoding = TextEncoding::Utf8;
  std::string sha256;       // of the file as checked
  std::uint64_t bytes = 0;  // its size
  std::vector<std::string> columns;  // the target of each column ("" = ignored)
  std::size_t good = 0;              // good rows
  std::vector<ImportProblem> bad;    // the first kMaxReportedProblems bad rows
  std::size_t badRows = 0;           // all of them
  std::vector<int> badLines;         // every bad row's line, ascending (the write skips them)
  bool membership = false;  // the file has balance or tier columns (a manager's import)
  std::size_t rows = 0;     // data rows read
  ImportTotals totals;      // of the good rows
  std::vector<std::string> tiers;  // the tiers the good rows name, in order of first appearance
  std::vector<std::string> tierNames() const { return tiers; }
};

// One good row, ready to store: the file and what its member brings.
struct MemberRow {
  int line = 0;
  NewCustomerFile file;
  MemberOpening opening;
};

// The file number holding a member number already, if any.
using MemberNoOwner = std::function<std::optional<std::string>(const std::string&)>;

// "客户名称=name,联系方式=phone" → {客户名称: name, 联系方式: phone}; DomainError
// import_map_invalid on a malformed pair, import_map_unknown on an unknown target.
std::map<std::string, std::string> parseImportMap(const std::string& text);
// The target a header names by itself ("" when not recognised).
std::string importTargetOf(const std::string& header);

// Reads and checks every row of the source, block by block; stores nothing and
// keeps no row: only the totals and the bad rows. DomainError encoding_unknown,
// import_empty, import_column_missing (detail: name / phone / the mapped
// header), import_too_large, import_too_many_rows, csv_unterminated_quote. A
// member number on file already (`memberNoOwner`) or twice in the file, a phone
// on file or twice in the file, a row over kMaxImportRowBytes are bad rows.
ImportPlan planImport(CustomerFiles& files, CustomerFileStore& store, const Staff& who, ImportSource& src,
                      const std::map<std::string, std::string>& map, Instant at,
                      const MemberNoOwner& memberNoOwner = {}, const ImportProgress& progress = {});

// The good rows of a plan, read again from its source one at a time for the
// write (inside its transaction). DomainError import_file_changed when the file
// is no longer the one that was checked.
class GoodMemberRows {
 public:
  GoodMemberRows(CustomerFiles& files, const Staff& who, ImportSource& src, const ImportPlan& plan, Instant at,
                 const ImportProgress& progress = {});
  bool next(MemberRow& out);
  const ImportPlan& plan() const { return plan_; }

 private:
  CustomerFiles& files_;
  const Staff& who_;
  const ImportPlan& plan_;
  Instant at_;
  ImportProgress progress_;
  CsvRecordStream stream_;
  std::size_t given_ = 0;
  bool started_ = false;
};

}  // namespace salon
