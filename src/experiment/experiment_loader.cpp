#include "experiment/experiment_loader.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <optional>
#include <tuple>

#include "analysis/saltelli_sample.hpp"
#include "core/parameter_assignment.hpp"
#include "experiment/experiment_checks.hpp"
#include "experiment/experiment_file.hpp"
#include "mercator/scenario.hpp"

namespace mercator {
namespace {

std::string assignment_key(const std::string& assignment) {
  std::string key = assignment.substr(0, assignment.find('='));
  std::erase_if(key, [](char c) { return std::isspace(static_cast<unsigned char>(c)); });
  return key;
}

// The loader places problems of the set overrides on the command line
// ("--set"); here they belong to the experiment file's set entries.
ScenarioProblem placed_in_experiment(ScenarioProblem problem, const ExperimentSpec& spec) {
  if (problem.file != "--set") return problem;
  SourcePosition where = spec.position_of("experiment.set");
  for (size_t index = 0; index < spec.set.size(); ++index) {
    if (assignment_key(spec.set[index]) == problem.key)
      where = spec.position_of(fmt::format("experiment.set.{}", index));
  }
  problem.file = where.file;
  problem.line = where.line;
  problem.column = where.column;
  return problem;
}

std::optional<Scenario> load_base_scenario(const ExperimentSpec& spec,
                                           std::vector<ScenarioProblem>& problems) {
  std::error_code error;
  if (!std::filesystem::is_regular_file(spec.scenario_path, error)) {
    problems.push_back(problem_at(spec.position_of("experiment.scenario"), "experiment.scenario",
                                  toml_text(spec.scenario),
                                  fmt::format("file not found ({})", spec.scenario_path),
                                  "a scenario file, relative to the experiment file"));
    return std::nullopt;
  }
  try {
    return load_scenario(spec.scenario_path, spec.set);
  } catch (const ScenarioError& scenario_error) {
    for (const ScenarioProblem& problem : scenario_error.problems())
      problems.push_back(placed_in_experiment(problem, spec));
    return std::nullopt;
  }
}

void check_saltelli_size(const ExperimentSpec& spec, std::vector<ScenarioProblem>& problems) {
  if (spec.design != DesignKind::Saltelli || spec.parameters.size() <= saltelli_max_parameters)
    return;
  problems.push_back(problem_at(
      spec.position_of("parameters"), "parameters", "",
      fmt::format("{} parameters in a saltelli design", spec.parameters.size()),
      fmt::format("at most {} (A and B take 2 dimensions per parameter of GSL's 40-dimensional "
                  "Sobol sequence)",
                  saltelli_max_parameters)));
}

// File order, the experiment file first, as the scenario loader sorts.
[[noreturn]] void throw_sorted(std::vector<ScenarioProblem> problems, const std::string& file) {
  std::stable_sort(problems.begin(), problems.end(),
                   [&](const ScenarioProblem& a, const ScenarioProblem& b) {
                     return std::make_tuple(a.file != file, a.file, a.line, a.column) <
                            std::make_tuple(b.file != file, b.file, b.line, b.column);
                   });
  throw ScenarioError(std::move(problems));
}

}  // namespace

Experiment load_experiment(const std::string& path) {
  std::vector<ScenarioProblem> problems;
  Experiment experiment;
  experiment.spec = read_experiment_file(path, problems);
  ExperimentSpec& spec = experiment.spec;
  check_saltelli_size(spec, problems);
  if (spec.scenario_path.empty()) throw_sorted(std::move(problems), path);
  const std::optional<Scenario> scenario = load_base_scenario(spec, problems);
  if (scenario) check_against_scenario(spec, scenario->config, problems);
  if (!problems.empty()) throw_sorted(std::move(problems), path);

  experiment.design = make_design(spec);
  check_design_points(spec, experiment.design, scenario->config, problems);
  if (!problems.empty()) throw_sorted(std::move(problems), path);
  experiment.resolved_scenario_json = scenario->resolved_json;
  experiment.runs = plan_runs(spec, experiment.design);
  experiment.spec_json =
      experiment_spec_json(spec, experiment.resolved_scenario_json, experiment.runs);
  return experiment;
}

}  // namespace mercator
