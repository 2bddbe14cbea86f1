// The Settings screen's sections: catalog, staff, printer, store, backup.
#include <algorithm>

#include "app/ui/settings/settings_screen.h"
#include "app/ui/settings/settings_widgets.h"

namespace salon::ui {
namespace {

void act(Intents& out, const std::string& action) { settingsIntent(out, SettingsAct{action}); }

void choose(Intents& out, const std::string& what, const std::string& value) {
  if (!value.empty()) settingsIntent(out, SettingsChoose{what, value});
}

float buttonW(UiContext& ui) { return 172 * ui.metrics.scale; }

// The bottom bar's height: one row of buttons and a margin under it.
float barH(UiContext& ui) { return ui.metrics.touch + ui.metrics.gap * 2; }

// Moves to the bottom bar, level with the navigation's back button.
void toBottomBar(UiContext& ui) {
  ImGui::SetCursorPosY(ImGui::GetWindowHeight() - ui.metrics.touch - ui.metrics.gap);
}

void sectionTitle(UiContext& ui, const std::string& s) {
  ImGui::Dummy(ImVec2(0, ui.metrics.gap * 0.5f));
  text(ui, s);
}

}  // namespace

// --- catalog -----------------------------------------------------------------

void SettingsScreen::catalog(UiContext& ui, const SettingsView& v, Intents& out) {
  const Metrics& m = ui.metrics;
  std::vector<Choice> cats{{"all", ui.t("ui.settings.all")}};
  for (const SettingsCategory& c : v.categories) cats.push_back({c.code, c.label});
  std::string picked = choiceButtons(ui, "settings.category", cats, v.category.empty() ? "all" : v.category,
                                     90 * m.scale);
  if (picked == "all") settingsIntent(out, SettingsChoose{"category", ""});
  else choose(out, "category", picked);
  ImGui::Dummy(ImVec2(0, m.gap * 0.25f));
  ImGui::BeginChild("settings.items", ImVec2(0, -barH(ui)), true);
  dragToScroll();
  const std::vector<float> cols{0.0f, 0.40f, 0.58f, 0.78f, 0.90f};
  for (const SettingsItemRow& i : v.items) {
    std::vector<std::string> cells{i.name, i.category, i.price, i.promotion,
                                   i.active ? "" : ui.t("ui.settings.inactive")};
    if (listRow(ui, "settings.item." + i.code, cells, cols, i.code == v.chosenItem, !i.active))
      choose(out, "item", i.code);
    if (i.code == v.chosenItem && v.promoOpen) promotionKinds(ui, v, out);
  }
  if (!v.promotions.empty()) {
    sectionTitle(ui, ui.t("ui.settings.promotions"));
    for (const std::string& p : v.promotions) mutedText(ui, p);
  }
  if (!v.tiers.empty()) {
    sectionTitle(ui, ui.t("ui.settings.tiers"));
    ImGui::PushTextWrapPos(0);
    for (const std::string& t : v.tiers) mutedText(ui, t);
    ImGui::PopTextWrapPos();
  }
  ImGui::EndChild();
  toBottomBar(ui);
  const SettingsItemRow* chosen = nullptr;
  for (const SettingsItemRow& i : v.items)
    if (i.code == v.chosenItem) chosen = &i;
  if (chosen) {
    if (touchButton(ui, "settings.item.price", ui.t("ui.settings.change_price"), ImVec2(buttonW(ui), m.touch),
                    Tone::Primary))
      settingsIntent(out, SettingsEdit{"item.price"});
    ImGui::SameLine(0, m.gap);
    if (touchButton(ui, "settings.item.toggle", ui.t(chosen->active ? "ui.settings.deactivate" : "ui.settings.activate"),
                    ImVec2(buttonW(ui), m.touch)))
      act(out, "item.toggle");
    ImGui::SameLine(0, m.gap);
    if (touchButton(ui, "settings.item.promotion", ui.t("ui.settings.add_promotion"), ImVec2(buttonW(ui), m.touch),
                    v.promoOpen ? Tone::Primary : Tone::Plain))
      act(out, "promo.open");
    ImGui::SameLine(0, m.gap);
  }
  if (touchButton(ui, "settings.item.new", ui.t("ui.settings.new_item"), ImVec2(buttonW(ui), m.touch)))
    act(out, "item.new");
}

// Under the chosen item: how the promotion lowers its price; a kind then asks
// its figure (percent, price, or N and M) and the days it runs.
void SettingsScreen::promotionKinds(UiContext& ui, const SettingsView& v, Intents& out) {
  const Metrics& m = ui.metrics;
  ImGui::Indent(m.gap);
  mutedText(ui, ui.t("ui.settings.promo.kind"));
  std::vector<Choice> kinds;
  for (const auto& [kind, label] : v.promoKinds) kinds.push_back({kind, label});
  choose(out, "promo.kind", choiceButtons(ui, "settings.promo.kind", kinds, "", 120 * m.scale));
  ImGui::Unindent(m.gap);
  ImGui::Dummy(ImVec2(0, m.gap * 0.5f));
}

// A typed price is in force only once confirmed: the item, old → new, big.
void SettingsScreen::priceConfirm(UiContext& ui, const SettingsPriceChange& p, Intents& out) {
  const Metrics& m = ui.metrics;
  ImGui::Dummy(ImVec2(0, m.gap));
  text(ui, ui.t("ui.counter.price.confirm_title"));
  bigText(ui, p.item);
  ImGui::Dummy(ImVec2(0, m.gap * 0.5f));
  bigText(ui, p.from + "  →  " + p.to);
  ImGui::Dummy(ImVec2(0, m.gap * 0.5f));
  mutedText(ui, ui.t("ui.counter.price.confirm_hint"));
  toBottomBar(ui);
  const float w = std::min(ImGui::GetContentRegionAvail().x * 0.5f - m.gap, 260 * m.scale);
  if (touchButton(ui, "settings.price.cancel", ui.t("ui.settings.cancel"), ImVec2(w, m.touch))) act(out, "price.cancel");
  ImGui::SameLine(0, m.gap);
  if (touchButton(ui, "settings.price.confirm", ui.t("ui.counter.price.confirm"), ImVec2(w, m.touch), Tone::Primary))
    act(out, "price.confirm");
}

void SettingsScreen::newItem(UiContext& ui, const SettingsView& v, Intents& out) {
  const Metrics& m = ui.metrics;
  bigText(ui, ui.t("ui.settings.new_item"));
  fieldRow(ui, "new.item.name", ui.t("ui.settings.field.new.item.name"), v.newItem.name, out);
  mutedText(ui, ui.t("ui.settings.kind"));
  choose(out, "kind",
         choiceButtons(ui, "settings.kind",
                       {{"service", ui.t("ui.settings.kind.service")}, {"product", ui.t("ui.settings.kind.product")}},
                       v.newItem.kind, buttonW(ui)));
  mutedText(ui, ui.t("ui.settings.category"));
  std::vector<Choice> cats;
  bool known = false;
  for (const SettingsCategory& c : v.categories) {
    cats.push_back({c.code, c.label});
    known |= c.code == v.newItem.category;
  }
  choose(out, "item.category", choiceButtons(ui, "settings.item_category", cats, v.newItem.category, 90 * m.scale));
  fieldRow(ui, "new.item.category", ui.t("ui.settings.field.new.item.category"), known ? "" : v.newItem.category, out);
  fieldRow(ui, "new.item.price", ui.t("ui.settings.field.new.item.price"), v.newItem.price, out);
  toBottomBar(ui);
  if (touchButton(ui, "settings.item.save", ui.t("ui.settings.save"), ImVec2(buttonW(ui), m.touch), Tone::Primary))
    act(out, "item.save");
  ImGui::SameLine(0, m.gap);
  if (touchButton(ui, "settings.draft.cancel", ui.t("ui.settings.cancel"), ImVec2(buttonW(ui), m.touch)))
    act(out, "draft.cancel");
}

// --- staff -------------------------------------------------------------------

void SettingsScreen::staff(UiContext& ui, const SettingsView& v, Intents& out) {
  const Metrics& m = ui.metrics;
  ImGui::BeginChild("settings.staff", ImVec2(0, -barH(ui)), true);
  dragToScroll();
  const std::vector<float> cols{0.0f, 0.30f, 0.52f, 0.76f};
  const SettingsStaffRow* chosen = nullptr;
  for (const SettingsStaffRow& s : v.staff) {
    std::string state = !s.active ? ui.t("ui.settings.inactive") : s.locked ? ui.t("ui.settings.locked") : "";
    if (s.code == v.chosenStaff) chosen = &s;
    if (listRow(ui, "settings.staff." + s.code, {s.name, ui.t(s.roleKey), s.department, state}, cols,
                s.code == v.chosenStaff, !s.active))
      choose(out, "staff", s.code);
    if (s.code == v.chosenStaff && v.roleOpen) rolePicker(ui, v, s, out);
  }
  ImGui::EndChild();
  toBottomBar(ui);
  // Up to five buttons (a locked member's unlock too) share the bar: narrower on a
  // standing 768-wide tablet rather than past its edge.
  const int buttons = chosen ? 4 + (chosen->locked ? 1 : 0) : 1;
  const float armed = v.confirming == "staff.deactivate" ? 70 * m.scale : 0.0f;  // its second-tap words are longer
  const float room = (ImGui::GetContentRegionAvail().x - armed - m.gap * static_cast<float>(buttons)) / static_cast<float>(buttons);
  const ImVec2 size(std::min(150 * m.scale, room), m.touch);
  if (chosen && !v.roleDraft.empty()) {
    roleConfirmBar(ui, v, *chosen, out);
    return;
  }
  if (chosen) {
    if (touchButton(ui, "settings.staff.pin", ui.t("ui.settings.set_pin"), size, Tone::Primary))
      settingsIntent(out, SettingsEdit{"staff.pin"});
    ImGui::SameLine(0, m.gap);
    if (chosen->locked) {
      if (touchButton(ui, "settings.staff.unlock", ui.t("ui.settings.unlock"), size)) act(out, "staff.unlock");
      ImGui::SameLine(0, m.gap);
    }
    if (chosen->active) {
      bool armed = v.confirming == "staff.deactivate";
      if (touchButton(ui, "settings.staff.deactivate", ui.t(armed ? "ui.settings.confirm_deactivate" : "ui.settings.deactivate"),
                      ImVec2(armed ? size.x + 70 * m.scale : size.x, m.touch), armed ? Tone::Danger : Tone::Plain))
        act(out, "staff.deactivate");
    } else if (touchButton(ui, "settings.staff.reactivate", ui.t("ui.settings.activate"), size)) {
      act(out, "staff.reactivate");
    }
    ImGui::SameLine(0, m.gap);
    if (touchButton(ui, "settings.staff.role", ui.t("ui.settings.change_role"), size, v.roleOpen ? Tone::Primary : Tone::Plain))
      act(out, "staff.role");
    ImGui::SameLine(0, m.gap);
  }
  if (touchButton(ui, "settings.staff.new", ui.t("ui.settings.new_staff"), size)) act(out, "staff.new");
}

// Under the chosen member's row: the roles that may be given, theirs lit.
void SettingsScreen::rolePicker(UiContext& ui, const SettingsView& v, const SettingsStaffRow& s, Intents& out) {
  const Metrics& m = ui.metrics;
  ImGui::Indent(m.gap);
  mutedText(ui, ui.t("ui.settings.new_role"));
  std::vector<Choice> roles;
  for (const std::string& r : v.roles) roles.push_back({r, ui.t("ui.settings.role." + r)});
  choose(out, "staff.role", choiceButtons(ui, "settings.staff.role", roles, v.roleDraft.empty() ? s.role : v.roleDraft,
                                          110 * m.scale));
  ImGui::Unindent(m.gap);
  ImGui::Dummy(ImVec2(0, m.gap * 0.5f));
}

// A new role is said in full before it counts: whose, from what, to what.
void SettingsScreen::roleConfirmBar(UiContext& ui, const SettingsView& v, const SettingsStaffRow& s, Intents& out) {
  const Metrics& m = ui.metrics;
  const std::string what = s.name + " · " + ui.t(s.roleKey) + " → " + ui.t("ui.settings.role." + v.roleDraft);
  const float cancelW = 150 * m.scale;
  const float w = std::max(ImGui::GetContentRegionAvail().x - cancelW - m.gap, 200 * m.scale);
  if (touchButton(ui, "settings.staff.role.confirm", ui.t("ui.settings.confirm_role") + " " + what, ImVec2(w, m.touch),
                  Tone::Primary))
    act(out, "staff.role.confirm");
  ImGui::SameLine(0, m.gap);
  if (touchButton(ui, "settings.staff.role.cancel", ui.t("ui.settings.cancel"), ImVec2(cancelW, m.touch)))
    act(out, "staff.role");
}

void SettingsScreen::newStaff(UiContext& ui, const SettingsView& v, Intents& out) {
  const Metrics& m = ui.metrics;
  bigText(ui, ui.t("ui.settings.new_staff"));
  fieldRow(ui, "new.staff.name", ui.t("ui.settings.field.new.staff.name"), v.newStaff.name, out);
  mutedText(ui, ui.t("ui.settings.role"));
  std::vector<Choice> roles;
  for (const std::string& r : v.roles) roles.push_back({r, ui.t("ui.settings.role." + r)});
  choose(out, "role", choiceButtons(ui, "settings.role", roles, v.newStaff.kind, 110 * m.scale));
  fieldRow(ui, "new.staff.department", ui.t("ui.settings.field.new.staff.department"), v.newStaff.category, out);
  fieldRow(ui, "new.staff.pin", ui.t("ui.settings.field.new.staff.pin"),
           v.newStaff.pinSet ? "●●●●" : "", out);
  toBottomBar(ui);
  if (touchButton(ui, "settings.staff.save", ui.t("ui.settings.save"), ImVec2(buttonW(ui), m.touch), Tone::Primary))
    act(out, "staff.save");
  ImGui::SameLine(0, m.gap);
  if (touchButton(ui, "settings.draft.cancel", ui.t("ui.settings.cancel"), ImVec2(buttonW(ui), m.touch)))
    act(out, "draft.cancel");
}

// --- printer -----------------------------------------------------------------

void SettingsScreen::printer(UiContext& ui, const SettingsView& v, Intents& out) {
  const Metrics& m = ui.metrics;
  mutedText(ui, ui.t("ui.settings.transport"));
  std::vector<Choice> transports;
  for (const char* t : {"tcp", "file", "serial", "cups"})
    transports.push_back({t, ui.t(std::string("ui.settings.transport.") + t)});
  choose(out, "transport", choiceButtons(ui, "settings.transport", transports, v.transport, 150 * m.scale));
  ImGui::Dummy(ImVec2(0, m.gap * 0.25f));
  fieldRow(ui, "printer.target", ui.t("ui.settings.target." + v.transport), v.target, out);
  mutedText(ui, ui.t("ui.settings.target_hint." + v.transport));
  ImGui::Dummy(ImVec2(0, m.gap * 0.5f));
  mutedText(ui, ui.t("ui.settings.profile"));
  std::vector<Choice> profiles;
  for (const std::string& p : v.profiles) profiles.push_back({p, ui.t("ui.settings.profile." + p)});
  choose(out, "profile", choiceButtons(ui, "settings.profile", profiles, v.profile, 230 * m.scale));
  ImGui::Dummy(ImVec2(0, m.gap * 0.5f));
  ImGui::PushTextWrapPos(0);
  mutedText(ui, ui.t("ui.settings.printer_saved_as") + (v.savedPrinter.empty() ? ui.t("ui.settings.not_set") : v.savedPrinter));
  if (!v.testResult.empty()) v.testOk || v.testing ? text(ui, v.testResult) : alertText(ui, v.testResult);
  ImGui::PopTextWrapPos();
  toBottomBar(ui);
  if (touchButton(ui, "settings.printer.save", ui.t("ui.settings.save"), ImVec2(buttonW(ui), m.touch), Tone::Primary))
    act(out, "printer.save");
  ImGui::SameLine(0, m.gap);
  if (touchButton(ui, "settings.printer.test", ui.t(v.testing ? "ui.settings.test_printing" : "ui.settings.test_print"),
                  ImVec2(buttonW(ui), m.touch)) && !v.testing)
    act(out, "printer.test");
}

// --- store -------------------------------------------------------------------

void SettingsScreen::store(UiContext& ui, const SettingsView& v, Intents& out) {
  const Metrics& m = ui.metrics;
  mutedText(ui, ui.t("ui.settings.store_hint"));
  for (const char* f : {"store.name", "store.address", "store.phone", "receipt.footer"}) {
    const std::string field = f;
    const std::string& value = field == "store.name" ? v.storeName
                               : field == "store.address" ? v.storeAddress
                               : field == "store.phone" ? v.storePhone : v.receiptFooter;
    fieldRow(ui, field, ui.t("ui.settings.field." + field), value, out);
  }
  fieldRow(ui, "kiosk.auto_lock_minutes", ui.t("ui.settings.field.kiosk.auto_lock_minutes"),
           v.autoLockMinutes + " " + ui.t("ui.settings.minutes"), out);
  mutedText(ui, ui.t("ui.settings.default_language"));
  std::vector<Choice> langs;
  for (const char* l : {"zh-Hans", "zh-Hant", "en"}) langs.push_back({l, ui.t(std::string("ui.lang.") + l)});
  choose(out, "language", choiceButtons(ui, "settings.language", langs, v.language, 150 * m.scale));
  mutedText(ui, ui.t("ui.settings.theme"));
  std::vector<Choice> looks;
  for (const char* l : {"warm", "light", "contrast"}) looks.push_back({l, ui.t(std::string("ui.settings.theme.") + l)});
  choose(out, "kiosk.theme", choiceButtons(ui, "settings.theme", looks, v.theme, 150 * m.scale));
}

// --- backup password -----------------------------------------------------------

void SettingsScreen::backup(UiContext& ui, const SettingsView& v, Intents& out) {
  const Metrics& m = ui.metrics;
  ImGui::PushTextWrapPos(0);
  if (v.backupPasswordSet) text(ui, ui.t("ui.settings.password_is_set"));
  else alertText(ui, ui.t("ui.settings.password_not_set"));
  ImGui::Dummy(ImVec2(0, m.gap * 0.5f));
  mutedText(ui, ui.t("ui.settings.password_explain"));
  mutedText(ui, ui.t("ui.settings.password_rule"));
  ImGui::PopTextWrapPos();
  ImGui::Dummy(ImVec2(0, m.gap));
  if (touchButton(ui, "settings.backup.password",
                  ui.t(v.backupPasswordSet ? "ui.settings.change_password" : "ui.settings.set_password"),
                  ImVec2(260 * m.scale, m.touch), Tone::Primary))
    settingsIntent(out, SettingsEdit{"backup.password"});
  ImGui::Dummy(ImVec2(0, m.gap));
  auditHead(ui, v);
}

}  // namespace salon::ui
