#include "experiment/sensitivity_analysis.hpp"

#include <fmt/format.h>

#include <stdexcept>

#include "analysis/sobol_indices.hpp"
#include "core/random_stream.hpp"

namespace mercator {
namespace {

// The outcome at each design point: the mean over its replicates.
std::vector<double> point_means(const std::map<RunKey, double>& values, size_t points,
                                int64_t replications, const std::string& outcome) {
  std::vector<double> sums(points, 0.0);
  std::vector<int64_t> counts(points, 0);
  for (const auto& [key, value] : values) {
    const auto [point, replicate] = key;
    if (point < 0 || static_cast<size_t>(point) >= points || replicate >= replications) continue;
    sums[static_cast<size_t>(point)] += value;
    ++counts[static_cast<size_t>(point)];
  }
  for (size_t point = 0; point < points; ++point) {
    if (counts[point] != replications) {
      throw std::runtime_error(fmt::format(
          "design point {} has {} of {} finished runs with '{}'; run the experiment to the end",
          point, counts[point], replications, outcome));
    }
    sums[point] /= static_cast<double>(replications);
  }
  return sums;
}

SaltelliOutputs arranged(const std::vector<double>& means, size_t base_samples, size_t parameters) {
  SaltelliOutputs outputs;
  outputs.ab.assign(parameters, {});
  const auto at = [&](size_t row, size_t matrix) {
    return means[static_cast<size_t>(saltelli_point(row, matrix, parameters))];
  };
  for (size_t row = 0; row < base_samples; ++row) {
    outputs.a.push_back(at(row, saltelli_matrix_a));
    outputs.b.push_back(at(row, saltelli_matrix_b));
    for (size_t i = 0; i < parameters; ++i) outputs.ab[i].push_back(at(row, saltelli_matrix_ab(i)));
  }
  return outputs;
}

}  // namespace

std::vector<SensitivityRow> sensitivity_rows(const ExperimentDatabase& database,
                                             int64_t experiment_id, const Experiment& experiment) {
  const ExperimentSpec& spec = experiment.spec;
  const size_t base_samples = static_cast<size_t>(spec.samples);
  const size_t parameters = spec.parameters.size();
  std::vector<SensitivityRow> rows;
  for (size_t o = 0; o < spec.outcomes.size(); ++o) {
    const std::string& outcome = spec.outcomes[o];
    const std::vector<double> means =
        point_means(database.metric_values(experiment_id, outcome), experiment.design.points.size(),
                    spec.replications, outcome);
    RandomStream resampling(static_cast<uint64_t>(spec.seed), Purpose::Resampling, 0, o);
    const std::vector<SobolIndex> indices = sobol_indices(
        arranged(means, base_samples, parameters), static_cast<size_t>(spec.bootstrap), resampling);
    for (size_t i = 0; i < parameters; ++i) {
      rows.push_back({outcome, spec.parameters[i].key, indices[i].first_order,
                      indices[i].first_order_ci, indices[i].total, indices[i].total_ci,
                      spec.samples});
    }
  }
  return rows;
}

}  // namespace mercator
