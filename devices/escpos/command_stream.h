#pragma once
// Splits an ESC/POS byte stream into commands without interpreting them: the
// virtual printer walks it, and the `serve` printer finds the real-time status
// queries (DLE EOT n) in it without mistaking picture bytes for one.
#include <cstddef>

namespace salon::devices::escpos {

// Bytes the command (or text byte) at `p` takes; 0 when fewer than that are
// available yet. Never more than `n` when it returns non-zero.
std::size_t commandLength(const unsigned char* p, std::size_t n);

}  // namespace salon::devices::escpos
