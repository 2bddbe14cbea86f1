#pragma once
// The recovery screen: what the window shows instead of a black screen when it
// cannot use its database. It says what is wrong and what to do, in the store's
// language, and offers: try again, restore the newest automatic backup (backup
// password, then an admin's code and PIN), or call support with a short code.
// It draws a plain view model and returns intents; app/kiosk/recovery_desk acts.
#include <string>
#include <vector>

#include "app/ui/widgets.h"

namespace salon::ui {

enum class RecoveryStep { Problem, Password, StaffCode, Pin, Working, Restored };

struct RecoveryView {
  std::string problemCode;   // db_corrupt, db_empty_file, db_too_new, ...
  std::string supportCode;   // "D1-7F3A"
  std::string dbPath;
  bool hasBackup = false;
  std::string backupTime;    // "2026-11-22 14:05"
  std::string backupSize;    // "1.2 MB"
  RecoveryStep step = RecoveryStep::Problem;
  int passwordChars = 0;     // shown as dots
  std::string staffCode;
  int pinDigits = 0;
  std::string message;       // the last outcome, translated
  bool messageIsError = false;
  std::string language;
};

struct RecoveryIntent {
  enum class Kind { Retry, StartRestore, Cancel, Language, Type, Erase, Clear, Enter };
  Kind kind;
  std::string text;  // Type: the characters; Language: the language
};
using RecoveryIntents = std::vector<RecoveryIntent>;

// Every sentence the screen may show for `v` (the font atlas learns them first).
std::vector<std::string> textsOf(const RecoveryView& v);

class RecoveryScreen {
 public:
  RecoveryIntents draw(UiContext& ui, const RecoveryView& v);

 private:
  void problem(UiContext& ui, const RecoveryView& v, RecoveryIntents& out);
  void backupLine(UiContext& ui, const RecoveryView& v);
  void entry(UiContext& ui, const RecoveryView& v, RecoveryIntents& out);
  void field(UiContext& ui, const RecoveryView& v, RecoveryIntents& out);
  void languages(UiContext& ui, const RecoveryView& v, RecoveryIntents& out);
};

}  // namespace salon::ui
