#pragma once
// Settings: catalog and prices, staff and PINs, the receipt printer, the store's
// details and the backup password. Values are typed in an editor panel (keypad
// or on-screen keyboard) that takes the place of the section while it is open.
#include <string>
#include <vector>

#include "app/ui/intents.h"
#include "app/ui/widgets.h"
#include "app/ui/settings/settings_view.h"

namespace salon::ui {

class SettingsScreen {
 public:
  Intents draw(UiContext& ui, const SettingsView& v);

 private:
  void sections(UiContext& ui, const SettingsView& v, Intents& out);
  void editor(UiContext& ui, const SettingsEditor& e, Intents& out);
  void catalog(UiContext& ui, const SettingsView& v, Intents& out);
  void priceConfirm(UiContext& ui, const SettingsPriceChange& p, Intents& out);
  void newItem(UiContext& ui, const SettingsView& v, Intents& out);
  void staff(UiContext& ui, const SettingsView& v, Intents& out);
  void newStaff(UiContext& ui, const SettingsView& v, Intents& out);
  void rolePicker(UiContext& ui, const SettingsView& v, const SettingsStaffRow& s, Intents& out);
  void promotionKinds(UiContext& ui, const SettingsView& v, Intents& out);
  void roleConfirmBar(UiContext& ui, const SettingsView& v, const SettingsStaffRow& s, Intents& out);
  void printer(UiContext& ui, const SettingsView& v, Intents& out);
  void store(UiContext& ui, const SettingsView& v, Intents& out);
  void backup(UiContext& ui, const SettingsView& v, Intents& out);
  void headOffice(UiContext& ui, const SettingsView& v, Intents& out);  // settings_head_office.cpp
  void auditHead(UiContext& ui, const SettingsView& v);                 // settings_audit_head.cpp
  void import(UiContext& ui, const SettingsView& v, Intents& out);      // settings_import.cpp
  void importButtons(UiContext& ui, const SettingsView& v, Intents& out);
};

// Every text the view will show (the font book adds new characters first).
void addTexts(const SettingsView& v, std::vector<std::string>& out);
void addImportTexts(const SettingsImport& s, std::vector<std::string>& out);  // settings_import.cpp

}  // namespace salon::ui
