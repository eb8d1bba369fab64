// The example experiments shipped in experiments/ load and plan the runs
// their comments promise, so they stay in step with the code.
#include <gtest/gtest.h>

#include <filesystem>

#include "experiment/experiment_loader.hpp"

namespace mercator {
namespace {

size_t planned_runs(const std::string& path) {
  try {
    return load_experiment(path).runs.size();
  } catch (const ScenarioError& error) {
    ADD_FAILURE() << error.what();
    return 0;
  }
}

TEST(ExperimentExamples, LoadAndPlanTheirRuns) {
  EXPECT_EQ(planned_runs("experiments/commission-sweep.toml"), 20u);
  EXPECT_EQ(planned_runs("experiments/adoption-lhs.toml"), 40u);
  EXPECT_EQ(planned_runs("experiments/bass-sensitivity.toml"), 320u);
  EXPECT_EQ(planned_runs("experiments/ecosystem-sensitivity.toml"), 192u);
  EXPECT_EQ(planned_runs("experiments/aliexpress-stage-calibration.toml"), 30u);
  size_t files = 0;
  for (const auto& entry : std::filesystem::directory_iterator("experiments"))
    files += entry.path().extension() == ".toml";
  EXPECT_EQ(files, 5u) << "a new example needs a line here";
}

}  // namespace
}  // namespace mercator
