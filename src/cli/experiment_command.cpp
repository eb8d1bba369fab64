// `mercator experiment`: the runs of an experiment file into its SQLite
// database (docs/experiments.md), resuming where an earlier run stopped.
#include <fmt/format.h>
#include <unistd.h>

#include <iostream>
#include <memory>
#include <string>

#include "cli/command.hpp"
#include "experiment/experiment_loader.hpp"
#include "experiment/experiment_report.hpp"
#include "experiment/experiment_runner.hpp"

namespace mercator {
namespace {

using ExperimentOptions = ExperimentFileOptions;

int experiment_command(const ExperimentOptions& options) {
  const Experiment experiment = load_experiment(options.file);
  const std::string database =
      options.database.empty() ? experiment.spec.database_path : options.database;
  ExperimentRunner runner(experiment, database);
  run_reporting(runner, experiment, options.parallel, nullptr,
                {std::cout, std::cerr, ::isatty(STDERR_FILENO) != 0, options.quiet});
  std::cout << "database: " << database << "\n";
  return exit_success;
}

}  // namespace

Subcommand add_experiment_command(CLI::App& app) {
  auto options = std::make_shared<ExperimentOptions>();
  CLI::App* command = app.add_subcommand(
      "experiment",
      "Run an experiment (replications, grid, Latin hypercube or Saltelli design) "
      "into its SQLite database, resuming an interrupted one");
  add_experiment_file_options(*command, *options, "Experiment file (TOML)");
  return {command, [options] { return experiment_command(*options); }};
}

}  // namespace mercator
