#pragma once
// Settings → 数据导入: what the import section shows (plain data prepared by the
// settings desk). Sentences are translated when made.
#include <string>
#include <vector>

namespace salon::ui {

struct SettingsImportFile {
  std::string path;   // what is chosen
  std::string label;  // the file's name and its folder, shown
};

struct SettingsImport {
  std::vector<SettingsImportFile> files;  // *.csv on USB sticks and in the data folder
  std::string file;                       // the chosen path ("" = none)
  std::string kind = "members";           // members | packages | appointments
  bool busy = false;                      // listing, preview or import on its way
  std::string progress;                   // translated: "正在检查… 1,200 / 48,000 行"
  float fraction = -1;                    // 0..1 while known, else -1
  bool previewed = false;                 // the lines below are the chosen file's
  std::vector<std::string> totals;        // control totals, one line each
  std::vector<std::string> bad;           // "LINE: code: detail", the first 20
  std::string badMore;                    // "… 还有 37 行" when more
  std::vector<std::string> warnings;      // unknown tiers / items, an earlier import
  bool importable = false;                // the preview allows the import
  bool skipBad = false;                   // import despite bad rows
  bool createTiers = false;               // create the unknown tiers
  std::string result;                     // translated: what the import did
  bool resultOk = false;
};

}  // namespace salon::ui
