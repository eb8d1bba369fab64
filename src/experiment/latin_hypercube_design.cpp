// A Latin hypercube over the parameters' ranges (analysis/latin_hypercube).
#include "analysis/latin_hypercube.hpp"
#include "core/random_stream.hpp"
#include "experiment/experiment_design.hpp"

namespace mercator {

ExperimentDesign latin_hypercube_design(const std::vector<DesignParameter>& parameters,
                                        size_t points, uint64_t seed) {
  RandomStream stream(seed, Purpose::ExperimentDesign, 0, 0);
  const std::vector<std::vector<double>> unit = latin_hypercube(points, parameters.size(), stream);
  ExperimentDesign design;
  for (const DesignParameter& parameter : parameters) design.keys.push_back(parameter.key);
  for (const std::vector<double>& row : unit) {
    std::vector<std::string>& point = design.points.emplace_back();
    for (size_t i = 0; i < parameters.size(); ++i)
      point.push_back(sampled_value(parameters[i], row[i]));
  }
  return design;
}

}  // namespace mercator
