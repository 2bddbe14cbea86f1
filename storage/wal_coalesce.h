#pragma once
// A VFS over SQLite's own that writes a commit's WAL frames to the file in one
// pwrite instead of two per page (a 24-byte frame header, then the page).
//
// Why: a settle touches ~30–45 pages. Written one by one, the kernel's work for
// those ~90 small pwrites cost more than the commit's fdatasync on this disk
// (checkout_bench under perf: pwrite 25 % of a settle, fdatasync 11 %); one write
// of the same bytes followed by the same fdatasync halves the commit.
//
// Safety: frames are held only on a connection that runs PRAGMA synchronous =
// FULL (or EXTRA), where SQLite syncs the WAL before it publishes a commit to
// other connections: the held bytes reach the file before xSync, so no reader
// can see a frame that is not in the file. Any other call on the WAL file (read,
// size, truncate, close, a write elsewhere) writes what is held first. At any
// other synchronous level the VFS passes writes straight through.
namespace salon::storage {

// Registers the VFS (once, not as the default) and returns its name for
// sqlite3_open_v2 / SQLite::Database.
const char* coalescingVfsName();

// What reached WAL files through this VFS, process-wide since start: writes
// handed to the file system and syncs. Tests read them; so could a diagnosis.
struct WalTraffic {
  long long writes = 0;
  long long syncs = 0;
};
WalTraffic walTraffic();

}  // namespace salon::storage
