// `mercator sensitivity`: the Saltelli design of an experiment file run (or
// resumed) into its database, then Sobol first-order and total indices of
// each outcome, stored in the sensitivity table and printed.
#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "cli/command.hpp"
#include "core/parameter_assignment.hpp"
#include "experiment/experiment_loader.hpp"
#include "experiment/experiment_report.hpp"
#include "experiment/experiment_runner.hpp"
#include "experiment/sensitivity_analysis.hpp"
#include "experiment/summary_metrics.hpp"
#include "mercator/scenario.hpp"

namespace mercator {
namespace {

using SensitivityOptions = ExperimentFileOptions;

// Sensitivity analyses a Saltelli design; any other is refused rather than
// replaced, so that the file says what runs.
void check_analysable(const ExperimentSpec& spec) {
  std::vector<ScenarioProblem> problems;
  if (spec.design != DesignKind::Saltelli) {
    problems.push_back(problem_at(spec.position_of("design.kind"), "design.kind",
                                  toml_text(design_kind_name(spec.design)),
                                  "sensitivity needs a Saltelli design",
                                  "design.kind = \"saltelli\" with samples and parameter ranges"));
  }
  if (spec.outcomes.empty()) {
    problems.push_back(problem_at(spec.position_of("sensitivity.outcomes"), "sensitivity.outcomes",
                                  "", "no outcome to analyse",
                                  "[sensitivity] outcomes = [\"final.gmv_last_year_usd\", ...], "
                                  "summary metrics of a run"));
  }
  if (!problems.empty()) throw ScenarioError(std::move(problems));
}

std::string number_text(double value) {
  return std::isfinite(value) ? fmt::format("{:.3f}", value) : std::string("nan");
}

void print_indices(const std::vector<SensitivityRow>& rows, const ExperimentSpec& spec) {
  size_t width = std::string_view("parameter").size();
  for (const SensitivityRow& row : rows) width = std::max(width, row.parameter.size());
  std::string outcome;
  for (const SensitivityRow& row : rows) {
    if (row.outcome != outcome) {
      outcome = row.outcome;
      std::cout << fmt::format(
          "\nSobol indices of {} (N = {} base samples; {}; +- 95% bootstrap half-width)\n", outcome,
          spec.samples,
          spec.replications == 1 ? std::string("one run a point")
                                 : fmt::format("mean of {} replicates a point", spec.replications));
      std::cout << fmt::format("{:<{}}  {:>17}  {:>17}\n", "parameter", width, "first order",
                               "total");
    }
    std::cout << fmt::format("{:<{}}  {:>7} +- {:<6}  {:>7} +- {:<6}\n", row.parameter, width,
                             number_text(row.first_order), number_text(row.first_order_ci),
                             number_text(row.total), number_text(row.total_ci));
  }
}

int sensitivity_command(const SensitivityOptions& options) {
  const Experiment experiment = load_experiment(options.file);
  check_analysable(experiment.spec);
  const std::string database =
      options.database.empty() ? experiment.spec.database_path : options.database;
  ExperimentRunner runner(experiment, database);
  // An outcome that no run has is found after the first run, not the last.
  const auto outcomes_exist = [&](const RunResults& results) {
    const SummaryMetrics metrics = flatten_summary(results.summary_json);
    for (const std::string& outcome : experiment.spec.outcomes) summary_metric(metrics, outcome);
  };
  run_reporting(runner, experiment, options.parallel, outcomes_exist,
                {std::cout, std::cerr, ::isatty(STDERR_FILENO) != 0, options.quiet});
  const std::vector<SensitivityRow> rows =
      sensitivity_rows(runner.database(), runner.experiment_id(), experiment);
  runner.database().replace_sensitivity(runner.experiment_id(), rows);
  print_indices(rows, experiment.spec);
  std::cout << "\ndatabase: " << database << "\n";
  return exit_success;
}

}  // namespace

Subcommand add_sensitivity_command(CLI::App& app) {
  auto options = std::make_shared<SensitivityOptions>();
  CLI::App* command = app.add_subcommand(
      "sensitivity",
      "Run (or resume) an experiment's Saltelli design, then compute Sobol first-order and "
      "total indices of its outcomes");
  add_experiment_file_options(*command, *options, "Experiment file (TOML), design.kind = saltelli");
  return {command, [options] { return sensitivity_command(*options); }};
}

}  // namespace mercator
