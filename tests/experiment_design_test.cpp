// Experiment designs and the runs they plan: the grid is the product of the
// values in order, the Saltelli design lays out A, B and AB_i rows as the
// analysis reads them, and every point's replicate r runs with seed + r.
#include "experiment/experiment_design.hpp"

#include <gtest/gtest.h>

#include "analysis/saltelli_sample.hpp"
#include "experiment/experiment_plan.hpp"

namespace mercator {
namespace {

DesignParameter listed(std::string key, std::vector<std::string> values) {
  DesignParameter parameter;
  parameter.key = std::move(key);
  parameter.values = std::move(values);
  return parameter;
}

TEST(GridDesign, ProductOfTheValuesFirstParameterSlowest) {
  const ExperimentDesign design = grid_design(
      {listed("a", {"1", "2"}), listed("b", {"\"x\"", "\"y\"", "\"z\""}), listed("c", {"true"})});
  EXPECT_EQ(design.keys, (std::vector<std::string>{"a", "b", "c"}));
  const std::vector<std::vector<std::string>> expected = {
      {"1", "\"x\"", "true"}, {"1", "\"y\"", "true"}, {"1", "\"z\"", "true"},
      {"2", "\"x\"", "true"}, {"2", "\"y\"", "true"}, {"2", "\"z\"", "true"},
  };
  EXPECT_EQ(design.points, expected);
}

TEST(ReplicationsDesign, OnePointVaryingNothing) {
  const ExperimentDesign design = replications_design();
  EXPECT_TRUE(design.keys.empty());
  ASSERT_EQ(design.points.size(), 1u);
  EXPECT_TRUE(design.points[0].empty());
}

TEST(SaltelliDesign, RowsOfAB_iDifferFromAInParameterIOnly) {
  std::vector<DesignParameter> parameters(3);
  for (size_t i = 0; i < 3; ++i) {
    parameters[i].key = "p" + std::to_string(i);
    parameters[i].low = 0.0;
    parameters[i].high = 1.0;
  }
  const size_t n = 8;
  const ExperimentDesign design = saltelli_design(parameters, n);
  ASSERT_EQ(design.points.size(), n * 5);
  const SaltelliSample sample = saltelli_sample(n, 3);
  for (size_t row = 0; row < n; ++row) {
    const auto& a = design.points[static_cast<size_t>(saltelli_point(row, saltelli_matrix_a, 3))];
    const auto& b = design.points[static_cast<size_t>(saltelli_point(row, saltelli_matrix_b, 3))];
    for (size_t i = 0; i < 3; ++i) {
      EXPECT_EQ(std::stod(a[i]), sample.a[row][i]);
      EXPECT_EQ(std::stod(b[i]), sample.b[row][i]);
      const auto& ab =
          design.points[static_cast<size_t>(saltelli_point(row, saltelli_matrix_ab(i), 3))];
      for (size_t c = 0; c < 3; ++c) EXPECT_EQ(ab[c], c == i ? b[c] : a[c]);
    }
  }
}

TEST(ExperimentPlan, ReplicatesShareSeedsAcrossPoints) {
  ExperimentSpec spec;
  spec.replications = 3;
  spec.seed = 40;
  const ExperimentDesign design = grid_design({listed("buyers.churn_per_day", {"0.0", "0.1"})});
  const std::vector<PlannedRun> runs = plan_runs(spec, design);
  ASSERT_EQ(runs.size(), 6u);
  for (size_t k = 0; k < runs.size(); ++k) {
    EXPECT_EQ(runs[k].point, static_cast<int64_t>(k / 3));
    EXPECT_EQ(runs[k].replicate, static_cast<int64_t>(k % 3));
    EXPECT_EQ(runs[k].seed, 40 + runs[k].replicate);
  }
  EXPECT_EQ(runs[4].overrides,
            (std::vector<std::string>{"buyers.churn_per_day=0.1", "run.seed=41"}));
  EXPECT_EQ(runs[4].parameters,
            (std::vector<std::pair<std::string, std::string>>{{"buyers.churn_per_day", "0.1"}}));
  // The same spec, another value: another specification for the database.
  const std::string json = experiment_spec_json(spec, "{}", runs);
  const ExperimentDesign changed = grid_design({listed("buyers.churn_per_day", {"0.0", "0.2"})});
  EXPECT_NE(json, experiment_spec_json(spec, "{}", plan_runs(spec, changed)));
  EXPECT_EQ(json, experiment_spec_json(spec, "{}", plan_runs(spec, design)));
}

}  // namespace
}  // namespace mercator
