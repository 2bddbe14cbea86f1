// Catch2's main, in a file of its own so test files compile fast.
#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>
