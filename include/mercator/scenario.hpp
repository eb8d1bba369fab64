#pragma once
// Loading scenarios: TOML file + --set overrides -> validated SimulationConfig.
#include <stdexcept>
#include <string>
#include <vector>

#include "simulation/simulation_config.hpp"

namespace mercator {

// One problem in a scenario, reported as
//   file:line:column: key 'K' = 'V': <what is wrong>; expected <what>
struct ScenarioProblem {
  std::string file;
  int line = 0;
  int column = 0;
  std::string key;
  std::string value;
  std::string message;   // what is wrong (may include a did-you-mean hint)
  std::string expected;
  std::string format() const;
};

class ScenarioError : public std::runtime_error {
 public:
  explicit ScenarioError(std::vector<ScenarioProblem> problems);
  const std::vector<ScenarioProblem>& problems() const { return problems_; }

 private:
  std::vector<ScenarioProblem> problems_;
};

struct Scenario {
  SimulationConfig config;
  std::string path;           // the scenario file
  std::string resolved_json;  // the fully resolved scenario (every key), for the manifest
};

// Reads a scenario (following `include = "base.toml"` chains), applies the
// overrides ("key=value", TOML syntax for the value) and validates all of it.
// Throws ScenarioError listing every problem found.
Scenario load_scenario(const std::string& path, const std::vector<std::string>& overrides = {});

}  // namespace mercator
