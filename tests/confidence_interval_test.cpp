// The 95% interval: Student t quantiles, and coverage close to 95%.
#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "analysis/confidence_interval.hpp"
#include "core/random_stream.hpp"

namespace mercator {
namespace {

TEST(ConfidenceInterval, UsesStudentTQuantiles) {
  // Two values 0 and 2: mean 1, standard error 1, t(0.975, 1) = 12.706.
  const std::vector<double> two = {0.0, 2.0};
  const MeanEstimate estimate = mean_with_ci95(two);
  EXPECT_DOUBLE_EQ(estimate.mean, 1.0);
  EXPECT_NEAR(estimate.half_width, 12.7062, 1e-3);
  EXPECT_TRUE(std::isnan(mean_with_ci95(std::vector<double>{3.0}).half_width));
}

TEST(ConfidenceInterval, CoversTheTrueMeanNinetyFivePercentOfTheTime) {
  // 4000 intervals from 5 normal draws each: coverage is binomial with
  // sd sqrt(0.95 * 0.05 / 4000) = 0.0034; allow 4 sd.
  const int trials = 4000;
  int covered = 0;
  for (int trial = 0; trial < trials; ++trial) {
    RandomStream stream(3, Purpose::Test, 0, static_cast<uint64_t>(trial));
    std::vector<double> draws(5);
    for (double& draw : draws) draw = 10.0 + 2.0 * stream.normal();
    const MeanEstimate estimate = mean_with_ci95(draws);
    if (estimate.low() <= 10.0 && 10.0 <= estimate.high()) ++covered;
  }
  EXPECT_NEAR(double(covered) / trials, 0.95, 4 * 0.0034);
}

}  // namespace
}  // namespace mercator
