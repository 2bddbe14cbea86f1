#include "app/core/store_settings.h"

namespace salon {

bool isStoreOwnSetting(const std::string& key) {
  for (const char* prefix : {"store.", "printer.", "reader.", "device.", "backup.", "sync.", "hq."})
    if (key.rfind(prefix, 0) == 0) return true;
  return false;
}

}  // namespace salon
