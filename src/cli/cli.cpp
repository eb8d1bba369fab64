#include "cli/cli.hpp"

#include <iostream>
#include <string>
#include <vector>

#include "cli/command.hpp"
#include "core/input_error.hpp"
#include "mercator/scenario.hpp"

#ifndef MERCATOR_VERSION
#define MERCATOR_VERSION "unknown"
#endif
#include "mercator_git_commit.hpp"  // generated at build time: MERCATOR_GIT_COMMIT

namespace mercator {
namespace {

// Every failure becomes one message and an exit code; nothing escapes.
int reporting_errors(const std::function<int()>& command) {
  try {
    return command();
  } catch (const ScenarioError& error) {
    for (const ScenarioProblem& problem : error.problems()) std::cerr << problem.format() << "\n";
    return exit_bad_input;
  } catch (const InputError& error) {
    std::cerr << "mercator: " << error.what() << "\n";
    return exit_bad_input;
  } catch (const std::exception& error) {
    std::cerr << "mercator: error: " << error.what() << "\n";
    return exit_failure;
  }
}

}  // namespace

void add_overrides_option(CLI::App& command, std::vector<std::string>& overrides) {
  command
      .add_option("--set", overrides,
                  "Override a parameter after the file is read (TOML value; repeatable), "
                  "e.g. --set platforms.0.commission_rate=0.08")
      ->type_name("KEY=VALUE")
      ->allow_extra_args(false);
}

void add_experiment_file_options(CLI::App& command, ExperimentFileOptions& options,
                                 const std::string& file_help) {
  command.add_option("experiment", options.file, file_help)->required();
  command.add_option("--db", options.database,
                     "Database file (default: the experiment file's database)");
  command
      .add_option("--parallel", options.parallel,
                  "Runs at once, each on one thread (default: all cores)")
      ->check(CLI::Range(1u, 4096u));
  command.add_flag("--quiet,-q", options.quiet, "No progress lines on stderr");
}

int run_cli(int argc, char** argv) {
  CLI::App app{"mercator: agent-based simulation of cross-border platform ecosystems"};
  app.set_version_flag("--version", std::string(MERCATOR_VERSION " (" MERCATOR_GIT_COMMIT ")"));
  app.require_subcommand(1);

  // Each subcommand lives in its own file (cli/<name>_command.cpp); --help
  // lists them in this order: one run, many runs, then the report.
  const std::vector<Subcommand> subcommands = {
      add_run_command(app),
      add_validate_command(app),
      add_describe_command(app),
      add_experiment_command(app),
      add_sensitivity_command(app),
      add_attribute_command(app),
      add_calibrate_command(app),
      add_report_command(app),
  };

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& error) {
    const int code = app.exit(error);  // prints help, the version or the usage error
    return code == 0 ? exit_success : exit_bad_input;
  }
  for (const Subcommand& subcommand : subcommands) {
    if (subcommand.app->parsed()) return reporting_errors(subcommand.action);
  }
  return exit_bad_input;  // unreachable: CLI11 requires one subcommand
}

}  // namespace mercator
