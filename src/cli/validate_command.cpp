// `mercator validate`: check a scenario without running it.
#include <fmt/format.h>

#include <iostream>
#include <string>
#include <vector>

#include "cli/command.hpp"
#include "core/parameter_assignment.hpp"
#include "mercator/scenario.hpp"

namespace mercator {
namespace {

struct ValidateOptions {
  std::string scenario_path;
  std::vector<std::string> overrides;
};

ParameterWalk walk(SimulationConfig& config) {
  return [&config](ParameterVisitor& visitor) { visit_parameters(visitor, config); };
}

int validate_command(const ValidateOptions& options) {
  Scenario scenario = load_scenario(options.scenario_path, options.overrides);
  const size_t parameter_count = all_parameter_keys(walk(scenario.config)).size();
  std::cout << fmt::format("ok: {} ({} parameters, {} platforms, {} events)\n", scenario.path,
                           parameter_count, scenario.config.platforms.size(),
                           scenario.config.events.size());
  return exit_success;
}

}  // namespace

Subcommand add_validate_command(CLI::App& app) {
  auto options = std::make_shared<ValidateOptions>();
  CLI::App* validate = app.add_subcommand("validate", "Check a scenario without running it");
  validate->add_option("scenario", options->scenario_path, "Scenario file (TOML)")->required();
  add_overrides_option(*validate, options->overrides);
  return {validate, [options] { return validate_command(*options); }};
}

}  // namespace mercator
