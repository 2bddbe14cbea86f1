// A real full disk: the store lives on a small tmpfs that sales fill up. Every
// sale either is stored whole or refused with disk_full; nothing half-written,
// the audit chain and ledgers still verify, and once space is freed the next
// sale goes through. Needs root and a kernel that lets it mount a tmpfs (CI
// runs as root); elsewhere the test says why it did not run.
#include <catch2/catch.hpp>

#include <sys/mount.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "storage/verify.h"
#include "support/settle_loop.h"
#include "support/temp_dir.h"

using namespace salon;

namespace {

// A tmpfs of `bytes` mounted on a fresh folder, unmounted when it goes.
class SmallDisk {
 public:
  explicit SmallDisk(std::size_t bytes) : where_(dir_.file("disk")) {
    std::filesystem::create_directory(where_);
    std::string opts = "size=" + std::to_string(bytes) + ",mode=0700";
    mounted_ = ::mount("tmpfs", where_.c_str(), "tmpfs", 0, opts.c_str()) == 0;
  }
  ~SmallDisk() {
    if (mounted_) ::umount2(where_.c_str(), MNT_DETACH);
  }
  bool mounted() const { return mounted_; }
  std::string file(const std::string& name) const { return where_ + "/" + name; }

 private:
  test::TempDir dir_;
  std::string where_;
  bool mounted_ = false;
};

// Fills the disk with a ballast file until only about `leave` bytes are free.
void fillLeaving(const std::string& ballast, std::uintmax_t leave) {
  auto free = std::filesystem::space(std::filesystem::path(ballast).parent_path()).available;
  REQUIRE(free > leave);
  std::ofstream(ballast, std::ios::binary) << std::string(free - leave, 'x');
}

int count(storage::Database& db, const std::string& sql) { return db.sql().execAndGet(sql).getInt(); }

}  // namespace

TEST_CASE("a real full disk: each sale is stored whole or refused, and selling resumes once space is freed") {
  SmallDisk disk(8 << 20);
  if (!disk.mounted()) {
    WARN("not run: mounting a tmpfs needs root (CAP_SYS_ADMIN); CI runs it as root");
    return;
  }
  const std::string path = disk.file("salon.db");
  test::seedLoopStore(path);
  fillLeaving(disk.file("ballast"), 1 << 20);
  auto db = storage::Database::open(path, {storage::OpenMode::Existing});
  auto setup = storage::loadCheckoutSetup(db->sql());
  storage::SaleStore store(*db, setup);
  Staff cashier{"cash", "陈前台", Role::Cashier, "前台", true};
  int stored = 0;
  std::string refusal;
  for (int i = 0; i < 100000 && refusal.empty(); ++i) {
    bool replayed = false;
    try {
      test::settleOne(store, cashier, i, replayed);
      ++stored;
    } catch (const DomainError& e) {
      refusal = e.code();
    }
  }
  INFO("sales stored before the disk was full: " << stored);
  REQUIRE(refusal == "disk_full");
  CHECK(stored > 0);
  // What was refused left nothing: exactly the ids before it, each with its audit entry.
  CHECK(count(*db, "SELECT count(*) FROM sales") == stored);
  CHECK(count(*db, "SELECT count(*) FROM sales WHERE id = '" + test::uuidFor(stored) + "'") == 0);
  CHECK(count(*db, "SELECT count(*) FROM audit_log WHERE record_id = '" + test::uuidFor(stored) + "'") == 0);
  // Space again: the same sale goes through, and the store verifies.
  std::filesystem::remove(disk.file("ballast"));
  bool replayed = true;
  test::settleOne(store, cashier, stored, replayed);
  CHECK_FALSE(replayed);
  CHECK(count(*db, "SELECT count(*) FROM sales") == stored + 1);
  db.reset();
  auto reopened = storage::Database::open(path, {storage::OpenMode::Existing});
  CHECK(reopened->quickCheck() == "ok");
  auto report = storage::verifyDatabase(*reopened);
  for (const auto& l : report.ledgers) {
    INFO(l.name << ": " << l.problem);
    CHECK(l.ok);
  }
  CHECK(report.ok());
}
