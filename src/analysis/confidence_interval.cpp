#include "analysis/confidence_interval.hpp"

#include <gsl/gsl_cdf.h>

#include <cmath>
#include <limits>

namespace mercator {

MeanEstimate mean_with_ci95(std::span<const double> values) {
  MeanEstimate estimate;
  const size_t n = values.size();
  if (n == 0) return {std::numeric_limits<double>::quiet_NaN(), std::numeric_limits<double>::quiet_NaN()};
  double sum = 0;
  for (const double value : values) sum += value;
  estimate.mean = sum / double(n);
  if (n < 2) {
    estimate.half_width = std::numeric_limits<double>::quiet_NaN();
    return estimate;
  }
  double squares = 0;
  for (const double value : values) squares += (value - estimate.mean) * (value - estimate.mean);
  const double standard_error = std::sqrt(squares / double(n - 1) / double(n));
  estimate.half_width = gsl_cdf_tdist_Pinv(0.975, double(n - 1)) * standard_error;
  return estimate;
}

}  // namespace mercator
