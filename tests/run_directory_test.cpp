// Run directories appear whole or not at all.
#include "io/run_directory.hpp"
#include "temp_directory.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace mercator {
namespace {

namespace fs = std::filesystem;


RunResults small_results(double gmv) {
  RunResults results;
  MetricsTable& metrics = results.metrics;
  metrics.series_names = {"gmv_usd", "active_buyers"};
  metrics.market_codes = {"CN", "ALL"};
  metrics.day_dates = {"2010-01-01", "2010-01-02"};
  metrics.row_day = {0, 0, 1, 1};
  metrics.row_market = {0, 1, 0, 1};
  metrics.values = {gmv, gmv, 0.1, 0.1, 1e20, 1e20, 3, 3};
  results.events.push_back(
      EventRecord{1, "2010-01-02", "CN", "platform", "festival", "11.11, \"big\""});
  results.summary_json = R"({"final": {"gmv_usd": 12.5}})";
  return results;
}

class RunDirectoryTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto* test = ::testing::UnitTest::GetInstance()->current_test_info();
    root_ = fs::temp_directory_path() /
            ("mercator-rundir-" + std::to_string(::getpid()) + "-" + test->name());
    fs::remove_all(root_);
    fs::create_directories(root_);
    out_ = root_ / "runs" / "demo";
  }
  void TearDown() override { fs::remove_all(root_); }

  // Only the run directory itself may be left beside it: no partial or old copies.
  size_t entries_beside_out() const {
    if (!fs::exists(out_.parent_path())) return 0;
    return std::distance(fs::directory_iterator(out_.parent_path()), fs::directory_iterator());
  }

  RunManifest manifest() const {
    return RunManifest{"scenarios/demo.toml", R"({"run": {"seed": 3}})", 3, 2};
  }

  fs::path root_;
  fs::path out_;
};

TEST_F(RunDirectoryTest, FailedWriteLeavesNoDirectory) {
  EXPECT_THROW(publish_directory(out_,
                                 [](const fs::path& directory) {
                                   std::ofstream(directory / "metrics.csv") << "day\n";
                                   throw std::runtime_error("disk full");
                                 }),
               std::runtime_error);
  EXPECT_FALSE(fs::exists(out_));
  EXPECT_EQ(entries_beside_out(), 0u);
}

TEST_F(RunDirectoryTest, BadSummaryLeavesNoDirectory) {
  RunResults results = small_results(1);
  results.summary_json = "{not json";
  EXPECT_ANY_THROW(write_run_directory(out_, manifest(), results));
  EXPECT_FALSE(fs::exists(out_));
  EXPECT_EQ(entries_beside_out(), 0u);
}

TEST_F(RunDirectoryTest, CompletedRunHasAllFiles) {
  write_run_directory(out_, manifest(), small_results(1234.5));
  for (const char* name : {"manifest.json", "metrics.csv", "events.csv", "summary.json"}) {
    EXPECT_TRUE(fs::is_regular_file(out_ / name)) << name;
  }
  EXPECT_EQ(entries_beside_out(), 1u);
  EXPECT_EQ(read_file(out_ / "metrics.csv"),
            "day,date,market,gmv_usd,active_buyers\n"
            "0,2010-01-01,CN,1234.5,1234.5\n"
            "0,2010-01-01,ALL,0.1,0.1\n"
            "1,2010-01-02,CN,1e+20,1e+20\n"
            "1,2010-01-02,ALL,3,3\n");
  EXPECT_EQ(read_file(out_ / "events.csv"),
            "day,date,market,platform,type,detail\n"
            "1,2010-01-02,CN,platform,festival,\"11.11, \"\"big\"\"\"\n");
  EXPECT_EQ(read_file(out_ / "summary.json"), "{\n  \"final\": {\n    \"gmv_usd\": 12.5\n  }\n}\n");
  const std::string manifest_text = read_file(out_ / "manifest.json");
  EXPECT_NE(manifest_text.find("\"seed\": 3"), std::string::npos) << manifest_text;
  EXPECT_NE(manifest_text.find("\"threads\": 2"), std::string::npos) << manifest_text;
  EXPECT_NE(manifest_text.find("\"mercator_version\""), std::string::npos) << manifest_text;
}

TEST_F(RunDirectoryTest, SameResultsGiveIdenticalFiles) {
  write_run_directory(out_, manifest(), small_results(0.1 + 0.2));
  const std::string first = read_file(out_ / "metrics.csv");
  write_run_directory(out_, manifest(), small_results(0.1 + 0.2));
  EXPECT_EQ(read_file(out_ / "metrics.csv"), first);
  EXPECT_NE(first.find("0.30000000000000004"), std::string::npos) << "shortest round-trip text";
}

TEST_F(RunDirectoryTest, ReplacesAFinishedRun) {
  write_run_directory(out_, manifest(), small_results(1));
  write_run_directory(out_, manifest(), small_results(2));
  EXPECT_NE(read_file(out_ / "metrics.csv").find("0,2010-01-01,CN,2,2"), std::string::npos);
  EXPECT_EQ(entries_beside_out(), 1u);
}

TEST_F(RunDirectoryTest, RefusesADirectoryThatIsNotARun) {
  fs::create_directories(out_);
  std::ofstream(out_ / "thesis.tex") << "precious";
  EXPECT_THROW(check_run_directory_target(out_), RunDirectoryError);
  EXPECT_THROW(write_run_directory(out_, manifest(), small_results(1)), RunDirectoryError);
  EXPECT_EQ(read_file(out_ / "thesis.tex"), "precious");
  EXPECT_FALSE(fs::exists(out_ / "manifest.json"));
  EXPECT_EQ(entries_beside_out(), 1u);
}

TEST(CsvField, QuotesOnlyWhenNeeded) {
  EXPECT_EQ(csv_field("plain"), "plain");
  EXPECT_EQ(csv_field("a,b"), "\"a,b\"");
  EXPECT_EQ(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
  EXPECT_EQ(csv_field("two\nlines"), "\"two\nlines\"");
}

}  // namespace
}  // namespace mercator
