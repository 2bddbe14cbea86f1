#include "devices/escpos/command_stream.h"

namespace salon::devices::escpos {
namespace {

std::size_t need(std::size_t len, std::size_t n) { return len <= n ? len : 0; }

std::size_t esc(const unsigned char* p, std::size_t n) {
  switch (p[1]) {
    case '@': case '2': case '<': return 2;
    case 'p': return need(5, n);
    case '*': {
      if (n < 5) return 0;
      std::size_t dots = p[3] + 256u * p[4];
      return need(5 + dots * (p[2] <= 1 ? 1 : 3), n);
    }
    case 'a': case 'E': case '-': case 'd': case 't': case '!': case '3': case 'J': case 'M':
    case 'G': case 'V': case '{': case 'R': case 'e': case 'U': case ' ': case 'r':
      return need(3, n);
    case '$': case '\\': return need(4, n);
    default: return 2;
  }
}

std::size_t fs(const unsigned char* p, std::size_t n) {
  switch (p[1]) {
    case '!': case '-': case 'W': return need(3, n);
    case 'p': return need(4, n);
    default: return 2;
  }
}

std::size_t gs(const unsigned char* p, std::size_t n) {
  switch (p[1]) {
    case 'V': {
      if (n < 3) return 0;
      return p[2] == 65 || p[2] == 66 ? need(4, n) : 3;
    }
    case 'v': {
      if (n < 8) return 0;
      std::size_t x = p[4] + 256u * p[5], y = p[6] + 256u * p[7];
      return need(8 + x * y, n);
    }
    case '(': {
      if (n < 5) return 0;
      return need(5 + p[3] + 256u * p[4], n);
    }
    case 'L': case 'W': case '$': return need(4, n);
    case 'k': {
      if (n < 3) return 0;
      if (p[2] <= 6) {  // NUL-terminated barcode data
        for (std::size_t i = 3; i < n; ++i)
          if (p[i] == 0) return i + 1;
        return 0;
      }
      return n < 4 ? 0 : need(4 + p[3], n);
    }
    default: return need(3, n);
  }
}

}  // namespace

std::size_t commandLength(const unsigned char* p, std::size_t n) {
  if (n == 0) return 0;
  if (p[0] != 0x1B && p[0] != 0x1C && p[0] != 0x1D && p[0] != 0x10) return 1;
  if (n < 2) return 0;
  switch (p[0]) {
    case 0x1B: return esc(p, n);
    case 0x1C: return fs(p, n);
    case 0x1D: return gs(p, n);
    default:  // DLE
      if (p[1] == 0x04) return need(3, n);
      if (p[1] == 0x14) return need(5, n);
      return 2;
  }
}

}  // namespace salon::devices::escpos
