#include "app/ui/members/members_screen.h"

#include "app/ui/customer_file/customer_search.h"

namespace salon::ui {
namespace {

void message(UiContext& ui, const MembersView& v) { messageText(ui, v.message, v.messageIsError); }

void lines(UiContext& ui, const std::vector<FileLine>& rows) {
  const float x1 = 230 * ui.metrics.scale, x2 = 560 * ui.metrics.scale;
  ImGui::BeginChild("members.lines", ImVec2(0, 0), false);
  dragToScroll();
  if (rows.empty()) mutedText(ui, ui.t("ui.file.none"));
  for (const FileLine& l : rows) {
    mutedText(ui, l.when);
    ImGui::SameLine(x1);
    text(ui, l.title);
    ImGui::SameLine(x2);
    text(ui, l.detail);
    ImGui::Separator();
  }
  ImGui::EndChild();
}

}  // namespace

void MembersScreen::header(UiContext& ui, const MembersView& v, Intents& out) {
  const Metrics& m = ui.metrics;
  const float buttonW = 150 * m.scale;
  const int buttons = v.customer ? 3 : 1;
  ImGui::BeginGroup();
  bigText(ui, v.customer ? v.name : v.title);
  if (v.customer) {
    std::string line = v.memberNo.empty() ? ui.t("ui.members.not_member") : v.memberNo;
    if (!v.tier.empty()) line += "   " + v.tier;
    line += "   " + v.phone;
    mutedText(ui, line);
  }
  ImGui::EndGroup();
  ImGui::SameLine(ImGui::GetContentRegionAvail().x - buttons * buttonW - (buttons - 1) * m.gap);
  if (v.customer) {
    if (touchButton(ui, "members.to_file", ui.t("ui.nav.customer_file"), ImVec2(buttonW, m.touch)))
      add(out, Navigate{Screen::CustomerFile, v.customer});
    ImGui::SameLine(0, m.gap);
    if (touchButton(ui, "members.other", ui.t("ui.members.other"), ImVec2(buttonW, m.touch)))
      add(out, FindAnotherMember{});
    ImGui::SameLine(0, m.gap);
  }
  if (touchButton(ui, "members.back", ui.t("ui.nav.back"), ImVec2(buttonW, m.touch))) add(out, Navigate{Screen::Home});
}

void MembersScreen::card(UiContext& ui, const MembersView& v, Intents& out) {
  const Metrics& m = ui.metrics;
  if (!v.member) return mutedText(ui, ui.t("ui.members.no_card"));
  text(ui, v.cardVersion ? ui.t("ui.members.card_version") + " " + std::to_string(v.cardVersion)
                         : ui.t("ui.members.card_not_printed"));
  if (v.printer.empty()) alertText(ui, ui.t("ui.members.no_printer"));
  else mutedText(ui, ui.t("ui.members.printer") + " " + v.printer);
  ImGui::Dummy(ImVec2(0, m.gap * 0.5f));
  const float w = 260 * m.scale;
  if (touchButton(ui, "members.card.reprint", ui.t("ui.members.reprint"), ImVec2(w, m.touch),
                  v.cardAction == "reprint" ? Tone::Primary : Tone::Plain))
    add(out, ChooseCardAction{"reprint"});
  ImGui::SameLine(0, m.gap);
  if (touchButton(ui, "members.card.reissue", ui.t("ui.members.reissue"), ImVec2(w, m.touch),
                  v.cardAction == "reissue" ? Tone::Primary : Tone::Plain))
    add(out, ChooseCardAction{"reissue"});
  if (!v.cardAction.empty()) {
    mutedText(ui, ui.t(v.cardAction == "reissue" ? "ui.members.reissue_explain" : "ui.members.reprint_explain"));
    text(ui, ui.t("ui.members.why"));
    static const char* kReissue[] = {"lost", "stolen", "damaged"};
    static const char* kReprint[] = {"damaged", "worn", "first_card"};
    const char* const* reasons = v.cardAction == "reissue" ? kReissue : kReprint;
    for (int i = 0; i < 3; ++i) {
      if (i > 0) ImGui::SameLine(0, m.gap);
      std::string key = std::string("ui.members.reason.") + reasons[i];
      if (touchButton(ui, std::string("members.reason.") + reasons[i], ui.t(key), ImVec2(w * 0.8f, m.touch),
                      v.cardReasonKey == key ? Tone::Primary : Tone::Plain))
        add(out, CardReason{key});
    }
    ImGui::Dummy(ImVec2(0, m.gap * 0.5f));
    const bool reissue = v.cardAction == "reissue";
    if (touchButton(ui, "members.card.confirm", ui.t(reissue ? "ui.members.confirm_reissue" : "ui.members.confirm_reprint"),
                    ImVec2(w * 1.5f, m.touch), reissue ? Tone::Danger : Tone::Primary))
      add(out, ConfirmCard{});
  }
  message(ui, v);
}

void MembersScreen::topUp(UiContext& ui, const MembersView& v, Intents& out) {
  const Metrics& m = ui.metrics;
  const float padW = 340 * m.scale;
  const float leftW = ImGui::GetContentRegionAvail().x - padW - m.gap * 2;
  ImGui::BeginChild("members.topup", ImVec2(leftW, 0), false, ImGuiWindowFlags_NoScrollbar);
  text(ui, ui.t("ui.members.amount"));
  ImGui::PushStyleColor(ImGuiCol_ChildBg, ui.c().panel);
  ImGui::BeginChild("members.amount", ImVec2(leftW, m.bigSize + m.gap * 2), true, ImGuiWindowFlags_NoScrollbar);
  bigText(ui, "¥ " + (v.amountDigits.empty() ? std::string("0") : v.amountDigits));
  ImGui::EndChild();
  ImGui::PopStyleColor();
  if (!v.topUpSummary.empty()) text(ui, v.topUpSummary);
  const float w = (leftW - m.gap) / 2;
  for (std::size_t i = 0; i < v.plans.size(); ++i) {
    if (i % 2) ImGui::SameLine(0, m.gap);
    if (touchButton(ui, "members.plan." + v.plans[i].code, v.plans[i].name, ImVec2(w, m.touch)))
      add(out, PickTopUpPlan{v.plans[i].code});
  }
  mutedText(ui, ui.t("ui.members.tender"));
  for (const char* t : {"cash", "card"}) {
    if (std::string(t) == "card") ImGui::SameLine(0, m.gap);
    if (touchButton(ui, std::string("members.tender.") + t, ui.t(std::string("records.tender.") + t), ImVec2(w, m.touch),
                    v.tender == t ? Tone::Primary : Tone::Plain))
      add(out, ChooseTopUpTender{t});
  }
  ImGui::Dummy(ImVec2(0, m.gap * 0.5f));
  if (v.topUpDone) {
    if (touchButton(ui, "members.topup.new", ui.t("ui.members.new_top_up"), ImVec2(leftW, m.touch)))
      add(out, NewTopUp{});
  } else if (touchButton(ui, "members.topup.confirm", ui.t("ui.members.confirm_top_up"), ImVec2(leftW, m.touch),
                         Tone::Primary)) {
    add(out, ConfirmTopUp{});
  }
  message(ui, v);
  ImGui::EndChild();
  ImGui::SameLine(0, m.gap * 2);
  ImGui::BeginGroup();
  std::string keys = keypad(ui, "members.key", padW, ui.t("ui.keyboard.clear"));
  ImGui::EndGroup();
  // The keypad's OK key clears here: the amount is confirmed by the big button.
  for (char& k : keys)
    if (k == '=') k = 'C';
  if (!keys.empty()) add(out, AmountKeys{keys});
}

Intents MembersScreen::draw(UiContext& ui, const MembersView& v) {
  Intents out;
  const Metrics& m = ui.metrics;
  header(ui, v, out);
  if (!v.customer) {
    SearchInput in = customerSearch(ui, v.search, "members.search");
    if (!in.keys.empty()) add(out, MemberSearchKeys{in.keys});
    if (!in.typed.empty()) add(out, MemberSearchTyped{in.typed});
    if (in.picked) add(out, OpenMember{in.picked});
    if (!v.message.empty()) message(ui, v);  // a scanned card refused, a payment code
    return out;
  }
  std::string money = ui.t("ui.members.points") + " " + v.points + "     " + ui.t("ui.members.stored_value") + " " +
                      v.storedValue + " (" + ui.t("ui.members.bonus") + " " + v.bonus + ")";
  if (!v.arrears.empty()) money += "     " + ui.t("ui.members.arrears") + " " + v.arrears;
  ImGui::Dummy(ImVec2(0, m.gap * 0.25f));
  text(ui, money);
  ImGui::Dummy(ImVec2(0, m.gap * 0.25f));
  static const char* kTabs[] = {"card", "top_up", "packages", "points", "stored_value"};
  const float w = (ImGui::GetContentRegionAvail().x - 4 * m.gap * 0.5f) / 5;
  for (int i = 0; i < 5; ++i) {
    if (i > 0) ImGui::SameLine(0, m.gap * 0.5f);
    if (touchButton(ui, std::string("members.tab.") + kTabs[i], ui.t(std::string("ui.members.tab.") + kTabs[i]),
                    ImVec2(w, m.touch), v.tab == kTabs[i] ? Tone::Primary : Tone::Plain))
      add(out, ShowMemberTab{kTabs[i]});
  }
  ImGui::Dummy(ImVec2(0, m.gap * 0.5f));
  if (v.tab == "card") card(ui, v, out);
  else if (v.tab == "top_up") topUp(ui, v, out);
  else lines(ui, v.tab == "packages" ? v.packages : v.tab == "points" ? v.pointsHistory : v.storedValueHistory);
  return out;
}

void addTexts(const MembersView& v, std::vector<std::string>& out) {
  for (const std::string& s : {v.title, v.name, v.memberNo, v.fileNo, v.phone, v.tier, v.points, v.storedValue, v.bonus,
                               v.arrears, v.printer, v.amountDigits, v.topUpSummary, v.message})
    out.push_back(s);
  out.push_back("¥ ");
  addTexts(v.search, out);
  for (const TopUpPlan& p : v.plans) out.push_back(p.name);
  for (const auto* rows : {&v.packages, &v.pointsHistory, &v.storedValueHistory})
    for (const FileLine& l : *rows) {
      out.push_back(l.when);
      out.push_back(l.title);
      out.push_back(l.detail);
    }
}

}  // namespace salon::ui
