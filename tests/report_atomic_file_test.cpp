// A report file is written whole or not at all.
#include <gtest/gtest.h>

#include <string>

#include "core/input_error.hpp"
#include "report/atomic_file.hpp"
#include "temp_directory.hpp"

namespace mercator {
namespace {

namespace fs = std::filesystem;

class ReportAtomicFileTest : public TempDirectoryTest {
 protected:
  ReportAtomicFileTest() : TempDirectoryTest("report-atomic") {}

  size_t entries() const {
    return static_cast<size_t>(
        std::distance(fs::directory_iterator(directory_), fs::directory_iterator()));
  }
};

TEST_F(ReportAtomicFileTest, WritesAndReplacesLeavingNoTemporaryFile) {
  const fs::path file = directory_ / "report.html";
  report::write_file_atomically(file, "first");
  EXPECT_EQ(read_file(file), "first");
  report::write_file_atomically(file, std::string(100000, 'x'));
  EXPECT_EQ(read_file(file), std::string(100000, 'x'));
  EXPECT_EQ(entries(), 1u);
}

TEST_F(ReportAtomicFileTest, AMissingDirectoryIsAnInputErrorAndWritesNothing) {
  const fs::path file = directory_ / "absent" / "report.html";
  try {
    report::write_file_atomically(file, "content");
    FAIL() << "no error";
  } catch (const InputError& error) {
    EXPECT_EQ(std::string(error.what()),
              file.string() + ": cannot write there; expected a file in an existing directory");
  }
  EXPECT_EQ(entries(), 0u);
}

TEST_F(ReportAtomicFileTest, ADirectoryInTheWayIsAnInputErrorAndStaysAsItWas) {
  const fs::path file = directory_ / "report.html";
  fs::create_directory(file);
  write("report.html/inside.txt", "kept");
  EXPECT_THROW(report::write_file_atomically(file, "content"), InputError);
  EXPECT_EQ(read_file(file / "inside.txt"), "kept");
  EXPECT_EQ(entries(), 1u);
}

}  // namespace
}  // namespace mercator
