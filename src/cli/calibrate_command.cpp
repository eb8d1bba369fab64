// `mercator calibrate`: fit scenario parameters to observed figures and
// write the calibrated scenario with its fit report.
//
// The output directory (default runs/calibration-<run.name>) is a run
// directory of the calibrated scenario at the first seed, so `mercator
// report` shows it, plus:
//   calibrated.toml    the scenario file: includes the original, sets the fit
//   fit.json           parameters (bounds, start, fitted), losses, stop reason
//   targets_fit.csv    every target: observed, simulated, relative error, in/out of sample
//   evaluations.csv    the search: each evaluation's parameters and loss
#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "cli/command.hpp"
#include "core/calendar.hpp"
#include "core/input_error.hpp"
#include "experiment/calibration.hpp"
#include "io/run_directory.hpp"
#include "mercator/scenario.hpp"
#include "mercator/simulation.hpp"

namespace mercator {
namespace {

namespace fs = std::filesystem;

struct CalibrateOptions {
  std::string scenario_path;
  std::string targets_path;
  std::vector<std::string> parameters;
  std::vector<std::string> overrides;
  int replications = 3;
  int64_t seed = 1;
  int max_evaluations = 40;
  std::string algorithm = "bobyqa";
  std::string holdout_from;
  unsigned parallel = all_cores();
  std::string out;
};

void write_text(const fs::path& file, const std::string& content) {
  std::ofstream stream(file, std::ios::binary);
  stream << content;
  stream.close();
  if (!stream) throw std::runtime_error(fmt::format("cannot write {}", file.string()));
}

// "buyers.ad_reach_per_day=0.002" -> table "buyers", line "ad_reach_per_day = 0.002".
void add_assignment(std::map<std::string, std::vector<std::string>>& tables,
                    const std::string& key, const std::string& value_toml) {
  const size_t dot = key.rfind('.');
  const std::string table = dot == std::string::npos ? "" : key.substr(0, dot);
  tables[table].push_back(fmt::format("{} = {}", key.substr(dot + 1), value_toml));
}

// The calibrated scenario: the original by include, then the --set values
// and the fitted parameters, each in its own table.
std::string calibrated_scenario(const CalibrateOptions& options, const fs::path& out,
                                const std::vector<CalibrationParameter>& parameters,
                                const CalibrationResult& result) {
  std::map<std::string, std::vector<std::string>> tables;
  for (const std::string& assignment : options.overrides) {
    const size_t equals = assignment.find('=');
    const std::string key = assignment.substr(0, equals);
    const bool fitted = std::any_of(parameters.begin(), parameters.end(),
                                    [&](const CalibrationParameter& p) { return p.key == key; });
    if (!fitted) add_assignment(tables, key, assignment.substr(equals + 1));
  }
  for (const std::string& assignment : parameter_overrides(parameters, result.fitted)) {
    const size_t equals = assignment.find('=');
    add_assignment(tables, assignment.substr(0, equals), assignment.substr(equals + 1));
  }
  const fs::path include =
      fs::relative(fs::absolute(options.scenario_path), fs::absolute(out));
  std::string text = fmt::format(
      "# Calibrated by `mercator calibrate` against {}: in-sample loss {:.6g} (start {:.6g}).\n"
      "# See fit.json and targets_fit.csv beside this file.\n"
      "include = \"{}\"\n",
      options.targets_path, result.fitted_loss, result.start_loss, include.generic_string());
  for (const auto& [table, lines] : tables) {
    text += table.empty() ? "\n" : fmt::format("\n[{}]\n", table);
    for (const std::string& line : lines) text += line + "\n";
  }
  return text;
}

std::string fit_json(const CalibrateOptions& options,
                     const std::vector<CalibrationParameter>& parameters,
                     const CalibrationResult& result) {
  nlohmann::ordered_json json;
  json["scenario_path"] = options.scenario_path;
  json["targets_path"] = options.targets_path;
  json["algorithm"] = options.algorithm;
  json["replications"] = options.replications;
  json["seeds"] = fmt::format("{}..{}", options.seed, options.seed + options.replications - 1);
  json["holdout_from"] = options.holdout_from.empty() ? nlohmann::ordered_json(nullptr)
                                                      : nlohmann::ordered_json(options.holdout_from);
  json["evaluations"] = result.evaluations.size();
  json["stop_reason"] = result.stop_reason;
  json["loss"] = {{"start", result.start_loss},
                  {"fitted", result.fitted_loss},
                  {"holdout", std::isnan(result.holdout_loss)
                                  ? nlohmann::ordered_json(nullptr)
                                  : nlohmann::ordered_json(result.holdout_loss)}};
  for (size_t i = 0; i < parameters.size(); ++i) {
    json["parameters"].push_back({{"key", parameters[i].key},
                                  {"low", parameters[i].low},
                                  {"high", parameters[i].high},
                                  {"start", result.start[i]},
                                  {"fitted", result.fitted[i]}});
  }
  return json.dump(2) + "\n";
}

std::string statistic_text(TargetStatistic statistic) {
  return statistic == TargetStatistic::Sum ? "sum" : statistic == TargetStatistic::Last ? "last" : "mean";
}

std::string targets_fit_csv(const CalibrationResult& result) {
  std::string text =
      "series,market,date,window_days,statistic,weight,observed,simulated,relative_error,"
      "in_sample\n";
  for (const TargetFit& fit : result.fits) {
    const CalibrationTarget& t = fit.target;
    text += fmt::format("{},{},{},{},{},{},{},{},{},{}\n", csv_field(t.series), csv_field(t.market),
                        t.date, t.window_days, statistic_text(t.statistic), t.weight, t.value,
                        fit.simulated, fit.relative_error, fit.in_sample ? 1 : 0);
  }
  return text;
}

std::string evaluations_csv(const std::vector<CalibrationParameter>& parameters,
                            const CalibrationResult& result) {
  std::string text = "evaluation";
  for (const CalibrationParameter& parameter : parameters) text += "," + csv_field(parameter.key);
  text += ",loss\n";
  for (size_t e = 0; e < result.evaluations.size(); ++e) {
    text += std::to_string(e + 1);
    for (const double value : result.evaluations[e].parameters) text += fmt::format(",{}", value);
    text += fmt::format(",{}\n", result.evaluations[e].loss);
  }
  return text;
}

int calibrate_command(const CalibrateOptions& options) {
  if (!options.holdout_from.empty() && !Date::parse(options.holdout_from))
    throw InputError(fmt::format("--holdout-from '{}': expected a date YYYY-MM-DD",
                                 options.holdout_from));
  const Scenario scenario = load_scenario(options.scenario_path, options.overrides);
  CalibrationOptions calibration;
  calibration.scenario_path = options.scenario_path;
  calibration.overrides = options.overrides;
  for (const std::string& text : options.parameters)
    calibration.parameters.push_back(parse_calibration_parameter(text, scenario.resolved_json));
  calibration.targets = read_calibration_targets(options.targets_path);
  check_targets_against(calibration.targets, options.targets_path, scenario.config);
  calibration.replications = options.replications;
  calibration.seed = options.seed;
  calibration.max_evaluations = options.max_evaluations;
  calibration.algorithm = options.algorithm;
  if (!options.holdout_from.empty()) calibration.holdout_from = options.holdout_from;
  calibration.parallel = options.parallel;
  const fs::path out = options.out.empty()
                           ? fs::path("runs") / ("calibration-" + scenario.config.run.name)
                           : fs::path(options.out);
  check_run_directory_target(out);  // before the search, not after it

  const CalibrationResult result =
      calibrate(calibration, [&](const CalibrationEvaluation& evaluation, size_t number) {
        std::string values;
        for (const double value : evaluation.parameters) values += fmt::format(" {:.6g}", value);
        std::cerr << fmt::format("evaluation {}/{}:{}  loss {:.6g}\n", number,
                                 options.max_evaluations, values, evaluation.loss);
      });

  // The calibrated scenario's own run (first seed) makes the directory a run directory.
  const std::string calibrated = calibrated_scenario(options, out, calibration.parameters, result);
  std::vector<std::string> fitted_overrides = options.overrides;
  for (const std::string& assignment : parameter_overrides(calibration.parameters, result.fitted))
    fitted_overrides.push_back(assignment);
  fitted_overrides.push_back(fmt::format("run.seed={}", options.seed));
  const Scenario fitted = load_scenario(options.scenario_path, fitted_overrides);
  Simulation simulation(fitted.config, 1);
  simulation.run();
  publish_directory(out, [&](const fs::path& directory) {
    write_text(directory / "calibrated.toml", calibrated);
    write_text(directory / "fit.json", fit_json(options, calibration.parameters, result));
    write_text(directory / "targets_fit.csv", targets_fit_csv(result));
    write_text(directory / "evaluations.csv", evaluations_csv(calibration.parameters, result));
    write_run_files(directory,
                    RunManifest{fitted.path, fitted.resolved_json, options.seed, 1},
                    simulation.results());
  });

  std::cout << fmt::format("loss: start {:.6g}, fitted {:.6g}", result.start_loss,
                           result.fitted_loss);
  if (!std::isnan(result.holdout_loss))
    std::cout << fmt::format(", held out {:.6g}", result.holdout_loss);
  std::cout << fmt::format(" ({} evaluations, {})\n", result.evaluations.size(), result.stop_reason);
  for (size_t i = 0; i < calibration.parameters.size(); ++i)
    std::cout << fmt::format("{} = {:.6g} (start {:.6g}, bounds {:.6g}..{:.6g})\n",
                             calibration.parameters[i].key, result.fitted[i], result.start[i],
                             calibration.parameters[i].low, calibration.parameters[i].high);
  std::cout << "calibration directory: " << out.string() << "\n";
  return exit_success;
}

}  // namespace

Subcommand add_calibrate_command(CLI::App& app) {
  auto options = std::make_shared<CalibrateOptions>();
  CLI::App* command = app.add_subcommand(
      "calibrate", "Fit scenario parameters to target series (derivative-free, NLopt)");
  command->add_option("scenario", options->scenario_path, "Scenario file (TOML)")->required();
  command->add_option("--targets", options->targets_path,
                      "CSV of targets: series,market,date,value[,window_days,statistic,weight]")
      ->required();
  command
      ->add_option("--params", options->parameters,
                   "Parameter to fit, KEY or KEY:LOW:HIGH (repeatable; default bounds: the "
                   "parameter's registered range)")
      ->required()
      ->allow_extra_args(false);
  command->add_option("--replications", options->replications,
                      "Runs per evaluation, seeds SEED.. (common random numbers)")
      ->check(CLI::Range(1, 1000));
  command->add_option("--seed", options->seed, "First seed");
  command->add_option("--max-evals", options->max_evaluations, "Evaluation budget")
      ->check(CLI::Range(1, 100000));
  command->add_option("--algorithm", options->algorithm, "bobyqa | neldermead | sbplx | cobyla")
      ->check(CLI::IsMember({"bobyqa", "neldermead", "sbplx", "cobyla"}));
  command->add_option("--holdout-from", options->holdout_from,
                      "Leave targets dated on or after this date out of the fit; report their "
                      "error as out-of-sample");
  command->add_option("--parallel", options->parallel, "Runs at once (default: all cores)")
      ->check(CLI::Range(1u, 4096u));
  command->add_option("--out", options->out,
                      "Output directory (default runs/calibration-<run.name>)");
  add_overrides_option(*command, options->overrides);
  return {command, [options] { return calibrate_command(*options); }};
}

}  // namespace mercator
