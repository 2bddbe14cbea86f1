#pragma once
// Screenshots for scripted sessions and the README.
#include <string>

#include "app/platform/window.h"

namespace salon::platform {

// Writes `pixels` as an 8-bit RGB PNG; throws std::runtime_error.
void writePng(const std::string& path, const Pixels& pixels);

}  // namespace salon::platform
