#pragma once
// What HQ texts customers about their bookings, in their language, and who may get
// which kind of message (issue 19).
//
// The texts are store settings (store_settings over chain_settings over the defaults
// here): `sms.text.<kind>.<lang>`, kind one of booked, confirmed, declined, offline,
// move_declined, cancelled, reminder; lang zh-Hans, zh-Hant or en (the page's
// language when the customer booked). Placeholders: {store} {service} {time} {reason}.
//
// The consent rule is `mayText`: every text has a Purpose, and only Essential ones
// (codes, the answer to what the customer just did, the store's decision) go to a
// phone that opted out; a Marketing text needs the marketing opt-in given at
// booking and no opt-out. Nothing sends a text to a customer without asking it.
#include <string>

#include <nlohmann/json.hpp>
#include <pqxx/pqxx>

#include "app/core/clock.h"

namespace salon::hq {

class SmsProvider;
struct StoreSettings;

enum class Purpose {
  Essential,  // codes, the confirmation of a booking, a move or a cancel, the decision
  Reminder,   // service but not essential: the day-before reminder (TD stops it)
  Marketing,  // offers: only with the marketing opt-in and never after TD
};

struct TextConsent {
  bool marketingOptIn = false;  // the separate opt-in on the page (online_customers.marketing)
  bool optedOut = false;        // replied TD / 退订 / STOP (sms_opt_outs)
};

constexpr bool mayText(Purpose p, TextConsent c) {
  switch (p) {
    case Purpose::Essential: return true;
    case Purpose::Reminder: return !c.optedOut;
    case Purpose::Marketing: return c.marketingOptIn && !c.optedOut;
  }
  return false;
}

TextConsent consentOf(pqxx::transaction_base& t, const std::string& phone);

// "zh-Hans" unless lang is "zh-Hant" or "en".
std::string textLanguage(const std::string& lang);

// The store's text for kind in lang with its placeholders filled from values.
std::string bookingText(const StoreSettings& s, const std::string& kind, const std::string& lang,
                        const nlohmann::json& values);

// The default text (what a store gets without the setting).
std::string defaultBookingText(const std::string& kind, const std::string& lang);

struct CustomerText {
  std::string phone, kind, lang;
  Purpose purpose = Purpose::Essential;
  nlohmann::json values;     // {store, service, time, reason}
  std::string key;           // idempotency key for the provider ("" = none)
};

// Sends the store's text when mayText allows it; false when the customer's consent
// kept it back. Throws what the provider throws.
bool textCustomer(pqxx::transaction_base& t, SmsProvider& sms, const StoreSettings& s, const CustomerText& m,
                  Instant now);

}  // namespace salon::hq
