// `mercator describe`: every scenario parameter, as text or Markdown.
#include <iostream>

#include "cli/command.hpp"
#include "scenario/describe.hpp"
#include "scenario/parameter_registry.hpp"
#include "simulation/simulation_config.hpp"

namespace mercator {
namespace {

int describe_command(bool markdown) {
  if (markdown) {
    std::cout << describe_markdown(scenario_parameters(), mechanism_names());
  } else {
    std::cout << describe_text(scenario_parameters());
  }
  return exit_success;
}

}  // namespace

Subcommand add_describe_command(CLI::App& app) {
  auto markdown = std::make_shared<bool>(false);
  CLI::App* describe = app.add_subcommand("describe", "List every scenario parameter");
  describe->add_flag("--markdown", *markdown, "Markdown, as in docs/scenario-reference.md");
  return {describe, [markdown] { return describe_command(*markdown); }};
}

}  // namespace mercator
