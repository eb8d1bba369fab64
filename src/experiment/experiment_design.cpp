#include "experiment/experiment_design.hpp"

#include <algorithm>
#include <cmath>

#include "core/parameter_assignment.hpp"

namespace mercator {
namespace {

// low + u (high - low), in the logarithm for a log scale, kept in [low, high]
// against rounding.
double scaled(double low, double high, RangeScale scale, double unit) {
  const double value = scale == RangeScale::Log
                           ? std::exp(std::log(low) + unit * (std::log(high) - std::log(low)))
                           : low + unit * (high - low);
  return std::clamp(value, low, high);
}

}  // namespace

std::string sampled_value(const DesignParameter& parameter, double unit) {
  if (parameter.type != ParameterType::Integer)
    return toml_text(scaled(parameter.low, parameter.high, parameter.scale, unit));
  const double draw = scaled(parameter.low, parameter.high + 1.0, parameter.scale, unit);
  const double whole = std::clamp(std::floor(draw), parameter.low, parameter.high);
  return toml_text(static_cast<int64_t>(whole));
}

ExperimentDesign make_design(const ExperimentSpec& spec) {
  switch (spec.design) {
    case DesignKind::Replications:
      return replications_design();
    case DesignKind::Grid:
      return grid_design(spec.parameters);
    case DesignKind::LatinHypercube:
      return latin_hypercube_design(spec.parameters, static_cast<size_t>(spec.samples),
                                    static_cast<uint64_t>(spec.seed));
    case DesignKind::Saltelli:
      return saltelli_design(spec.parameters, static_cast<size_t>(spec.samples));
  }
  return replications_design();
}

}  // namespace mercator
