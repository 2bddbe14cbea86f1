#pragma once
// What the Appointments screen shows (plain data prepared by its desk in app/kiosk) and
// what a person can ask for on it: the day book per staff member (drag to move, tap
// to check in), a staff member's week, booking, and the lists staff work through
// (reminders, late arrivals, rebooking, tomorrow's briefing, customer care).
#include <string>
#include <variant>
#include <vector>

#include "app/core/customer.h"

namespace salon::ui {
// The screen's own types live in their own namespace: every screen's view is
// included together (view_models.h), so short names must not meet.
namespace appointment_book {

enum class AppointmentsTab { Day, Week, Book, Calls, Briefing, Care, Boarding };

struct BookColumn {
  std::string staff;  // code
  std::string name;
  bool absent = false;
};

struct BookBlock {
  std::string id;
  int column = 0;
  int startMinute = 0;  // store-time minutes after midnight
  int endMinute = 0;
  std::string customer;  // name, and the pet's in brackets
  std::string services;
  std::string state;       // booked, checked_in, completed, no_show
  std::string stateLabel;  // translated
  bool homeVisit = false;
  std::string category;    // the first service's category ("hair"; "" not known): the block's colour
};

struct DayBook {
  std::string dateLabel;  // "2026-11-22 周日"
  bool today = false;
  int openMinute = 9 * 60;
  int closeMinute = 21 * 60;
  int nowMinute = -1;  // the red line, today only
  std::vector<BookColumn> columns;
  std::vector<BookBlock> blocks;
};

// The appointment tapped on the day book, with what may be done to it.
struct ChosenAppointment {
  std::string id;
  std::string title;   // "10:00–11:00 张三丰 · 林美容师"
  std::string detail;  // services, channel, note, no-shows so far
  bool mayCheckIn = false;
  bool mayNoShow = false;
  bool confirmNoShow = false;  // the first tap asked; the second marks it
};

struct WeekDayColumn {
  std::string label;  // "11-23 周一"
  bool today = false;
  std::vector<std::string> lines;  // "10:00 张三丰 洗剪吹 (已到店)"
};

struct WeekBook {
  std::string staff;
  std::string staffName;
  std::string rangeLabel;
  std::vector<WeekDayColumn> days;
};

struct Choice {
  std::string code;
  std::string label;
  bool chosen = false;
};

struct BookingForm {
  std::string phoneDigits;
  CustomerId customer = 0;
  std::string customerLine;  // name, member, no-shows; or why nobody was found
  std::vector<Choice> pets;  // the customer's pets ("" = none)
  std::vector<Choice> services;
  std::vector<Choice> staff;  // "" = any qualified
  std::vector<Choice> channels;
  std::string dayLabel;
  std::vector<Choice> times;  // code: minutes after midnight
  std::string summary;        // "10:00–11:45 (105 分钟)"
  bool ready = false;
  // 寄养 booked from the same form: the kind chips, then the pet, a free kennel
  // and the nights from the day shown; `summary` says the days and the fee.
  std::vector<Choice> kinds;  // service, boarding
  bool boarding = false;
  std::vector<Choice> kennels;  // free on every night asked for
  std::vector<Choice> nights;
};

// One row of a list staff work through; `key` names it for the intents.
struct WorkRow {
  std::string key;
  std::string title;   // time / due, customer, phone
  std::string detail;  // services, staff, what to recommend …
  std::string alert;   // allergies, vaccinations
  std::string status;  // "已提醒", "已记录" … ("" while still to do)
  bool mayMessage = false;  // opted in to marketing (or not a marketing kind)
  bool needsScore = false;  // 回访: a satisfaction score
  bool open = false;        // tapped: its actions are shown
  std::string action;       // the open row's one button: "check_in", "check_out" (寄养), "attend" (活动)
  std::string actionLabel;  // translated
};

struct WorkSection {
  std::string title;
  std::string empty;  // shown when there are no rows
  std::vector<WorkRow> rows;
};

}  // namespace appointment_book
namespace ab = appointment_book;

struct AppointmentsView {
  CustomerId customer = 0;  // whose screen this is (0: nobody chosen yet)
  std::string title;        // translated
  ab::AppointmentsTab tab = ab::AppointmentsTab::Day;
  std::string message;      // a refusal or a confirmation, translated
  bool messageIsError = false;
  ab::DayBook day;
  ab::ChosenAppointment chosen;
  std::string chosenStaff;  // a column header tapped: its week / absence
  bool confirmAbsent = false;
  ab::WeekBook week;
  ab::BookingForm booking;
  std::vector<ab::WorkSection> sections;     // Calls, Briefing or Care
  std::vector<ab::Choice> careLists;         // birthdays, lapsed, reminders, followups
  std::vector<ab::Choice> notes;             // preset notes for the open row
  bool writingNote = false;                  // the keyboard is out for the open row's own words
  std::string note;                          // the note as it stands (a preset, typed, or both)
  std::string noteLetters;                   // pinyin being composed
  std::vector<std::string> noteCandidates;
  std::vector<ab::Choice> scores;            // 1 … 5 for a follow-up
  bool more = false;                     // a care list has more rows
};

// The screen's own intents, applied by its desk.
struct AppointmentsRefresh {};  // read again what the screen shows
namespace appointment_book {
struct ShowTab { AppointmentsTab tab = AppointmentsTab::Day; };
struct ShiftDay { int days = 0; };  // 0: back to today
struct ChooseBlock { std::string id; };
struct MoveBlock {
  std::string id;
  std::string staff;  // the column it was dropped on
  int startMinute = 0;
};
struct CheckInBlock { std::string id; };
struct NoShowBlock { std::string id; };
struct ChooseColumn { std::string staff; };
struct ShowWeek { std::string staff; };
struct MarkAbsent { std::string staff; };
struct BookingKeys { std::string keys; };  // the phone keypad: digits, '<', 'C', '='
struct BookingPick {
  enum Field { Pet, Service, Staff, Channel, Time, Kind, Kennel, Nights } field = Service;
  std::string code;
};
struct ConfirmBooking {};
struct OpenWorkRow { std::string key; };
struct PickNote { std::string text; };
struct PickScore { int score = 0; };
struct WriteNote {};                      // the keyboard for the open row's note: out, or away
struct NoteKeys { std::string keys; };    // '<' erase, 'C' clear, '=' done
struct NotePick { std::string word; };    // a pinyin candidate
struct RecordContact {
  std::string outcome;  // done, skipped, no_answer
  std::string channel;  // phone, sms, wechat
};
struct ChooseCareList { std::string list; };
struct MoreRows {};
struct RowAction { std::string key; };  // an open row's one step: 寄养 check-in/out, 活动 到场
}  // namespace appointment_book
using AppointmentsIntent =
    std::variant<AppointmentsRefresh, ab::ShowTab, ab::ShiftDay, ab::ChooseBlock, ab::MoveBlock, ab::CheckInBlock,
                 ab::NoShowBlock, ab::ChooseColumn, ab::ShowWeek, ab::MarkAbsent, ab::BookingKeys, ab::BookingPick,
                 ab::ConfirmBooking, ab::OpenWorkRow, ab::PickNote, ab::PickScore, ab::RecordContact,
                 ab::ChooseCareList, ab::MoreRows, ab::WriteNote, ab::NoteKeys, ab::NotePick, ab::RowAction>;

}  // namespace salon::ui
