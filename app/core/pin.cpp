#include "app/core/pin.h"

#include <sodium.h>

#include <stdexcept>

namespace salon {

// OWASP's Argon2id setting (19 MiB, 2 passes), not libsodium's INTERACTIVE (64 MiB):
// every sign-in touched 64 MiB on a small counter box beside the window, the
// kiosk's whole memory peak (issue 14). A 4-8 digit PIN is kept safe by the
// sign-in lockout, not by the hash's cost; hashes made earlier still verify.
PinCost PinCost::interactive() { return {2, 19u * 1024u * 1024u}; }
PinCost PinCost::minimum() { return {crypto_pwhash_OPSLIMIT_MIN, crypto_pwhash_MEMLIMIT_MIN}; }

std::string hashPin(const std::string& pin, PinCost cost) {
  if (sodium_init() < 0) throw std::runtime_error("libsodium failed to initialise");
  char out[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str_alg(out, pin.data(), pin.size(), cost.opsLimit, cost.memLimit,
                            crypto_pwhash_ALG_ARGON2ID13) != 0)
    throw std::runtime_error("out of memory while hashing a PIN");
  return out;
}

bool pinMatches(const std::string& storedHash, const std::string& pin) {
  if (sodium_init() < 0) return false;
  return crypto_pwhash_str_verify(storedHash.c_str(), pin.data(), pin.size()) == 0;
}

bool isValidPin(const std::string& pin) {
  if (pin.size() < 4 || pin.size() > 8) return false;
  for (char c : pin)
    if (c < '0' || c > '9') return false;
  return true;
}

}  // namespace salon
