#pragma once
// An import file on disk, read in blocks (core's ImportSource). A regular file
// over kMaxImportBytes is refused before a byte of it is read; anything else
// (stdin as "-", a pipe, a device) is first copied into an unlinked temporary
// file, refused as soon as it passes the limit or holds a NUL byte (a CSV never
// does: `customers import /dev/zero` ends at the first block).
#include <cstdint>
#include <string>

#include "app/core/customer_import_stream.h"

namespace salon::storage {

class ImportFile : public ImportSource {
 public:
  // DomainError file_unreadable, import_too_large, encoding_unknown (NUL bytes).
  explicit ImportFile(const std::string& path);
  ~ImportFile() override;
  ImportFile(const ImportFile&) = delete;
  ImportFile& operator=(const ImportFile&) = delete;

  std::size_t read(char* buf, std::size_t n) override;
  void rewind() override;
  std::uint64_t size() const override { return size_; }
  std::string name() const override { return name_; }

 private:
  void spool(int from);

  int fd_ = -1;
  std::uint64_t size_ = 0, read_ = 0;
  std::string name_;
};

}  // namespace salon::storage
