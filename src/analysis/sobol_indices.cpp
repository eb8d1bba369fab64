#include "analysis/sobol_indices.hpp"

#include <gsl/gsl_cdf.h>

#include <cmath>
#include <limits>
#include <numeric>
#include <stdexcept>

namespace mercator {
namespace {

constexpr double not_a_number = std::numeric_limits<double>::quiet_NaN();

void check_shapes(const SaltelliOutputs& outputs) {
  const size_t n = outputs.a.size();
  bool consistent = outputs.b.size() == n && !outputs.ab.empty();
  for (const std::vector<double>& column : outputs.ab)
    consistent = consistent && column.size() == n;
  if (!consistent) {
    throw std::invalid_argument(
        "Sobol indices need outputs for A, B and each AB_i of the same N base rows");
  }
}

struct Moments {
  double mean = 0;
  double variance = 0;
};

// Mean and variance of the A and B outputs of the selected rows, pooled
// (divisor 2n).
Moments output_moments(const SaltelliOutputs& outputs, std::span<const size_t> rows) {
  double sum = 0;
  for (const size_t j : rows) sum += outputs.a[j] + outputs.b[j];
  const double count = 2.0 * static_cast<double>(rows.size());
  const double mean = sum / count;
  double squares = 0;
  for (const size_t j : rows) {
    squares += (outputs.a[j] - mean) * (outputs.a[j] - mean);
    squares += (outputs.b[j] - mean) * (outputs.b[j] - mean);
  }
  return {mean, squares / count};
}

// Standard deviation (divisor n - 1).
double standard_deviation(const std::vector<double>& values) {
  const double n = static_cast<double>(values.size());
  const double mean = std::accumulate(values.begin(), values.end(), 0.0) / n;
  double squares = 0;
  for (const double value : values) squares += (value - mean) * (value - mean);
  return std::sqrt(squares / (n - 1.0));
}

}  // namespace

SobolEstimate sobol_estimate(const SaltelliOutputs& outputs, std::span<const size_t> rows) {
  check_shapes(outputs);
  const size_t parameters = outputs.ab.size();
  SobolEstimate estimate{std::vector<double>(parameters, not_a_number),
                         std::vector<double>(parameters, not_a_number)};
  if (rows.empty()) return estimate;
  const auto [mean, variance] = output_moments(outputs, rows);
  if (!(variance > 0)) return estimate;
  const double n = static_cast<double>(rows.size());
  for (size_t i = 0; i < parameters; ++i) {
    const std::vector<double>& ab = outputs.ab[i];
    double first = 0;
    double total = 0;
    for (const size_t j : rows) {
      first += (outputs.b[j] - mean) * (ab[j] - outputs.a[j]);
      total += (outputs.a[j] - ab[j]) * (outputs.a[j] - ab[j]);
    }
    estimate.first_order[i] = first / n / variance;
    estimate.total[i] = total / (2.0 * n) / variance;
  }
  return estimate;
}

std::vector<SobolIndex> sobol_indices(const SaltelliOutputs& outputs, size_t resamples,
                                      RandomStream& resampling) {
  check_shapes(outputs);
  const size_t n = outputs.a.size();
  const size_t parameters = outputs.ab.size();
  std::vector<size_t> rows(n);
  std::iota(rows.begin(), rows.end(), size_t{0});
  const SobolEstimate point = sobol_estimate(outputs, rows);

  std::vector<SobolIndex> indices(parameters);
  for (size_t i = 0; i < parameters; ++i) {
    indices[i] = {point.first_order[i], not_a_number, point.total[i], not_a_number};
  }
  if (n < 2 || resamples < 2) return indices;

  std::vector<std::vector<double>> first_draws(parameters), total_draws(parameters);
  for (size_t r = 0; r < resamples; ++r) {
    for (size_t& row : rows) row = resampling.below(static_cast<uint32_t>(n));
    const SobolEstimate draw = sobol_estimate(outputs, rows);
    for (size_t i = 0; i < parameters; ++i) {
      first_draws[i].push_back(draw.first_order[i]);
      total_draws[i].push_back(draw.total[i]);
    }
  }
  const double z = gsl_cdf_ugaussian_Pinv(0.975);
  for (size_t i = 0; i < parameters; ++i) {
    indices[i].first_order_ci = z * standard_deviation(first_draws[i]);
    indices[i].total_ci = z * standard_deviation(total_draws[i]);
  }
  return indices;
}

}  // namespace mercator
