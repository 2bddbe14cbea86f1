#pragma once
// Every business action gets an id made by the kiosk before it is stored, so a
// double tap, a retry or a re-sync cannot create a second one.
#include <string>

namespace salon {

// A random (version 4) UUID in lowercase canonical form.
std::string newUuid();
bool isUuid(const std::string& text);

}  // namespace salon
