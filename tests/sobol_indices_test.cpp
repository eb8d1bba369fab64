// Sobol indices (analysis/sobol_indices) through the Saltelli sample
// (analysis/saltelli_sample): the Ishigami function's analytic indices are
// recovered within the bootstrap's error, a linear model's exactly known
// shares likewise, and a parameter the model ignores gets a total of zero.
#include "analysis/sobol_indices.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <functional>
#include <numbers>

#include "analysis/saltelli_sample.hpp"
#include "analysis/sobol_sequence.hpp"
#include "core/input_error.hpp"

namespace mercator {
namespace {

using Model = std::function<double(const std::vector<double>&)>;

SaltelliOutputs evaluate(const SaltelliSample& sample, const Model& model) {
  SaltelliOutputs outputs;
  outputs.ab.resize(sample.parameters());
  for (size_t row = 0; row < sample.base_samples(); ++row) {
    outputs.a.push_back(model(sample.a[row]));
    outputs.b.push_back(model(sample.b[row]));
    for (size_t i = 0; i < sample.parameters(); ++i)
      outputs.ab[i].push_back(model(sample.ab_row(i, row)));
  }
  return outputs;
}

// Ishigami & Homma (1990) with a = 7, b = 0.1, inputs uniform on [-pi, pi].
constexpr double ishigami_a = 7.0;
constexpr double ishigami_b = 0.1;

double ishigami(const std::vector<double>& unit) {
  const auto x = [&](size_t i) { return std::numbers::pi * (2.0 * unit[i] - 1.0); };
  return std::sin(x(0)) + ishigami_a * std::pow(std::sin(x(1)), 2) +
         ishigami_b * std::pow(x(2), 4) * std::sin(x(0));
}

struct AnalyticIndices {
  std::vector<double> first_order, total;
};

// Sobol & Levitan (1999): the variance and its parts in closed form.
AnalyticIndices ishigami_indices() {
  const double pi4 = std::pow(std::numbers::pi, 4);
  const double pi8 = pi4 * pi4;
  const double v1 = 0.5 * std::pow(1.0 + ishigami_b * pi4 / 5.0, 2);
  const double v2 = ishigami_a * ishigami_a / 8.0;
  const double v13 = ishigami_b * ishigami_b * pi8 * (1.0 / 18.0 - 1.0 / 50.0);
  const double variance = v1 + v2 + v13;
  return {{v1 / variance, v2 / variance, 0.0},
          {(v1 + v13) / variance, v2 / variance, v13 / variance}};
}

TEST(SobolIndices, IshigamiClosedFormMatchesThePublishedValues) {
  const AnalyticIndices truth = ishigami_indices();
  const std::vector<double> published_first = {0.3139, 0.4424, 0.0};
  const std::vector<double> published_total = {0.5576, 0.4424, 0.2437};
  for (size_t i = 0; i < 3; ++i) {
    EXPECT_NEAR(truth.first_order[i], published_first[i], 5e-5) << "S" << i + 1;
    EXPECT_NEAR(truth.total[i], published_total[i], 5e-5) << "ST" << i + 1;
  }
}

// The estimators are unbiased up to O(1/N), so with N = 8192 base rows the
// error is sampling error, which the bootstrap measures: each estimate must
// lie within 4 bootstrap standard errors of the truth (a miss by chance is
// below 1e-4 for a normal error), and within its own 95% interval.
TEST(SobolIndices, IshigamiRecoversTheAnalyticIndices) {
  const size_t n = 8192;
  const SaltelliOutputs outputs = evaluate(saltelli_sample(n, 3), ishigami);
  RandomStream resampling(11, Purpose::Resampling, 0, 0);
  const std::vector<SobolIndex> indices = sobol_indices(outputs, 500, resampling);
  const AnalyticIndices truth = ishigami_indices();
  const double z = 1.959963984540054;
  ASSERT_EQ(indices.size(), 3u);
  for (size_t i = 0; i < 3; ++i) {
    const SobolIndex& index = indices[i];
    ASSERT_GT(index.first_order_ci, 0.0);
    ASSERT_GT(index.total_ci, 0.0);
    // The interval is of the order of the sampling error at this N, not wide
    // enough to pass anything: 1/sqrt(N) ~ 0.011.
    EXPECT_LT(index.first_order_ci, 0.05) << "S" << i + 1;
    EXPECT_LT(index.total_ci, 0.05) << "ST" << i + 1;
    EXPECT_NEAR(index.first_order, truth.first_order[i], 4.0 * index.first_order_ci / z)
        << "S" << i + 1;
    EXPECT_NEAR(index.total, truth.total[i], 4.0 * index.total_ci / z) << "ST" << i + 1;
    EXPECT_NEAR(index.first_order, truth.first_order[i], index.first_order_ci)
        << "the 95% interval of S" << i + 1 << " misses the truth";
    EXPECT_NEAR(index.total, truth.total[i], index.total_ci)
        << "the 95% interval of ST" << i + 1 << " misses the truth";
  }
}

// f = x1 + 2 x2 with x uniform on [0, 1): variances 1/12 and 4/12, no
// interactions, so S = ST = (1/5, 4/5, 0); x3 is ignored entirely.
TEST(SobolIndices, LinearModelSharesAndAnIgnoredParameter) {
  const SaltelliOutputs outputs = evaluate(
      saltelli_sample(4096, 3), [](const std::vector<double>& x) { return x[0] + 2 * x[1]; });
  RandomStream resampling(3, Purpose::Resampling, 0, 0);
  const std::vector<SobolIndex> indices = sobol_indices(outputs, 300, resampling);
  const std::vector<double> shares = {0.2, 0.8, 0.0};
  for (size_t i = 0; i < 3; ++i) {
    EXPECT_NEAR(indices[i].first_order, shares[i], indices[i].first_order_ci) << "S" << i + 1;
    EXPECT_NEAR(indices[i].total, shares[i], indices[i].total_ci) << "ST" << i + 1;
  }
  // AB_3 differs from A only in x3, so every f(AB_3) equals f(A): exactly 0.
  EXPECT_EQ(indices[2].total, 0.0);
  EXPECT_EQ(indices[2].total_ci, 0.0);
}

// Indices are shares of variance, so a constant added to the output must
// not move them: the first-order estimator centres f(B) for that reason.
TEST(SobolIndices, ShiftingTheOutputChangesNothing) {
  const SaltelliSample sample = saltelli_sample(256, 3);
  const std::vector<size_t> rows = [] {
    std::vector<size_t> all(256);
    for (size_t j = 0; j < all.size(); ++j) all[j] = j;
    return all;
  }();
  const SobolEstimate plain = sobol_estimate(evaluate(sample, ishigami), rows);
  const SobolEstimate shifted = sobol_estimate(
      evaluate(sample, [](const std::vector<double>& x) { return 1e6 + ishigami(x); }), rows);
  for (size_t i = 0; i < 3; ++i) {
    EXPECT_NEAR(shifted.first_order[i], plain.first_order[i], 1e-6) << "S" << i + 1;
    EXPECT_NEAR(shifted.total[i], plain.total[i], 1e-6) << "ST" << i + 1;
  }
}

TEST(SobolIndices, ConstantOutputGivesNoIndices) {
  const SaltelliOutputs outputs =
      evaluate(saltelli_sample(64, 2), [](const std::vector<double>&) { return 5.0; });
  RandomStream resampling(1, Purpose::Resampling, 0, 0);
  const std::vector<SobolIndex> indices = sobol_indices(outputs, 10, resampling);
  EXPECT_TRUE(std::isnan(indices[0].first_order));
  EXPECT_TRUE(std::isnan(indices[1].total));
}

TEST(SobolIndices, MismatchedOutputsAreRefused) {
  SaltelliOutputs outputs{{1, 2, 3}, {1, 2}, {{1, 2, 3}}};
  RandomStream resampling(1, Purpose::Resampling, 0, 0);
  EXPECT_THROW(sobol_indices(outputs, 10, resampling), std::invalid_argument);
}

TEST(SaltelliSample, ABMatricesTakeOneColumnFromB) {
  const SaltelliSample sample = saltelli_sample(16, 3);
  const std::vector<std::vector<double>> sobol = sobol_points(16, 6);
  ASSERT_EQ(sample.base_samples(), 16u);
  ASSERT_EQ(sample.parameters(), 3u);
  for (size_t row = 0; row < 16; ++row) {
    for (size_t i = 0; i < 3; ++i) {
      EXPECT_EQ(sample.a[row][i], sobol[row][i]);
      EXPECT_EQ(sample.b[row][i], sobol[row][3 + i]);
      EXPECT_GE(sample.a[row][i], 0.0);
      EXPECT_LT(sample.a[row][i], 1.0);
      const std::vector<double> mixed = sample.ab_row(i, row);
      for (size_t c = 0; c < 3; ++c)
        EXPECT_EQ(mixed[c], c == i ? sample.b[row][c] : sample.a[row][c]);
    }
  }
}

TEST(SaltelliSample, RefusesMoreParametersThanTheSobolTableCovers) {
  EXPECT_NO_THROW(saltelli_sample(4, saltelli_max_parameters));
  EXPECT_THROW(saltelli_sample(4, saltelli_max_parameters + 1), InputError);
  EXPECT_THROW(sobol_points(4, sobol_max_dimensions + 1), InputError);
  EXPECT_THROW(saltelli_sample(4, 0), InputError);
}

}  // namespace
}  // namespace mercator
