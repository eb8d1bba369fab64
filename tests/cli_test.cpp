// The mercator command end to end: exit codes, messages, no output on bad
// input, and the generated scenario reference kept in step with the code.
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "command_runner.hpp"
#include "temp_directory.hpp"

namespace mercator {
namespace {

namespace fs = std::filesystem;
using test_support::CommandResult;
using test_support::run_mercator;

class CliTest : public TempDirectoryTest {
 protected:
  CliTest() : TempDirectoryTest("cli") {}

};

TEST_F(CliTest, ValidateReportsProblemsWithTheirPosition) {
  const std::string path = write("bad.toml", "[run]\nname = \"x\"\nseed = \"soon\"\n");
  const CommandResult result = run_mercator("validate " + path);
  EXPECT_EQ(result.exit_code, 2) << result.output;
  EXPECT_NE(result.output.find(path + ":3:8: key 'run.seed'"), std::string::npos) << result.output;
}

TEST_F(CliTest, ValidateSaysOkForAGoodScenario) {
  const std::string path = write("good.toml", "[run]\nseed = 4\n");
  const CommandResult result = run_mercator("validate " + path + " --set run.name=checked");
  EXPECT_EQ(result.exit_code, 0) << result.output;
  EXPECT_EQ(result.output.rfind("ok: " + path + " (", 0), 0u) << result.output;
  EXPECT_NE(result.output.find("1 platforms, 0 events)"), std::string::npos) << result.output;
}

TEST_F(CliTest, RunWithABadScenarioWritesNothing) {
  const std::string path = write("bad.toml", "[[platforms]]\ncommission_rate = 2\n");
  const fs::path out = directory_ / "runs" / "bad";
  const CommandResult result = run_mercator("run " + path + " --quiet --out " + out.string());
  EXPECT_EQ(result.exit_code, 2) << result.output;
  EXPECT_NE(result.output.find(path + ":2:19: key 'platforms.0.commission_rate'"),
            std::string::npos)
      << result.output;
  EXPECT_FALSE(fs::exists(out.parent_path()));
}

TEST_F(CliTest, RunWithABadSetWritesNothing) {
  const std::string path = write("good.toml", "");
  const fs::path out = directory_ / "runs" / "bad";
  const CommandResult result =
      run_mercator("run " + path + " --quiet --set run.sed=2 --out " + out.string());
  EXPECT_EQ(result.exit_code, 2) << result.output;
  EXPECT_NE(
      result.output.find("--set: key 'run.sed' = 2: unknown parameter; did you mean 'run.seed'?"),
      std::string::npos)
      << result.output;
  EXPECT_FALSE(fs::exists(out.parent_path()));
}

TEST_F(CliTest, RunRefusesAnOutputThatIsNotARunDirectory) {
  const std::string path = write("good.toml", "");
  const fs::path out = directory_ / "thesis";
  fs::create_directories(out);
  write("thesis/chapter1.tex", "precious");
  const CommandResult result = run_mercator("run " + path + " --quiet --out " + out.string());
  EXPECT_EQ(result.exit_code, 2) << result.output;
  EXPECT_NE(result.output.find("not a run directory"), std::string::npos) << result.output;
  EXPECT_EQ(read_file(out / "chapter1.tex"), "precious");
}

TEST_F(CliTest, UsageErrorsExitWith2) {
  EXPECT_EQ(run_mercator("").exit_code, 2);
  EXPECT_EQ(run_mercator("run").exit_code, 2);
  EXPECT_EQ(run_mercator("run x.toml --threads 0").exit_code, 2);
  EXPECT_EQ(run_mercator("--help").exit_code, 0);
}

// Two months of a small world: enough to go through every phase in well under a second.
constexpr const char* small_scenario =
    "[run]\nname = \"tiny\"\nend_date = \"2010-02-28\"\n"
    "[world]\ntable_path = \"" MERCATOR_SOURCE_DIR
    "/data/world.csv\"\n"
    "[population]\nbuyer_agents = 20000\nseller_agents = 2000\n";

TEST_F(CliTest, RunWritesACompleteRunDirectory) {
  const std::string path = write("tiny.toml", small_scenario);
  const CommandResult result =
      run_mercator("run " + path + " --seed 7 --threads 2", true, directory_.string());
  ASSERT_EQ(result.exit_code, 0) << result.output;
  const fs::path out = directory_ / "runs" / "tiny-seed7";  // the default
  for (const char* name : {"manifest.json", "metrics.csv", "events.csv", "summary.json"}) {
    EXPECT_TRUE(fs::is_regular_file(out / name)) << name;
  }
  EXPECT_NE(result.output.find("run directory: runs/tiny-seed7\n"), std::string::npos)
      << result.output;
  EXPECT_EQ(result.output.find("day "), std::string::npos) << "no progress line off a terminal";
  EXPECT_NE(read_file(out / "manifest.json").find("\"seed\": 7"), std::string::npos);
}

TEST_F(CliTest, SameSeedGivesIdenticalFilesWhateverTheThreads) {
  const std::string path = write("tiny.toml", small_scenario);
  const fs::path one = directory_ / "one";
  const fs::path two = directory_ / "two";
  ASSERT_EQ(run_mercator("run " + path + " -q --threads 1 --out " + one.string()).exit_code, 0);
  ASSERT_EQ(run_mercator("run " + path + " -q --threads 2 --out " + two.string()).exit_code, 0);
  for (const char* name : {"metrics.csv", "events.csv", "summary.json"}) {
    EXPECT_TRUE(read_file(one / name) == read_file(two / name)) << name << " differs";
  }
}

TEST(CliDocs, ScenarioReferenceIsUpToDate) {
  const CommandResult result = run_mercator("describe --markdown", false);
  ASSERT_EQ(result.exit_code, 0);
  const fs::path reference = fs::path(MERCATOR_SOURCE_DIR) / "docs" / "scenario-reference.md";
  EXPECT_TRUE(result.output == read_file(reference))
      << "docs/scenario-reference.md is stale: run `make docs` and commit the result";
}

TEST(CliDocs, DescribeListsEveryGroup) {
  const CommandResult result = run_mercator("describe", false);
  ASSERT_EQ(result.exit_code, 0);
  EXPECT_NE(result.output.find("run.seed = 1"), std::string::npos);
  EXPECT_NE(result.output.find("platforms[].commission_rate"), std::string::npos);
  EXPECT_NE(result.output.find("[mechanisms.escrow]"), std::string::npos);
}

}  // namespace
}  // namespace mercator
