#include "report/atomic_file.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include <fstream>

#include "core/input_error.hpp"

namespace mercator::report {
namespace {

namespace fs = std::filesystem;

fs::path temporary_sibling(const fs::path& file) {
  return file.parent_path() / fmt::format(".{}.tmp-{}", file.filename().string(), ::getpid());
}

void write_whole(const fs::path& file, std::string_view content) {
  std::ofstream stream(file, std::ios::binary | std::ios::trunc);
  if (!stream) throw InputError(fmt::format("cannot create {}", file.string()));
  stream.write(content.data(), static_cast<std::streamsize>(content.size()));
  stream.close();
  if (!stream) throw InputError(fmt::format("cannot write {} (disk full?)", file.string()));
}

}  // namespace

void write_file_atomically(const fs::path& file, std::string_view content) {
  const fs::path directory = file.parent_path().empty() ? fs::path(".") : file.parent_path();
  if (!fs::is_directory(directory)) {
    throw InputError(fmt::format("{}: cannot write there; expected a file in an existing directory",
                                 file.string()));
  }
  if (fs::is_directory(file)) {
    throw InputError(
        fmt::format("{} is a directory; expected a file name for the report", file.string()));
  }
  const fs::path temporary = temporary_sibling(file);
  try {
    write_whole(temporary, content);
    fs::rename(temporary, file);
  } catch (const std::exception& error) {
    std::error_code ignored;
    fs::remove(temporary, ignored);
    throw InputError(fmt::format("{}: {}; expected a writable file in an existing directory",
                                 file.string(), error.what()));
  }
}

}  // namespace mercator::report
