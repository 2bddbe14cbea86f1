#pragma once
// A store's credentials: a random token the kiosk keeps; HQ keeps only its SHA-256.
// Every POST body is signed with HMAC-SHA256 keyed by the 32 raw bytes of
// sha256(token) (PROTOCOL.md), so a body changed on the way is refused.
#include <string>

namespace salon::hq {

std::string base64url(const std::string& bytes);            // no padding
bool fromBase64url(const std::string& text, std::string& bytes);
std::string hexOf(const std::string& bytes);                 // lower case
std::string sha256(const std::string& bytes);                // raw 32 bytes

// 32 random bytes, base64url: 43 characters.
std::string newStoreToken();
// What HQ stores: hex sha256 of the token.
std::string tokenHash(const std::string& token);
// hex HMAC-SHA256(key = raw sha256(token), body).
std::string bodySignature(const std::string& token, const std::string& body);
// Constant-time comparison of two hex signatures.
bool sameSignature(const std::string& a, const std::string& b);

}  // namespace salon::hq
