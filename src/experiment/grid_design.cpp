// The full factorial grid: every combination of the listed values.
#include "experiment/experiment_design.hpp"

namespace mercator {

ExperimentDesign grid_design(const std::vector<DesignParameter>& parameters) {
  ExperimentDesign design;
  for (const DesignParameter& parameter : parameters) design.keys.push_back(parameter.key);
  design.points = {{}};
  // Extending each point by each value of the next parameter keeps the
  // first parameter varying slowest.
  for (const DesignParameter& parameter : parameters) {
    std::vector<std::vector<std::string>> extended;
    extended.reserve(design.points.size() * parameter.values.size());
    for (const std::vector<std::string>& point : design.points) {
      for (const std::string& value : parameter.values) {
        extended.push_back(point);
        extended.back().push_back(value);
      }
    }
    design.points = std::move(extended);
  }
  return design;
}

}  // namespace mercator
