#pragma once
// The mean of independent replications and its 95% confidence interval
// (Student t, n - 1 degrees of freedom), as reported by attribution,
// sensitivity and experiments.
#include <span>

namespace mercator {

struct MeanEstimate {
  double mean = 0;
  double half_width = 0;  // 95% interval: mean +- half_width; NaN with fewer than 2 values
  double low() const { return mean - half_width; }
  double high() const { return mean + half_width; }
};

MeanEstimate mean_with_ci95(std::span<const double> values);

}  // namespace mercator
