#pragma once
// Files that hold the store's data outside the database (backups, their
// plaintext while it is being encrypted or checked, the backup password):
// created 0600, written to a temporary name and renamed into place, and removed
// on every path that does not keep them.
#include <cstddef>
#include <optional>
#include <string>

namespace salon::storage {

// A file created with mkstemp (mode 0600) in `dir`; unlinked by the destructor
// unless moved into place with `commitAs`.
class TempFile {
 public:
  // DomainError("backup_write_failed") when `dir` cannot hold a new file.
  TempFile(const std::string& dir, const std::string& prefix);
  ~TempFile();
  TempFile(const TempFile&) = delete;
  TempFile& operator=(const TempFile&) = delete;

  const std::string& path() const { return path_; }
  int fd() const { return fd_; }
  // Writes every byte or throws DomainError("backup_write_failed" / "disk_full").
  void write(const void* data, std::size_t size);
  // fsync; the file stays under its temporary name, open and locked.
  void finish();
  // Atomically renames the finished file to `target` and syncs the directory.
  void commitAs(const std::string& target);
  // Closes the descriptor without removing the file (SQLite opens it by name).
  void closeDescriptor();

 private:
  std::string path_;
  int fd_ = -1;
  bool kept_ = false;
};

// The directory part of `path` ("." when there is none).
std::string directoryOf(const std::string& path);
// Creates `dir` (and its parents) with mode 0700 if it is missing (an existing
// folder keeps its mode);
// DomainError("backup_write_failed") when it cannot.
void makePrivateDirectory(const std::string& dir);
// fsync on a directory, so a rename in it survives a power cut.
void syncDirectory(const std::string& dir);
// Removes what killed runs left in `dir`: ".NAME.plain-XXXXXX", ".part-",
// ".restore-" files (and their -wal/-shm/-journal) that no live TempFile holds.
// Returns how many files it removed; never throws.
int removeStaleTemporaries(const std::string& dir);
// A small key file's text without its trailing line ends; nullopt when the
// file is missing or empty.
std::optional<std::string> readKeyText(const std::string& path);
// Removes `path` if it exists; never throws.
void removeQuietly(const std::string& path);

}  // namespace salon::storage
