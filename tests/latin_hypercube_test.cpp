// Latin hypercube designs: one point in each of the n strata of every
// parameter's range (linear, logarithmic and integer), reproducible from the
// seed and different for another seed.
#include "analysis/latin_hypercube.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <numeric>

#include "experiment/experiment_design.hpp"

namespace mercator {
namespace {

// The stratum (0..n-1) of each point's coordinate, sorted: 0..n-1 when
// every stratum holds exactly one point.
std::vector<size_t> sorted_strata(const std::vector<double>& positions, size_t n) {
  std::vector<size_t> strata;
  for (const double position : positions)
    strata.push_back(static_cast<size_t>(std::floor(position * static_cast<double>(n))));
  std::sort(strata.begin(), strata.end());
  return strata;
}

std::vector<size_t> every_stratum(size_t n) {
  std::vector<size_t> strata(n);
  std::iota(strata.begin(), strata.end(), size_t{0});
  return strata;
}

TEST(LatinHypercube, OnePointPerStratumInEveryDimension) {
  const size_t n = 37;
  RandomStream stream(5, Purpose::ExperimentDesign, 0, 0);
  const auto points = latin_hypercube(n, 4, stream);
  ASSERT_EQ(points.size(), n);
  for (size_t d = 0; d < 4; ++d) {
    std::vector<double> column;
    for (const auto& point : points) {
      ASSERT_GE(point[d], 0.0);
      ASSERT_LT(point[d], 1.0);
      column.push_back(point[d]);
    }
    EXPECT_EQ(sorted_strata(column, n), every_stratum(n)) << "dimension " << d;
  }
}

TEST(LatinHypercube, SameSeedSameDesignOtherSeedOtherDesign) {
  RandomStream first(5, Purpose::ExperimentDesign, 0, 0);
  RandomStream again(5, Purpose::ExperimentDesign, 0, 0);
  RandomStream other(6, Purpose::ExperimentDesign, 0, 0);
  const auto design = latin_hypercube(20, 3, first);
  EXPECT_EQ(design, latin_hypercube(20, 3, again));
  EXPECT_NE(design, latin_hypercube(20, 3, other));
}

DesignParameter range(std::string key, ParameterType type, double low, double high,
                      RangeScale scale = RangeScale::Linear) {
  DesignParameter parameter;
  parameter.key = std::move(key);
  parameter.type = type;
  parameter.low = low;
  parameter.high = high;
  parameter.scale = scale;
  return parameter;
}

// The design's values, parsed back from their TOML text, in each
// parameter's own strata: linear, logarithmic, and one integer each.
TEST(LatinHypercubeDesign, EachRangeSplitIntoStrataWithOnePointEach) {
  const size_t n = 12;
  const std::vector<DesignParameter> parameters = {
      range("platforms.0.commission_rate", ParameterType::Real, 0.02, 0.2),
      range("buyers.ad_reach_per_day", ParameterType::Real, 1e-4, 1e-1, RangeScale::Log),
      range("population.seller_agents", ParameterType::Integer, 100, 111),
  };
  const ExperimentDesign design = latin_hypercube_design(parameters, n, 9);
  ASSERT_EQ(design.points.size(), n);
  EXPECT_EQ(design.keys,
            (std::vector<std::string>{"platforms.0.commission_rate", "buyers.ad_reach_per_day",
                                      "population.seller_agents"}));
  std::vector<double> linear, logarithmic, integers;
  for (const auto& point : design.points) {
    const double rate = std::stod(point[0]);
    const double reach = std::stod(point[1]);
    linear.push_back((rate - 0.02) / (0.2 - 0.02));
    logarithmic.push_back((std::log(reach) - std::log(1e-4)) / (std::log(1e-1) - std::log(1e-4)));
    ASSERT_EQ(point[2].find('.'), std::string::npos) << "integer parameter given " << point[2];
    integers.push_back(std::stod(point[2]));
  }
  EXPECT_EQ(sorted_strata(linear, n), every_stratum(n));
  EXPECT_EQ(sorted_strata(logarithmic, n), every_stratum(n));
  // 12 points over the 12 integers 100..111: each integer exactly once.
  std::sort(integers.begin(), integers.end());
  for (size_t k = 0; k < n; ++k) EXPECT_EQ(integers[k], 100.0 + static_cast<double>(k));
  EXPECT_EQ(design.points, latin_hypercube_design(parameters, n, 9).points);
  EXPECT_NE(design.points, latin_hypercube_design(parameters, n, 10).points);
}

TEST(SampledValue, MapsTheUnitIntervalOntoTheRange) {
  const DesignParameter rate = range("r", ParameterType::Real, 0.5, 1.5);
  EXPECT_EQ(sampled_value(rate, 0.0), "0.5");
  EXPECT_EQ(sampled_value(rate, 0.25), "0.75");
  const DesignParameter log_rate = range("r", ParameterType::Real, 0.01, 1.0, RangeScale::Log);
  EXPECT_NEAR(std::stod(sampled_value(log_rate, 0.5)), 0.1, 1e-12);
  const DesignParameter count = range("n", ParameterType::Integer, 1, 3);
  EXPECT_EQ(sampled_value(count, 0.0), "1");
  EXPECT_EQ(sampled_value(count, 0.34), "2");
  EXPECT_EQ(sampled_value(count, 0.999999), "3");
}

}  // namespace
}  // namespace mercator
