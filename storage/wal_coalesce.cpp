#include "storage/wal_coalesce.h"

#include <sqlite3.h>

#include <algorithm>
#include <atomic>
#include <mutex>
#include <vector>

namespace salon::storage {
namespace {

// A commit bigger than this goes to the file in parts: memory stays bounded
// during a migration or an import that writes thousands of pages at once.
constexpr std::size_t kHoldAtMost = std::size_t{1} << 20;

sqlite3_vfs gVfs;  // filled once by coalescingVfsName()
std::atomic<long long> gWalWrites{0}, gWalSyncs{0};
sqlite3_vfs* real() { return static_cast<sqlite3_vfs*>(gVfs.pAppData); }

// Our file, with SQLite's own file object right behind it in the same block.
struct ShimFile {
  sqlite3_file base;  // first, so SQLite's pointer is ours
  sqlite3_file* real;
  bool isWal;
  // A database file: whether its connection syncs every commit, and its WAL.
  bool syncFull;
  ShimFile* wal;
  // A WAL file: its database file (null once that closed) and the bytes held.
  ShimFile* main;
  std::vector<char>* held;
  sqlite3_int64 heldAt;
};

ShimFile* shim(sqlite3_file* f) { return reinterpret_cast<ShimFile*>(f); }
const sqlite3_io_methods* io(ShimFile* f) { return f->real->pMethods; }

// The unix VFS writes at most 128 KiB - 1 per pwrite and takes a write whose rest
// is exactly 128 KiB for a full disk (seekAndWriteFd masks the count with
// 0x1ffff), so what is held goes out in parts below that.
constexpr std::size_t kWriteAtMost = 0x1f000;

int flush(ShimFile* f) {
  if (!f->held || f->held->empty()) return SQLITE_OK;
  const std::vector<char>& h = *f->held;
  int rc = SQLITE_OK;
  for (std::size_t done = 0; done < h.size() && rc == SQLITE_OK;) {
    std::size_t n = std::min(kWriteAtMost, h.size() - done);
    rc = io(f)->xWrite(f->real, h.data() + done, static_cast<int>(n), f->heldAt + static_cast<sqlite3_int64>(done));
    done += n;
    gWalWrites++;
  }
  f->held->clear();
  return rc;
}

bool holding(ShimFile* f) { return f->isWal && f->main && f->main->syncFull; }

int xClose(sqlite3_file* pf) {
  ShimFile* f = shim(pf);
  int rc = flush(f);
  if (f->isWal && f->main) f->main->wal = nullptr;
  if (!f->isWal && f->wal) {
    f->wal->main = nullptr;
    flush(f->wal);
  }
  delete f->held;
  f->held = nullptr;
  int closed = io(f)->xClose(f->real);
  return rc != SQLITE_OK ? rc : closed;
}

int xRead(sqlite3_file* pf, void* buf, int n, sqlite3_int64 off) {
  ShimFile* f = shim(pf);
  if (int rc = flush(f)) return rc;
  return io(f)->xRead(f->real, buf, n, off);
}

int xWrite(sqlite3_file* pf, const void* buf, int n, sqlite3_int64 off) {
  ShimFile* f = shim(pf);
  if (!holding(f)) {
    if (int rc = flush(f)) return rc;
    if (f->isWal) gWalWrites++;
    return io(f)->xWrite(f->real, buf, n, off);
  }
  std::vector<char>& h = *f->held;
  // Only a run of writes each starting where the last ended is held together.
  if (!h.empty() && off != f->heldAt + static_cast<sqlite3_int64>(h.size())) {
    if (int rc = flush(f)) return rc;
  }
  if (h.empty()) f->heldAt = off;
  const char* p = static_cast<const char*>(buf);
  h.insert(h.end(), p, p + n);
  return h.size() >= kHoldAtMost ? flush(f) : SQLITE_OK;
}

int xTruncate(sqlite3_file* pf, sqlite3_int64 size) {
  ShimFile* f = shim(pf);
  if (int rc = flush(f)) return rc;
  return io(f)->xTruncate(f->real, size);
}

int xSync(sqlite3_file* pf, int flags) {
  ShimFile* f = shim(pf);
  if (int rc = flush(f)) return rc;  // SQLITE_FULL stays SQLITE_FULL: the commit says disk full
  if (f->isWal) gWalSyncs++;
  return io(f)->xSync(f->real, flags);
}

int xFileSize(sqlite3_file* pf, sqlite3_int64* size) {
  ShimFile* f = shim(pf);
  if (int rc = flush(f)) return rc;
  return io(f)->xFileSize(f->real, size);
}

int xLock(sqlite3_file* pf, int l) { return io(shim(pf))->xLock(shim(pf)->real, l); }
int xUnlock(sqlite3_file* pf, int l) { return io(shim(pf))->xUnlock(shim(pf)->real, l); }
int xCheckReservedLock(sqlite3_file* pf, int* out) { return io(shim(pf))->xCheckReservedLock(shim(pf)->real, out); }
int xSectorSize(sqlite3_file* pf) { return io(shim(pf))->xSectorSize(shim(pf)->real); }
int xDeviceCharacteristics(sqlite3_file* pf) { return io(shim(pf))->xDeviceCharacteristics(shim(pf)->real); }

// PRAGMA synchronous reaches the database file first: FULL and EXTRA hold frames.
void notePragma(ShimFile* f, void* arg) {
  char** words = static_cast<char**>(arg);
  if (!words[1] || !words[2] || sqlite3_stricmp(words[1], "synchronous") != 0) return;
  const char* v = words[2];
  bool full = !sqlite3_stricmp(v, "full") || !sqlite3_stricmp(v, "extra") || !sqlite3_stricmp(v, "2") ||
              !sqlite3_stricmp(v, "3");
  if (!full && f->wal) flush(f->wal);
  f->syncFull = full;
}

int xFileControl(sqlite3_file* pf, int op, void* arg) {
  ShimFile* f = shim(pf);
  if (f->isWal) {
    if (int rc = flush(f)) return rc;
  } else if (op == SQLITE_FCNTL_PRAGMA) {
    notePragma(f, arg);
  }
  return io(f)->xFileControl(f->real, op, arg);
}

int xShmMap(sqlite3_file* pf, int pg, int sz, int extend, void volatile** out) {
  return io(shim(pf))->xShmMap(shim(pf)->real, pg, sz, extend, out);
}
int xShmLock(sqlite3_file* pf, int off, int n, int flags) { return io(shim(pf))->xShmLock(shim(pf)->real, off, n, flags); }
void xShmBarrier(sqlite3_file* pf) { io(shim(pf))->xShmBarrier(shim(pf)->real); }
int xShmUnmap(sqlite3_file* pf, int del) { return io(shim(pf))->xShmUnmap(shim(pf)->real, del); }
int xFetch(sqlite3_file* pf, sqlite3_int64 off, int n, void** out) {
  return io(shim(pf))->xFetch(shim(pf)->real, off, n, out);
}
int xUnfetch(sqlite3_file* pf, sqlite3_int64 off, void* p) { return io(shim(pf))->xUnfetch(shim(pf)->real, off, p); }

// Version 3, as the unix VFS's own methods are (shimOpen refuses anything older).
const sqlite3_io_methods kMethods = {
    3,           xClose,      xRead,       xWrite,      xTruncate,   xSync,      xFileSize,
    xLock,       xUnlock,     xCheckReservedLock,       xFileControl, xSectorSize, xDeviceCharacteristics,
    xShmMap,     xShmLock,    xShmBarrier, xShmUnmap,   xFetch,      xUnfetch};

void linkToDatabase(ShimFile* f, const char* walName) {
  sqlite3_file* mainFile = walName ? sqlite3_database_file_object(walName) : nullptr;
  if (!mainFile || mainFile->pMethods != &kMethods) return;
  f->main = shim(mainFile);
  f->main->wal = f;
}

int shimOpen(sqlite3_vfs*, sqlite3_filename name, sqlite3_file* pf, int flags, int* outFlags) {
  ShimFile* f = shim(pf);
  f->real = reinterpret_cast<sqlite3_file*>(f + 1);
  f->isWal = (flags & SQLITE_OPEN_WAL) != 0;
  f->syncFull = false;
  f->wal = nullptr;
  f->main = nullptr;
  f->held = nullptr;
  f->heldAt = 0;
  int rc = real()->xOpen(real(), name, f->real, flags, outFlags);
  if (!f->real->pMethods) {
    pf->pMethods = nullptr;
    return rc;
  }
  // Shared memory and mmap are only forwarded to files that have them.
  if (f->real->pMethods->iVersion < 3) {
    pf->pMethods = nullptr;
    f->real->pMethods->xClose(f->real);
    return SQLITE_CANTOPEN;
  }
  pf->pMethods = &kMethods;
  if (rc == SQLITE_OK && f->isWal) {
    f->held = new std::vector<char>();
    linkToDatabase(f, name);
  }
  return rc;
}

// The rest of the VFS is SQLite's own, called with its own object.
int vDelete(sqlite3_vfs*, const char* n, int sync) { return real()->xDelete(real(), n, sync); }
int vAccess(sqlite3_vfs*, const char* n, int flags, int* out) { return real()->xAccess(real(), n, flags, out); }
int vFullPathname(sqlite3_vfs*, const char* n, int size, char* out) {
  return real()->xFullPathname(real(), n, size, out);
}
void* vDlOpen(sqlite3_vfs*, const char* n) { return real()->xDlOpen(real(), n); }
void vDlError(sqlite3_vfs*, int n, char* out) { real()->xDlError(real(), n, out); }
void (*vDlSym(sqlite3_vfs*, void* h, const char* s))(void) { return real()->xDlSym(real(), h, s); }
void vDlClose(sqlite3_vfs*, void* h) { real()->xDlClose(real(), h); }
int vRandomness(sqlite3_vfs*, int n, char* out) { return real()->xRandomness(real(), n, out); }
int vSleep(sqlite3_vfs*, int us) { return real()->xSleep(real(), us); }
int vCurrentTime(sqlite3_vfs*, double* out) { return real()->xCurrentTime(real(), out); }
int vGetLastError(sqlite3_vfs*, int n, char* out) { return real()->xGetLastError(real(), n, out); }
int vCurrentTimeInt64(sqlite3_vfs*, sqlite3_int64* out) { return real()->xCurrentTimeInt64(real(), out); }

}  // namespace

WalTraffic walTraffic() { return {gWalWrites.load(), gWalSyncs.load()}; }

const char* coalescingVfsName() {
  static std::once_flag once;
  std::call_once(once, [] {
    sqlite3_vfs* base = sqlite3_vfs_find(nullptr);
    gVfs = sqlite3_vfs{};
    gVfs.iVersion = 2;
    gVfs.szOsFile = static_cast<int>(sizeof(ShimFile)) + base->szOsFile;
    gVfs.mxPathname = base->mxPathname;
    gVfs.zName = "salon-wal";
    gVfs.pAppData = base;
    gVfs.xOpen = shimOpen;
    gVfs.xDelete = vDelete;
    gVfs.xAccess = vAccess;
    gVfs.xFullPathname = vFullPathname;
    gVfs.xDlOpen = vDlOpen;
    gVfs.xDlError = vDlError;
    gVfs.xDlSym = vDlSym;
    gVfs.xDlClose = vDlClose;
    gVfs.xRandomness = vRandomness;
    gVfs.xSleep = vSleep;
    gVfs.xCurrentTime = vCurrentTime;
    gVfs.xGetLastError = vGetLastError;
    gVfs.xCurrentTimeInt64 = vCurrentTimeInt64;
    sqlite3_vfs_register(&gVfs, 0);
  });
  return "salon-wal";
}

}  // namespace salon::storage
