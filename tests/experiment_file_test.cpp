// Experiment files: what they say is read into the spec, and every problem
// is reported at once, at its line and column in the experiment file, with
// what was expected.
#include <gtest/gtest.h>

#include <filesystem>

#include "experiment/experiment_loader.hpp"
#include "scenario/parameter_registry.hpp"
#include "temp_directory.hpp"

namespace mercator {
namespace {

namespace fs = std::filesystem;

class ExperimentFileTest : public TempDirectoryTest {
 protected:
  ExperimentFileTest() : TempDirectoryTest("experiment-file") {}

  static std::string bass() { return fs::absolute("tests/scenarios/bass.toml").string(); }

  // Every problem of loading the file, formatted, one a line.
  std::string problems_of(const std::string& path) {
    try {
      load_experiment(path);
    } catch (const ScenarioError& error) {
      std::string text;
      for (const ScenarioProblem& problem : error.problems()) text += problem.format() + "\n";
      return text;
    }
    return "";
  }
};

TEST_F(ExperimentFileTest, ReadsAGridExperiment) {
  const std::string path = write("sweep.toml", R"(
[experiment]
name = "sweep"
scenario = ")" + bass() + R"("
database = "out/sweep.sqlite"
replications = 3
seed = 10
set = ["run.end_date=\"2010-01-31\""]
[design]
kind = "grid"
[[parameters]]
key = "buyers.word_of_mouth_per_day"
values = [0.01, 0.02]
[[parameters]]
key = "mechanisms.escrow.enabled"
values = [true, false]
[outputs]
series = ["penetration"]
markets = ["US", "ALL"]
[sensitivity]
outcomes = ["final.active_buyers"]
)");
  const Experiment experiment = load_experiment(path);
  const ExperimentSpec& spec = experiment.spec;
  EXPECT_EQ(spec.name, "sweep");
  EXPECT_EQ(spec.database_path, (directory_ / "out/sweep.sqlite").string());
  EXPECT_EQ(spec.replications, 3);
  EXPECT_EQ(spec.seed, 10);
  EXPECT_EQ(spec.set, (std::vector<std::string>{"run.end_date=\"2010-01-31\""}));
  ASSERT_EQ(spec.parameters.size(), 2u);
  EXPECT_EQ(spec.parameters[0].type, ParameterType::Real);
  EXPECT_EQ(spec.parameters[1].type, ParameterType::Flag);
  EXPECT_EQ(spec.parameters[0].values, (std::vector<std::string>{"0.01", "0.02"}));
  EXPECT_EQ(spec.series_markets, (std::vector<std::string>{"US", "ALL"}));
  EXPECT_EQ(experiment.design.points.size(), 4u);
  EXPECT_EQ(experiment.runs.size(), 12u);
  EXPECT_EQ(experiment.runs.back().seed, 12);
}

TEST_F(ExperimentFileTest, DefaultsToReplicationsBesideTheFile) {
  const std::string path =
      write("plain.toml", "[experiment]\nname = \"plain\"\nscenario = \"" + bass() + "\"\n");
  const Experiment experiment = load_experiment(path);
  EXPECT_EQ(experiment.spec.design, DesignKind::Replications);
  EXPECT_EQ(experiment.spec.database_path, (directory_ / "plain.sqlite").string());
  EXPECT_EQ(experiment.runs.size(), 1u);
  EXPECT_EQ(experiment.runs[0].overrides, (std::vector<std::string>{"run.seed=1"}));
}

TEST_F(ExperimentFileTest, ReportsEveryProblemWhereItIsWritten) {
  const std::string path = write("bad.toml", R"([experiment]
name = "x"
scenario = ")" + bass() + R"("
replicatons = 2
[design]
kind = "grid"
[[parameters]]
key = "buyers.word_of_mouth"
values = [0.01, 0.02]
[[parameters]]
key = "buyers.ad_reach_per_day"
values = [0.5, 2.0]
low = 0.1
[outputs]
series = ["penetraton"]
)");
  const std::string problems = problems_of(path);
  const auto has = [&](const std::string& text) {
    return problems.find(text) != std::string::npos;
  };
  EXPECT_TRUE(has(path + ":4:1: key 'experiment.replicatons' = 2: unknown key; did you mean "
                         "'experiment.replications'?"))
      << problems;
  EXPECT_TRUE(has(path + ":8:7: key 'parameters.0.key' = \"buyers.word_of_mouth\": not a scenario "
                         "parameter; did you mean 'buyers.word_of_mouth_per_day'?"))
      << problems;
  EXPECT_TRUE(has(path + ":12:16: key 'parameters.1.values.1' = 2.0: out of range for "
                         "'buyers.ad_reach_per_day'; expected real in [0, 1]"))
      << problems;
  EXPECT_TRUE(has(path + ":13:7: key 'parameters.1.low' = 0.1: a grid design takes values, not "
                         "ranges"))
      << problems;
  EXPECT_TRUE(has(path + ":15:11: key 'outputs.series.0' = \"penetraton\": not a series of "
                         "metrics.csv; did you mean 'penetration'?"))
      << problems;
  EXPECT_EQ(std::count(problems.begin(), problems.end(), '\n'), 5) << problems;
}

TEST_F(ExperimentFileTest, SampledDesignsNeedNumericRangesThatFit) {
  const std::string path = write("lhs.toml", R"([experiment]
name = "x"
scenario = ")" + bass() + R"("
[design]
kind = "lhs"
[[parameters]]
key = "population.seller_agents"
low = 10.5
high = 20
[[parameters]]
key = "run.name"
low = 1
high = 2
[[parameters]]
key = "buyers.churn_per_day"
low = 0.0
high = 0.1
scale = "log"
[[parameters]]
key = "buyers.ad_reach_per_day"
low = 0.5
high = 0.2
)");
  const std::string problems = problems_of(path);
  const auto has = [&](const std::string& text) {
    return problems.find(text) != std::string::npos;
  };
  EXPECT_TRUE(has(path + ":4:1: key 'design.samples': missing; expected the number of Latin "
                         "hypercube points"))
      << problems;
  EXPECT_TRUE(has(path + ":8:7: key 'parameters.0.low' = 10.5: 'population.seller_agents' is an "
                         "integer parameter; expected a whole number"))
      << problems;
  EXPECT_TRUE(has(path + ":11:7: key 'parameters.1.key' = \"run.name\": a string parameter cannot "
                         "be sampled"))
      << problems;
  EXPECT_TRUE(has(path + ":16:7: key 'parameters.2.low' = 0.0: a log scale needs a positive range"))
      << problems;
  EXPECT_TRUE(has(path + ":22:8: key 'parameters.3.high' = 0.2: not above low")) << problems;
}

TEST_F(ExperimentFileTest, SetOverridesArePlacedInTheExperimentFile) {
  const std::string path = write("set.toml", R"([experiment]
name = "x"
scenario = ")" + bass() + R"("
set = ["run.end_date=\"2010-01-31\"",
       "buyers.no_such_key=1", "run.seed=4"]
)");
  const std::string problems = problems_of(path);
  EXPECT_NE(problems.find(path + ":5:8: key 'buyers.no_such_key' = 1: unknown parameter"),
            std::string::npos)
      << problems;
  EXPECT_NE(problems.find(path + ":5:32: key 'experiment.set.2' = \"run.seed=4\": the experiment "
                                 "sets run.seed itself"),
            std::string::npos)
      << problems;
}

TEST_F(ExperimentFileTest, SaltelliTakesAtMostTwentyParameters) {
  std::string text = "[experiment]\nname = \"x\"\nscenario = \"" + bass() +
                     "\"\n[design]\nkind = \"saltelli\"\nsamples = 4\n";
  size_t count = 0;
  for (const ParameterInfo& parameter : scenario_parameters().parameters) {
    if (parameter.type != ParameterType::Real || parameter.key.find("[]") != std::string::npos)
      continue;
    text += "[[parameters]]\nkey = \"" + parameter.key + "\"\nlow = 0.0\nhigh = 0.1\n";
    if (++count == 21) break;
  }
  ASSERT_EQ(count, 21u);
  const std::string problems = problems_of(write("many.toml", text));
  EXPECT_NE(problems.find("21 parameters in a saltelli design; expected at most 20"),
            std::string::npos)
      << problems;
}

TEST_F(ExperimentFileTest, MissingScenarioAndFile) {
  const std::string path =
      write("lost.toml", "[experiment]\nname = \"x\"\nscenario = \"nowhere.toml\"\n");
  EXPECT_NE(problems_of(path).find(path + ":3:12: key 'experiment.scenario' = \"nowhere.toml\": "
                                          "file not found"),
            std::string::npos)
      << problems_of(path);
  const std::string absent = (directory_ / "absent.toml").string();
  EXPECT_NE(problems_of(absent).find(absent + ": file not found"), std::string::npos);
}

}  // namespace
}  // namespace mercator
