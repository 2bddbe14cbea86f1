#pragma once
// `salon-hq sandbox --dir DIR`: a throwaway head office for tests and demos. A
// PostgreSQL 15 cluster made with initdb in DIR/pg (loopback only, a free port,
// run as the `postgres` user when we are root), migrated, `salon-hq serve` in the
// background on another free port (data in DIR/hq), store S01 enrolled. Prints one
// JSON line {"hq": URL, "pg": URL, "code": enrolment code for S01}; `--stop` ends both.
#include <string>

namespace salon::hq {

int startSandbox(const std::string& dir);
int stopSandbox(const std::string& dir);

}  // namespace salon::hq
