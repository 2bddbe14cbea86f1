#pragma once
// Touch widgets. Each records what it drew (FrameRecord) so a scripted session
// can tap it and expect its text, and so the font book learns new characters.
#include <imgui.h>

#include <string>

#include "app/core/i18n.h"
#include "app/ui/font_book.h"
#include "app/ui/frame_record.h"
#include "app/ui/icons.h"
#include "app/ui/theme.h"

namespace salon::ui {

struct UiContext {
  const Catalog& catalog;
  const Metrics& metrics;
  const FontBook& fonts;
  FrameRecord& record;
  const Colours* colours = &coloursOf(Look::Warm);  // the store's look (kiosk.theme)
  const std::string& t(const std::string& key) const { return catalog.text(key); }
  const Colours& c() const { return *colours; }
};

enum class Tone { Plain, Primary, Danger };

// `icon` is drawn before the label when the icon font is there; scripts and the
// frame record see the label alone.
bool touchButton(UiContext& ui, const std::string& id, const std::string& label, ImVec2 size,
                 Tone tone = Tone::Plain, Icon icon = Icon::None);
// `label` with `icon` before it when the icon font is there (what touchButton shows).
std::string withIcon(const UiContext& ui, Icon icon, const std::string& label, const char* gap = "  ");
// A small rounded label in `fill` with white text (a state: waiting, paid, overdue).
void statusChip(UiContext& ui, Icon icon, const std::string& label, ImU32 fill);
// A whole list row as one touch target (drawn over by the caller's cells). A finger
// that dragged the list to scroll it did not tap the row.
bool touchRow(UiContext& ui, const std::string& id, const std::string& label, ImVec2 size);
// Where a list row's four cells start, for a list `width` wide: the 1024×768
// places scaled, spread further on a wider screen so a 1920 px list uses its width.
struct ListColumns {
  float x[4];
};
ListColumns listColumns(const Metrics& m, float width);
void text(UiContext& ui, const std::string& s);
void bigText(UiContext& ui, const std::string& s);
void mutedText(UiContext& ui, const std::string& s);
void alertText(UiContext& ui, const std::string& s);
// One line kept for a message whether or not there is one (green when done, red
// for an error), so a message never moves the buttons under a finger.
void messageLine(UiContext& ui, const std::string& id, const std::string& s, bool isError);
// A screen's message: green when it tells what was done, red (alertText) when it is
// an error; nothing when empty.
void messageText(UiContext& ui, const std::string& s, bool isError);
void centredBigText(UiContext& ui, const std::string& s, float width);

// A 4×3 keypad of big keys; returns the keys tapped this frame ("7", "<", "=").
std::string keypad(UiContext& ui, const std::string& idPrefix, float width, const std::string& okLabel);

// An on-screen keyboard (letters, digits, erase, clear, done) with a candidate
// bar above it; returns keys tapped ("a", "<", "C", "=") and the candidate picked.
struct KeyboardInput {
  std::string keys;
  std::string picked;
};
KeyboardInput pinyinKeyboard(UiContext& ui, const std::string& letters, const std::vector<std::string>& candidates,
                             float width);

// What a keyboard (or a keyboard-wedge card reader) typed this frame: printable
// characters, and whether Enter or Backspace came.
struct Typed {
  std::string chars;
  bool enter = false;
  int backspaces = 0;
};
Typed typedThisFrame();

// Lets a child window scroll by dragging it with a finger.
void dragToScroll();

}  // namespace salon::ui
