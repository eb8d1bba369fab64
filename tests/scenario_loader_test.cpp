// The scenario loader: every class of bad input is reported with the file,
// line, column and key; good input resolves to the expected config.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "mercator/scenario.hpp"
#include "temp_directory.hpp"

namespace mercator {
namespace {

namespace fs = std::filesystem;

class ScenarioLoaderTest : public TempDirectoryTest {
 protected:
  ScenarioLoaderTest() : TempDirectoryTest("loader") {}

  // The problems of a scenario that must not load.
  static std::vector<ScenarioProblem> problems_of(const std::string& path,
                                                  const std::vector<std::string>& overrides = {}) {
    try {
      load_scenario(path, overrides);
    } catch (const ScenarioError& error) {
      return error.problems();
    }
    ADD_FAILURE() << path << " loaded without problems";
    return {};
  }

  // The one problem of a scenario with exactly one mistake, formatted.
  static std::string only_problem(const std::string& path,
                                  const std::vector<std::string>& overrides = {}) {
    const std::vector<ScenarioProblem> problems = problems_of(path, overrides);
    std::string all;
    for (const ScenarioProblem& problem : problems) all += problem.format() + "\n";
    EXPECT_EQ(problems.size(), 1u) << all;
    return problems.empty() ? "" : problems.front().format();
  }

};

TEST_F(ScenarioLoaderTest, SyntaxErrorPointsAtLineAndColumn) {
  const std::string path = write("syntax.toml", "run.seed = 3\n[world\nmarkets = [\"CN\"]\n");
  const std::string problem = only_problem(path);
  EXPECT_EQ(problem.rfind(path + ":2:7: TOML syntax error", 0), 0u) << problem;
}

TEST_F(ScenarioLoaderTest, UnknownKeySuggestsTheNearestOne) {
  const std::string path = write("unknown.toml", "[run]\nname = \"x\"\nsead = 4\n");
  EXPECT_EQ(only_problem(path),
            path + ":3:1: key 'run.sead' = 4: unknown key; did you mean 'run.seed'?");
}

TEST_F(ScenarioLoaderTest, UnknownTableSuggestsTheNearestOne) {
  const std::string path = write("table.toml", "[mechanism.escrow]\nenabled = false\n");
  EXPECT_EQ(only_problem(path), path +
                                    ":2:1: key 'mechanism.escrow.enabled' = false: unknown key; "
                                    "did you mean 'mechanisms.escrow.enabled'?");
}

TEST_F(ScenarioLoaderTest, WrongType) {
  const std::string path = write("type.toml", "[run]\nseed = \"abc\"\n");
  EXPECT_EQ(only_problem(path),
            path + ":2:8: key 'run.seed' = \"abc\": wrong type; expected integer >= 0");
}

TEST_F(ScenarioLoaderTest, OutOfRange) {
  const std::string path = write("range.toml", "[[platforms]]\ncommission_rate = 1.5\n");
  EXPECT_EQ(only_problem(path), path +
                                    ":2:19: key 'platforms.0.commission_rate' = 1.5: out of "
                                    "range; expected real in [0, 1]");
}

TEST_F(ScenarioLoaderTest, NotOneOfTheChoices) {
  const std::string path = write("choice.toml", "[[platforms]]\nkind = \"shop\"\n");
  EXPECT_EQ(only_problem(path), path +
                                    ":2:8: key 'platforms.0.kind' = \"shop\": not one of the "
                                    "choices; expected one of \"marketplace\", \"content\"");
}

TEST_F(ScenarioLoaderTest, InvalidDate) {
  const std::string path = write("date.toml", "[run]\nstart_date = \"2019-02-30\"\n");
  EXPECT_EQ(only_problem(path), path +
                                    ":2:14: key 'run.start_date' = \"2019-02-30\": invalid date; "
                                    "expected date YYYY-MM-DD");
}

TEST_F(ScenarioLoaderTest, EndBeforeStartIsFoundByTheConfigCheck) {
  const std::string path =
      write("order.toml", "[run]\nstart_date = \"2015-01-01\"\nend_date = \"2014-06-30\"\n");
  const std::string problem = only_problem(path);
  EXPECT_EQ(problem.rfind(path + ":3:12: key 'run.end_date' = 2014-06-30: ", 0), 0u) << problem;
  EXPECT_NE(problem.find("after run.start_date"), std::string::npos) << problem;
}

TEST_F(ScenarioLoaderTest, UnknownMarketCode) {
  const std::string path = write("market.toml", "[world]\nmarkets = [\"CN\", \"XX\", \"US\"]\n");
  const std::string problem = only_problem(path);
  EXPECT_EQ(problem.rfind(path + ":2:11: key 'world.markets' = XX: ", 0), 0u) << problem;
}

TEST_F(ScenarioLoaderTest, UnknownEventType) {
  const std::string path =
      write("event.toml", "[[events]]\ndate = \"2012-11-11\"\ntype = \"parade\"\n");
  const std::string problem = only_problem(path);
  EXPECT_EQ(
      problem.rfind(path + ":3:8: key 'events.0.type' = \"parade\": not one of the choices", 0), 0u)
      << problem;
}

TEST_F(ScenarioLoaderTest, SetEventWithUnknownKey) {
  const std::string path = write("set.toml",
                                 "[[events]]\ndate = \"2012-01-01\"\ntype = \"set\"\n"
                                 "key = \"platforms.0.comission_rate\"\nvalue = 0.08\n");
  EXPECT_EQ(only_problem(path), path +
                                    ":4:7: key 'events.0.key' = \"platforms.0.comission_rate\": "
                                    "not a parameter; did you mean 'platforms.0.commission_rate'?");
}

TEST_F(ScenarioLoaderTest, SetEventWithABadValue) {
  const std::string path = write("set_value.toml",
                                 "[[events]]\ndate = \"2012-01-01\"\ntype = \"set\"\n"
                                 "key = \"platforms.0.commission_rate\"\nvalue = 2\n");
  EXPECT_EQ(only_problem(path), path +
                                    ":5:9: key 'events.0.value' = 2: out of range for "
                                    "'platforms.0.commission_rate'; expected real in [0, 1]");
}

TEST_F(ScenarioLoaderTest, SetEventValueMayBeAnyTomlValue) {
  const std::string path = write("set_ok.toml",
                                 "[[events]]\ndate = \"2012-01-01\"\ntype = \"set\"\n"
                                 "key = \"platforms.0.commission_rate\"\nvalue = 0.08\n"
                                 "[[events]]\ndate = \"2013-01-01\"\ntype = \"set\"\n"
                                 "key = \"platforms.0.admission\"\nvalue = \"business_only\"\n");
  const Scenario scenario = load_scenario(path);
  ASSERT_EQ(scenario.config.events.size(), 2u);
  EXPECT_EQ(scenario.config.events[0].value, "0.08");
  EXPECT_EQ(scenario.config.events[1].value, "business_only");
}

TEST_F(ScenarioLoaderTest, MissingFile) {
  const std::string path = (directory_ / "absent.toml").string();
  EXPECT_EQ(only_problem(path), path + ": file not found");
}

TEST_F(ScenarioLoaderTest, IncludeCycle) {
  const std::string first = write("first.toml", "include = \"second.toml\"\nrun.seed = 1\n");
  const std::string second = write("second.toml", "include = \"first.toml\"\nrun.seed = 2\n");
  const std::string problem = only_problem(first);
  EXPECT_EQ(problem.rfind(second + ":1:11: key 'include' = \"first.toml\": include cycle", 0), 0u)
      << problem;
}

TEST_F(ScenarioLoaderTest, MissingInclude) {
  const std::string path = write("orphan.toml", "\ninclude = \"base.toml\"\n");
  EXPECT_EQ(only_problem(path), path + ":2:11: key 'include' = \"base.toml\": file not found");
}

TEST_F(ScenarioLoaderTest, EveryProblemIsReportedAtOnce) {
  const std::string path =
      write("many.toml", "[run]\nseed = -1\nnmae = \"x\"\n[[platforms]]\nkind = 3\n");
  const std::vector<ScenarioProblem> problems = problems_of(path, {"run.start_date=soon"});
  ASSERT_EQ(problems.size(), 4u);
  EXPECT_EQ(problems[0].key, "run.seed");
  EXPECT_EQ(problems[1].key, "run.nmae");
  EXPECT_EQ(problems[2].key, "platforms.0.kind");
  EXPECT_EQ(problems[3].format(),
            "--set: key 'run.start_date' = soon: invalid date; expected date YYYY-MM-DD");
}

TEST_F(ScenarioLoaderTest, EmptyFileGivesTheDefaults) {
  const std::string path = write("empty.toml", "");
  const Scenario scenario = load_scenario(path);
  const SimulationConfig defaults;
  EXPECT_EQ(scenario.config.run.seed, defaults.run.seed);
  EXPECT_EQ(scenario.config.run.start_date, defaults.run.start_date);
  EXPECT_EQ(scenario.config.world.markets, defaults.world.markets);
  EXPECT_EQ(scenario.config.platforms.size(), defaults.platforms.size());
  EXPECT_EQ(scenario.config.base_directory, fs::absolute(directory_).string());
  const auto resolved = nlohmann::json::parse(scenario.resolved_json);
  EXPECT_EQ(resolved["run"]["seed"], defaults.run.seed);
  EXPECT_EQ(resolved["platforms"][0]["commission_rate"], defaults.platforms[0].commission_rate);
  EXPECT_TRUE(resolved["events"].is_array());
}

TEST_F(ScenarioLoaderTest, IncludingFileOverridesItsBase) {
  write("base.toml",
        "[run]\nname = \"base\"\nseed = 5\n[[platforms]]\nname = \"a\"\n[[platforms]]\nname = "
        "\"b\"\n");
  const std::string path = write(
      "child.toml", "include = \"base.toml\"\n[run]\nseed = 7\n[[platforms]]\nname = \"c\"\n");
  const Scenario scenario = load_scenario(path);
  EXPECT_EQ(scenario.config.run.name, "base");
  EXPECT_EQ(scenario.config.run.seed, 7);
  // An array of tables replaces the base's array as a whole.
  ASSERT_EQ(scenario.config.platforms.size(), 1u);
  EXPECT_EQ(scenario.config.platforms[0].name, "c");
}

TEST_F(ScenarioLoaderTest, SetOverridesTheFile) {
  const std::string path = write("set_cli.toml", "[run]\nseed = 5\nname = \"file\"\n");
  const Scenario scenario =
      load_scenario(path, {"run.seed=9", "run.name=baseline", "platforms.0.commission_rate = 0.08",
                           "world.markets=[\"CN\", \"US\"]"});
  EXPECT_EQ(scenario.config.run.seed, 9);
  EXPECT_EQ(scenario.config.run.name, "baseline");
  EXPECT_DOUBLE_EQ(scenario.config.platforms[0].commission_rate, 0.08);
  EXPECT_EQ(scenario.config.world.markets, (std::vector<std::string>{"CN", "US"}));
}

TEST_F(ScenarioLoaderTest, BadSetNamesTheCommandLine) {
  const std::string path = write("set_bad.toml", "");
  EXPECT_EQ(only_problem(path, {"run.sed=3"}),
            "--set: key 'run.sed' = 3: unknown parameter; did you mean 'run.seed'?");
  EXPECT_EQ(only_problem(path, {"run.seed"}), "--set: run.seed: not of the form key=value");
}

TEST_F(ScenarioLoaderTest, PlatformsArray) {
  const std::string path = write("platforms.toml",
                                 "[[platforms]]\nname = \"express\"\ncommission_rate = 0.08\n"
                                 "[[platforms]]\nname = \"video\"\nkind = \"content\"\n");
  const Scenario scenario = load_scenario(path);
  ASSERT_EQ(scenario.config.platforms.size(), 2u);
  EXPECT_EQ(scenario.config.platforms[0].name, "express");
  EXPECT_DOUBLE_EQ(scenario.config.platforms[0].commission_rate, 0.08);
  EXPECT_EQ(scenario.config.platforms[1].kind, "content");
  EXPECT_DOUBLE_EQ(scenario.config.platforms[1].commission_rate, PlatformConfig{}.commission_rate);
}

TEST_F(ScenarioLoaderTest, NativeTomlDatesAreAccepted) {
  const std::string path = write("dates.toml", "[run]\nstart_date = 2012-03-01\n");
  EXPECT_EQ(load_scenario(path).config.run.start_date, "2012-03-01");
}

}  // namespace
}  // namespace mercator
