#include "experiment/experiment_spec.hpp"

namespace mercator {

std::string_view design_kind_name(DesignKind kind) {
  switch (kind) {
    case DesignKind::Replications:
      return "replications";
    case DesignKind::Grid:
      return "grid";
    case DesignKind::LatinHypercube:
      return "lhs";
    case DesignKind::Saltelli:
      return "saltelli";
  }
  return "unknown";
}

SourcePosition ExperimentSpec::position_of(std::string_view path) const {
  std::string name(path);
  while (!name.empty()) {
    if (const auto found = positions.find(name); found != positions.end()) return found->second;
    const size_t dot = name.rfind('.');
    if (dot == std::string::npos) break;
    name.resize(dot);
  }
  return {file, 0, 0};
}

}  // namespace mercator
