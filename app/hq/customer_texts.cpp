#include "app/hq/customer_texts.h"

#include <map>
#include <utility>

#include "app/hq/booking_slots.h"
#include "app/hq/sms.h"

namespace salon::hq {
namespace {

using Texts = std::map<std::string, std::string>;  // lang → text

// The defaults a store starts with; every one can be replaced by a setting.
const std::map<std::string, Texts>& defaults() {
  static const std::map<std::string, Texts> texts = {
      {"booked",
       {{"zh-Hans", "{store}：您预约了 {time} {service}，待门店确认。"},
        {"zh-Hant", "{store}：您預約了 {time} {service}，待門店確認。"},
        {"en", "{store}: your booking of {service} on {time} waits for the salon to confirm."}}},
      {"confirmed",
       {{"zh-Hans", "{store}：您 {time} 的{service}预约已确认。回复取消可取消预约。"},
        {"zh-Hant", "{store}：您 {time} 的{service}預約已確認。回覆取消可取消預約。"},
        {"en", "{store}: your booking of {service} on {time} is confirmed. Reply CANCEL to cancel it."}}},
      {"declined",
       {{"zh-Hans", "{store}：很抱歉，门店未能接受您 {time} 的{service}预约，请重新选择时间。"},
        {"zh-Hant", "{store}：很抱歉，門店未能接受您 {time} 的{service}預約，請重新選擇時間。"},
        {"en", "{store}: sorry, the salon could not take your booking of {service} on {time}; please choose another time."}}},
      {"offline",
       {{"zh-Hans", "{store}：门店未能及时确认您 {time} 的{service}预约，预约未成功，请重新选择时间。"},
        {"zh-Hant", "{store}：門店未能及時確認您 {time} 的{service}預約，預約未成功，請重新選擇時間。"},
        {"en", "{store}: the salon could not confirm your booking of {service} on {time} in time; please choose another time."}}},
      {"move_declined",
       {{"zh-Hans", "{store}：门店未能改到 {time}，您原来的预约不变。"},
        {"zh-Hant", "{store}：門店未能改到 {time}，您原來的預約不變。"},
        {"en", "{store}: the salon could not move your booking to {time}; your booking stays as it was."}}},
      {"cancelled",
       {{"zh-Hans", "{store}：您 {time} 的{service}预约已取消。"},
        {"zh-Hant", "{store}：您 {time} 的{service}預約已取消。"},
        {"en", "{store}: your booking of {service} on {time} is cancelled."}}},
      {"member_approved",
       {{"zh-Hans", "{store}：您的入会申请已通过，欢迎成为会员！"},
        {"zh-Hant", "{store}：您的入會申請已通過，歡迎成為會員！"},
        {"en", "{store}: your membership application is approved. Welcome!"}}},
      {"member_declined",
       {{"zh-Hans", "{store}：很抱歉，您的入会申请未通过：{reason}"},
        {"zh-Hant", "{store}：很抱歉，您的入會申請未通過：{reason}"},
        {"en", "{store}: sorry, your membership application was not approved: {reason}"}}},
      {"correction_skipped",
       {{"zh-Hans", "{store}：很抱歉，门店未能在线受理您的档案更正申请，请到店办理。"},
        {"zh-Hant", "{store}：很抱歉，門店未能線上受理您的檔案更正申請，請到店辦理。"},
        {"en", "{store}: sorry, the salon could not take your correction of your file online; please ask at the salon."}}},
      {"correction_approved",
       {{"zh-Hans", "{store}：您的档案更正已审核通过并完成。"},
        {"zh-Hant", "{store}：您的檔案更正已審核通過並完成。"},
        {"en", "{store}: your correction of your file is approved and made."}}},
      {"correction_rejected",
       {{"zh-Hans", "{store}：门店未能采纳您的档案更正申请，如有疑问请到店咨询。"},
        {"zh-Hant", "{store}：門店未能採納您的檔案更正申請，如有疑問請到店諮詢。"},
        {"en", "{store}: the salon did not take your correction of your file; please ask at the salon if in doubt."}}},
      {"reminder",
       {{"zh-Hans", "{store}：提醒您明天 {time} 的{service}预约，期待您的光临。回复取消可取消预约，回复TD退订提醒。"},
        {"zh-Hant", "{store}：提醒您明天 {time} 的{service}預約，期待您的光臨。回覆取消可取消預約，回覆TD退訂提醒。"},
        {"en", "{store}: a reminder of your booking of {service} tomorrow, {time}. Reply CANCEL to cancel, STOP to stop reminders."}}},
  };
  return texts;
}

std::string fill(std::string text, const nlohmann::json& values) {
  for (const auto& [key, value] : values.items()) {
    std::string mark = "{" + key + "}", with = value.is_string() ? value.get<std::string>() : value.dump();
    for (auto at = text.find(mark); at != std::string::npos; at = text.find(mark, at + with.size()))
      text.replace(at, mark.size(), with);
  }
  return text;
}

}  // namespace

TextConsent consentOf(pqxx::transaction_base& t, const std::string& phone) {
  auto r = t.exec_params("SELECT COALESCE((SELECT marketing FROM online_customers WHERE phone = $1), false),"
                         " EXISTS (SELECT 1 FROM sms_opt_outs WHERE phone = $1)",
                         phone);
  return {r[0][0].as<bool>(), r[0][1].as<bool>()};
}

std::string textLanguage(const std::string& lang) { return lang == "zh-Hant" || lang == "en" ? lang : "zh-Hans"; }

std::string defaultBookingText(const std::string& kind, const std::string& lang) {
  auto k = defaults().find(kind);
  if (k == defaults().end()) throw std::logic_error("no booking text " + kind);
  return k->second.at(textLanguage(lang));
}

std::string bookingText(const StoreSettings& s, const std::string& kind, const std::string& lang,
                        const nlohmann::json& values) {
  std::string text = s.text("sms.text." + kind + "." + textLanguage(lang));
  return fill(text.empty() ? defaultBookingText(kind, lang) : text, values);
}

bool textCustomer(pqxx::transaction_base& t, SmsProvider& sms, const StoreSettings& s, const CustomerText& m,
                  Instant now) {
  if (!mayText(m.purpose, consentOf(t, m.phone))) return false;
  SmsMessage out;
  out.phone = m.phone;
  // The store's decisions share the provider's "decided" template (params.kind tells which).
  bool decision = m.kind == "confirmed" || m.kind == "declined" || m.kind == "offline" || m.kind == "move_declined";
  out.templateId = decision ? "decided" : m.kind;
  out.params = m.values;
  out.params["kind"] = m.kind;
  out.text = bookingText(s, m.kind, m.lang, m.values);
  out.key = m.key;
  sms.send(out, now);
  return true;
}

}  // namespace salon::hq
