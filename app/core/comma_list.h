#pragma once
// Comma lists, as options (--stores S01,S02), settings (review.mandatory_fields)
// and stored columns keep them: "a,,b" is {"a", "b"} (empty parts are dropped).
#include <string>
#include <vector>

namespace salon {

std::vector<std::string> commaList(const std::string& text);

}  // namespace salon
