#pragma once
// The customer's own file at the check-in screen (知情权, 消费记录查询): after a
// member card or QR and the last 4 digits of the phone, the customer sees
// their file, who viewed it and why, and their statement; prints the
// statement; and asks for a correction (更正, a change request for staff to
// approve). Prepared by app/kiosk/own_file_counter; everything is cleared when
// the customer is done, the screen idles, or the kiosk locks.
#include <string>
#include <variant>
#include <vector>

namespace salon::ui {

enum class OwnFileStep { None, Last4, File, Views, Statement, Correct };

struct OwnFileField {
  std::string labelKey;  // "ui.file.field.address"
  std::string value;     // verbatim (the phone masked)
  std::string field;     // what a correction names ("name", "phone", "address")
};

struct OwnFileViewRow {
  std::string at;       // "2026-12-01 14:02"
  std::string who;      // the staff member's name, "" for the customer
  std::string roleKey;  // "ui.role.cashier", "" for the customer
  std::string purpose;  // verbatim, as the staff member gave it
};

struct OwnFileEntry {
  std::string at;
  std::string kindKey;  // "records.statement.kind.sale"
  std::string total;    // "¥380.00"
  std::vector<std::string> details;  // "面部护理 x1  ¥380.00", "微信 ¥380.00"
};

struct OwnFileCorrection {
  int row = -1;                 // index into fields
  std::string text;             // the new value typed so far
  std::string letters;          // pinyin being composed
  std::vector<std::string> candidates;
  bool pinyinReady = false;
};

struct OwnFileView {
  OwnFileStep step = OwnFileStep::None;
  std::string name;             // the card's name (the greeting)
  int digits = 0;               // last-4 digits typed, shown as dots
  std::vector<OwnFileField> fields;
  std::vector<OwnFileViewRow> views;
  std::vector<OwnFileEntry> statement;  // newest first
  std::string net;              // the statement's net total
  OwnFileCorrection correction;
  std::string message;          // translated
  bool messageIsError = false;
  bool printing = false;
};

// The panel's own intents, applied by the check-in desk.
struct OwnFileOpen {};                       // 查看我的档案 on the greeting card
struct OwnFileKeys { std::string keys; };    // last-4 keypad keys; '=' checks
struct OwnFileShow { OwnFileStep step = OwnFileStep::File; };
struct OwnFilePrint {};                      // the statement on the receipt printer
struct OwnFileCorrect { int row = -1; };     // 申请更正 on a field
struct OwnFileCorrectKeys { std::string keys; };
struct OwnFilePick { std::string text; };
struct OwnFileSubmit {};
struct OwnFileClose {};
using OwnFileIntent = std::variant<OwnFileOpen, OwnFileKeys, OwnFileShow, OwnFilePrint, OwnFileCorrect,
                                   OwnFileCorrectKeys, OwnFilePick, OwnFileSubmit, OwnFileClose>;

}  // namespace salon::ui
