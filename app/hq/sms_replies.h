#pragma once
// Customers' replies to HQ's texts (issue 19), forwarded by the SMS provider:
// `POST /api/sms/v1/inbound` with JSON {"id","from","text","at"} (the provider's
// message id, the sender's phone, the text, ms since the epoch) and the header
// `X-Sms-Signature`: hex HMAC-SHA256(hq_settings `sms.inbound_secret`, body).
//
// 取消 / 取消预约 / 取消預約 / CANCEL cancels the phone's next booking that can
// still be cancelled (the store hears it as a cancelled booking.hold); TD / 退订 /
// 退訂 / STOP / UNSUBSCRIBE opts the phone out of every text that is not essential
// (reminders, marketing). Each reply is recorded in sms_inbound with what it did, in
// the transaction that does it, so a post the provider repeats is not applied twice.
#include <string>

namespace httplib {
class Server;
}

namespace salon::hq {

struct PublicDesk;

// What a reply asks for: "cancel", "opt_out" or "" (anything else).
std::string replyCommand(const std::string& text);

void mountSmsReplies(httplib::Server& server, PublicDesk& desk);

}  // namespace salon::hq
