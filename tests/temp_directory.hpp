#pragma once
// Test scaffolding shared by the tests that write files: a fixture owning a
// fresh temporary directory per test, and whole-file reading.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace mercator {

inline std::string read_file(const std::filesystem::path& path) {
  std::ifstream stream(path, std::ios::binary);
  std::ostringstream content;
  content << stream.rdbuf();
  return content.str();
}

// A directory named after the test (and the process, so parallel ctest runs
// never share one), created before each test and removed after it.
class TempDirectoryTest : public ::testing::Test {
 protected:
  explicit TempDirectoryTest(std::string prefix) : prefix_(std::move(prefix)) {}

  void SetUp() override {
    const auto* test = ::testing::UnitTest::GetInstance()->current_test_info();
    directory_ = std::filesystem::temp_directory_path() /
                 ("mercator-" + prefix_ + "-" + std::to_string(::getpid()) + "-" + test->name());
    std::filesystem::remove_all(directory_);
    std::filesystem::create_directories(directory_);
  }
  void TearDown() override { std::filesystem::remove_all(directory_); }

  // Writes a file into the directory and returns its path.
  std::string write(const std::string& name, const std::string& content) {
    const std::filesystem::path path = directory_ / name;
    std::ofstream(path) << content;
    return path.string();
  }

  std::string prefix_;
  std::filesystem::path directory_;
};

}  // namespace mercator
