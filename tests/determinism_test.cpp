// Reproducible to the bit (DESIGN.md principle 2): the same scenario and
// seed give byte-identical output files whatever the thread count, and a
// different seed gives a different run.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "io/run_directory.hpp"
#include "mercator/scenario.hpp"
#include "mercator/simulation.hpp"
#include "temp_directory.hpp"

namespace mercator {
namespace {

namespace fs = std::filesystem;


class Determinism : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = fs::temp_directory_path() / ("mercator-determinism-" + std::to_string(::getpid()));
    fs::remove_all(root_);
    fs::create_directories(root_);
  }
  void TearDown() override { fs::remove_all(root_); }

  // The default scenario, shortened to three years, run and written as a run directory.
  fs::path run(const std::string& name, unsigned threads, int64_t seed) {
    const Scenario scenario = load_scenario(
        "scenarios/default.toml", {"run.end_date=2012-12-31", "run.seed=" + std::to_string(seed)});
    Simulation simulation(scenario.config, threads);
    simulation.run();
    const fs::path out = root_ / name;
    write_run_directory(out, RunManifest{scenario.path, scenario.resolved_json, seed, threads},
                        simulation.results());
    return out;
  }

  fs::path root_;
};

TEST_F(Determinism, SameSeedSameFilesWithOneAndTwoThreads) {
  const fs::path one = run("one_thread", 1, 1);
  const fs::path two = run("two_threads", 2, 1);
  const std::string metrics = read_file(one / "metrics.csv");
  ASSERT_GT(metrics.size(), 1000u);
  // Byte for byte; EXPECT_TRUE rather than EXPECT_EQ so a failure does not print megabytes.
  EXPECT_TRUE(metrics == read_file(two / "metrics.csv")) << "metrics.csv differs between 1 and 2 threads";
  EXPECT_TRUE(read_file(one / "events.csv") == read_file(two / "events.csv")) << "events.csv differs";
  EXPECT_TRUE(read_file(one / "summary.json") == read_file(two / "summary.json")) << "summary.json differs";
  const std::string stages = read_file(one / "stages.csv");
  EXPECT_NE(stages.find("\nALL,"), std::string::npos) << "stages.csv has no ALL rows";
  EXPECT_TRUE(stages == read_file(two / "stages.csv")) << "stages.csv differs";
}

TEST_F(Determinism, DifferentSeedDifferentMetrics) {
  const fs::path first = run("seed_1", 2, 1);
  const fs::path second = run("seed_2", 2, 2);
  const std::string a = read_file(first / "metrics.csv");
  const std::string b = read_file(second / "metrics.csv");
  ASSERT_GT(a.size(), 1000u);
  ASSERT_GT(b.size(), 1000u);
  EXPECT_FALSE(a == b) << "seeds 1 and 2 gave the same metrics.csv";
}

}  // namespace
}  // namespace mercator
