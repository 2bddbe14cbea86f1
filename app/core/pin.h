#pragma once
// Staff PINs are stored only as Argon2id hashes (libsodium crypto_pwhash_str).
#include <cstddef>
#include <string>

namespace salon {

struct PinCost {
  unsigned long long opsLimit;
  std::size_t memLimit;
  static PinCost interactive();  // the default for a real store
  static PinCost minimum();      // tests and demo seeding under sanitizers
};

std::string hashPin(const std::string& pin, PinCost cost);
bool pinMatches(const std::string& storedHash, const std::string& pin);
// A PIN is 4 to 8 digits.
bool isValidPin(const std::string& pin);

}  // namespace salon
