#pragma once
// How a subcommand plugs into the `mercator` command: one file per
// subcommand defines add_<name>_command(app), which declares its options and
// returns what to run when it was the one chosen. cli.cpp lists them.
//
// Errors: throw. InputError (and ScenarioError) become one message and exit
// code 2; anything else exit code 1. Write nothing partial (io/ has
// publish_directory for directories).
#include <CLI/CLI.hpp>
#include <algorithm>
#include <functional>
#include <string>
#include <thread>
#include <vector>

namespace mercator {

constexpr int exit_success = 0;
constexpr int exit_failure = 1;
constexpr int exit_bad_input = 2;

struct Subcommand {
  CLI::App* app = nullptr;
  std::function<int()> action;  // called after parsing when app->parsed()
};

// Shared option: --set KEY=VALUE (repeatable), applied after the scenario file.
void add_overrides_option(CLI::App& command, std::vector<std::string>& overrides);

inline unsigned all_cores() { return std::max(1u, std::thread::hardware_concurrency()); }

// The options of a command that runs an experiment file (experiment,
// sensitivity): the file, --db, --parallel and --quiet.
struct ExperimentFileOptions {
  std::string file;
  std::string database;  // empty: the file's
  unsigned parallel = all_cores();
  bool quiet = false;
};
void add_experiment_file_options(CLI::App& command, ExperimentFileOptions& options,
                                 const std::string& file_help);

Subcommand add_run_command(CLI::App& app);
Subcommand add_validate_command(CLI::App& app);
Subcommand add_describe_command(CLI::App& app);
Subcommand add_report_command(CLI::App& app);
Subcommand add_attribute_command(CLI::App& app);
Subcommand add_experiment_command(CLI::App& app);
Subcommand add_sensitivity_command(CLI::App& app);
Subcommand add_calibrate_command(CLI::App& app);

}  // namespace mercator
