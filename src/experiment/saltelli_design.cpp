// The Saltelli sample for Sobol indices (analysis/saltelli_sample), scaled
// to the parameters' ranges and laid out by saltelli_point.
#include "analysis/saltelli_sample.hpp"
#include "experiment/experiment_design.hpp"

namespace mercator {

ExperimentDesign saltelli_design(const std::vector<DesignParameter>& parameters,
                                 size_t base_samples) {
  const size_t k = parameters.size();
  const SaltelliSample sample = saltelli_sample(base_samples, k);
  ExperimentDesign design;
  for (const DesignParameter& parameter : parameters) design.keys.push_back(parameter.key);
  const auto scaled = [&](const std::vector<double>& unit_row) {
    std::vector<std::string> point;
    for (size_t i = 0; i < k; ++i) point.push_back(sampled_value(parameters[i], unit_row[i]));
    return point;
  };
  design.points.resize(base_samples * (k + 2));
  for (size_t row = 0; row < base_samples; ++row) {
    const auto at = [&](size_t matrix) -> std::vector<std::string>& {
      return design.points[static_cast<size_t>(saltelli_point(row, matrix, k))];
    };
    at(saltelli_matrix_a) = scaled(sample.a[row]);
    at(saltelli_matrix_b) = scaled(sample.b[row]);
    for (size_t i = 0; i < k; ++i) at(saltelli_matrix_ab(i)) = scaled(sample.ab_row(i, row));
  }
  return design;
}

}  // namespace mercator
