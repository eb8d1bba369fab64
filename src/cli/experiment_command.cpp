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

struct ExperimentOptions {
  std::string file;
  std::string database;  // empty: the file's
  unsigned parallel = all_cores();
  bool quiet = false;
};

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
  command->add_option("experiment", options->file, "Experiment file (TOML)")->required();
  command->add_option("--db", options->database,
                      "Database file (default: the experiment file's database)");
  command
      ->add_option("--parallel", options->parallel,
                   "Runs at once, each on one thread (default: all cores)")
      ->check(CLI::Range(1u, 4096u));
  command->add_flag("--quiet,-q", options->quiet, "No progress lines on stderr");
  return {command, [options] { return experiment_command(*options); }};
}

}  // namespace mercator
