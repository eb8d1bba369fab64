#pragma once
// The registry of every scenario parameter, collected from the config tree
// through the parameter protocol: the one list that describe, the scenario
// reference in docs/ and "did you mean" hints read.
#include <limits>
#include <optional>
#include <string>
#include <vector>

#include "core/parameter_assignment.hpp"
#include "core/parameters.hpp"

namespace mercator {

struct ParameterInfo {
  std::string key;    // full dotted key; table array elements as "platforms[]"
  std::string group;  // the innermost group or table array holding it ("" at the top)
  ParameterType type = ParameterType::Real;
  std::string default_toml;  // the default, as a scenario would write it
  std::string unit;
  std::string meaning;
  std::string source;
  double min = -std::numeric_limits<double>::infinity();
  double max = std::numeric_limits<double>::infinity();
  std::vector<std::string> choices;

  // "[0, 1]", ">= 1", "open | content"; empty when anything goes.
  std::string range_text() const;
};

struct GroupInfo {
  std::string name;  // "mechanisms.escrow", or "platforms[]" for a table array
  std::string meaning;
  bool is_table_array = false;
};

struct ParameterRegistry {
  std::vector<ParameterInfo> parameters;  // in visiting order
  std::vector<GroupInfo> groups;          // in visiting order

  const ParameterInfo* find(std::string_view key) const;
  const GroupInfo* find_group(std::string_view name) const;
};

// Describes every parameter reached by visit_all; each table array is
// described by one example element (default-constructed when the array is
// empty) under "name[]".
ParameterRegistry collect_parameters(const ParameterWalk& visit_all);

// The registry of a scenario: every parameter of SimulationConfig with its default.
const ParameterRegistry& scenario_parameters();

}  // namespace mercator
