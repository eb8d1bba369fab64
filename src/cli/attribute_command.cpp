// `mercator attribute`: how much of an outcome each mechanism brings, as
// Shapley values and one-at-a-time effects over replicated runs of every
// coalition of mechanisms (docs/attribution.md).
#include <fmt/format.h>
#include <fmt/ranges.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "analysis/shapley.hpp"
#include "cli/command.hpp"
#include "core/calendar.hpp"
#include "core/input_error.hpp"
#include "experiment/attribution_plan.hpp"
#include "experiment/attribution_results.hpp"
#include "experiment/attribution_runs.hpp"
#include "experiment/batch_progress.hpp"
#include "experiment/experiment_database.hpp"
#include "experiment/summary_metrics.hpp"
#include "mercator/scenario.hpp"
#include "mercator/simulation.hpp"

namespace mercator {
namespace {

namespace fs = std::filesystem;

struct AttributeOptions {
  std::string scenario_path;
  std::vector<std::string> outcomes;
  std::vector<std::string> mechanisms;
  int replications = 5;
  std::optional<int> permutations;
  std::optional<int64_t> seed;
  unsigned parallel = all_cores();
  std::string database;
  std::string name;
  std::vector<std::string> overrides;
  int max_exact = 10;
  bool quiet = false;
};

// --- checks made before anything is written ---------------------------------

void check_exact_is_affordable(size_t mechanisms, int max_exact) {
  if (mechanisms <= static_cast<size_t>(max_exact)) return;
  throw InputError(fmt::format(
      "--mechanisms: exact Shapley values of {} mechanisms need 2^{} = {} coalitions per "
      "replicate; expected at most {} mechanisms (--max-exact), or --permutations M for values "
      "sampled from M random joining orders per replicate (e.g. --permutations 20)",
      mechanisms, mechanisms, Coalition{1} << mechanisms, max_exact));
}

// A dated `set` event switching a listed mechanism overrides the coalition
// from its date on: worth a warning, as that mechanism's value then only
// covers the days before it.
void warn_about_scheduled_switches(const SimulationConfig& config,
                                   const std::vector<std::string>& mechanisms) {
  for (const ScheduledEvent& event : config.events) {
    if (event.type != "set") continue;
    for (const std::string& name : mechanisms) {
      if (event.key == fmt::format("mechanisms.{}.enabled", name))
        std::cerr << fmt::format(
            "mercator: warning: an event on {} sets {} = {}, overriding the coalitions from that "
            "date on\n",
            event.date, event.key, event.value);
    }
  }
}

std::string day_after(const std::string& iso_date) {
  const std::optional<Date> date = Date::parse(iso_date);
  return Date{date->days_since_epoch + 1}.iso();  // the scenario loader has validated it
}

// Outcome names are checked against the summary of a two-day run of the
// scenario with every listed mechanism on, which has the same metrics as a
// full run: a misspelt outcome fails in seconds, not after the long runs.
void check_outcomes(const AttributeOptions& options, const AttributionSpec& spec,
                    const SimulationConfig& base) {
  std::vector<std::string> overrides = spec.overrides;
  for (const std::string& setting : coalition_overrides(
           spec.mechanisms, grand_coalition(static_cast<int>(spec.mechanisms.size()))))
    overrides.push_back(setting);
  overrides.push_back(fmt::format("run.end_date=\"{}\"", day_after(base.run.start_date)));
  const Scenario probe = load_scenario(spec.scenario_path, overrides);
  Simulation simulation(probe.config, 1);
  simulation.run();
  const SummaryMetrics metrics = flatten_summary(simulation.results().summary_json);
  for (const std::string& outcome : options.outcomes) summary_metric(metrics, outcome);
}

// A run name made safe as one file name component.
std::string file_name_component(const std::string& name) {
  std::string component;
  for (const char c : name) {
    const bool safe =
        std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.';
    component += safe ? c : '_';
  }
  return component.empty() ? "scenario" : component;
}

std::string design_text(const AttributionSpec& spec) {
  const size_t k = spec.mechanisms.size();
  if (spec.joining_orders == 0)
    return fmt::format("exact Shapley values over {} coalitions", Coalition{1} << k);
  return fmt::format("Shapley values sampled from {} joining orders per replicate",
                     spec.joining_orders);
}

// --- the result tables ------------------------------------------------------------

std::string estimate_text(const MeanEstimate& estimate) {
  if (std::isnan(estimate.half_width)) return fmt::format("{:.4g} ± n/a", estimate.mean);
  return fmt::format("{:.4g} ± {:.2g}", estimate.mean, estimate.half_width);
}

std::string share_text(double part, double total) {
  if (total == 0 || !std::isfinite(part / total)) return "-";
  return fmt::format("{:.1f}%", 100 * part / total);
}

void print_outcome_table(const AttributionSpec& spec, const std::string& outcome,
                         const AttributionEstimate& estimate) {
  const bool exact = spec.joining_orders == 0;
  std::cout << fmt::format("\n{}: {}, {} replicates, 95% intervals\n", outcome, design_text(spec),
                           spec.replications);
  std::cout << fmt::format("  v(all on) = {}   v(all off) = {}   v(all on) - v(all off) = {}\n",
                           estimate_text(estimate.grand_value), estimate_text(estimate.empty_value),
                           estimate_text(estimate.total_change));
  const std::string shapley_header = exact ? "shapley" : "shapley (sampled)";
  std::cout << fmt::format("  {:<21}{:<26}{:<26}{:<26}{}\n", "mechanism", shapley_header,
                           "ablation (all - without)", "solo (alone - none)", "share");
  double shapley_sum = 0;
  for (size_t i = 0; i < spec.mechanisms.size(); ++i) {
    const PlayerEstimate& player = estimate.players[i];
    shapley_sum += player.shapley.mean;
    std::cout << fmt::format("  {:<21}{:<26}{:<26}{:<26}{}\n", spec.mechanisms[i],
                             estimate_text(player.shapley), estimate_text(player.leave_one_out),
                             estimate_text(player.solo),
                             share_text(player.shapley.mean, estimate.total_change.mean));
  }
  std::cout << fmt::format(
      "  efficiency: sum of Shapley values {:.6g} = v(all on) - v(all off) {:.6g} "
      "(largest gap in a replicate {:.2g})\n",
      shapley_sum, estimate.total_change.mean, estimate.largest_efficiency_gap);
}

// --- the command -------------------------------------------------------------------

// Each outcome once, in the order given (a repeat would store its rows twice).
std::vector<std::string> distinct_outcomes(const std::vector<std::string>& outcomes) {
  std::vector<std::string> distinct;
  for (const std::string& outcome : outcomes)
    if (std::find(distinct.begin(), distinct.end(), outcome) == distinct.end())
      distinct.push_back(outcome);
  return distinct;
}

int attribute_command(AttributeOptions options) {
  options.outcomes = distinct_outcomes(options.outcomes);
  AttributionSpec spec;
  spec.scenario_path = options.scenario_path;
  spec.overrides = options.overrides;
  spec.mechanisms = attribution_mechanisms(options.mechanisms);
  spec.replications = options.replications;
  spec.joining_orders = options.permutations.value_or(0);
  if (!options.permutations) check_exact_is_affordable(spec.mechanisms.size(), options.max_exact);
  if (options.seed) spec.overrides.push_back(fmt::format("run.seed={}", *options.seed));

  const Scenario base = load_scenario(spec.scenario_path, spec.overrides);
  spec.seed = base.config.run.seed;
  spec.scenario_path = fs::absolute(spec.scenario_path).lexically_normal().string();
  warn_about_scheduled_switches(base.config, spec.mechanisms);
  check_outcomes(options, spec, base.config);

  const std::string default_name = "attribution-" + file_name_component(base.config.run.name);
  const std::string name = options.name.empty() ? default_name : options.name;
  const fs::path database_path =
      options.database.empty() ? fs::path(default_name + ".sqlite") : fs::path(options.database);
  ExperimentDatabase database(database_path);
  const int64_t experiment_id =
      database.open_experiment(attribution_record(name, spec, base.resolved_json));

  const std::vector<RunKey> runs = attribution_runs(spec);
  const std::set<RunKey> completed = database.completed_runs(experiment_id);
  std::vector<RunKey> pending;
  for (const RunKey& run : runs)
    if (!completed.count(run)) pending.push_back(run);
  if (!options.quiet)
    std::cerr << fmt::format(
        "attribute: {} mechanisms ({}), {}, {} replicates: {} runs, {} already in {}, {} to run "
        "({} at once)\n",
        spec.mechanisms.size(), fmt::join(spec.mechanisms, ", "), design_text(spec),
        spec.replications, runs.size(), runs.size() - pending.size(), database_path.string(),
        pending.size(), std::min<size_t>(options.parallel, std::max<size_t>(pending.size(), 1)));
  BatchProgress progress(std::cerr, ::isatty(STDERR_FILENO) != 0, pending.size());
  make_attribution_runs(database, experiment_id, spec, pending, options.parallel,
                        [&](const AttributionRunDone&) {
                          if (!options.quiet) progress.run_done();
                        });

  // Every outcome's estimates first: one that cannot be computed prints
  // and stores nothing.
  std::vector<AttributionEstimate> estimates;
  for (const std::string& outcome : options.outcomes)
    estimates.push_back(attribution_from_database(database, experiment_id, spec, outcome));
  std::vector<AttributionRow> rows;
  for (size_t o = 0; o < options.outcomes.size(); ++o) {
    print_outcome_table(spec, options.outcomes[o], estimates[o]);
    for (AttributionRow& row : attribution_rows(spec, options.outcomes[o], estimates[o]))
      rows.push_back(std::move(row));
  }
  database.replace_attribution(experiment_id, rows);
  std::cout << "\ndatabase: " << database_path.string() << "\n";
  return exit_success;
}

}  // namespace

Subcommand add_attribute_command(CLI::App& app) {
  auto options = std::make_shared<AttributeOptions>();
  CLI::App* attribute = app.add_subcommand(
      "attribute",
      "Attribute outcomes to mechanisms: Shapley values and ablation over replicated runs of "
      "every coalition of mechanisms (docs/attribution.md)");
  attribute->add_option("scenario", options->scenario_path, "Scenario file (TOML)")->required();
  attribute
      ->add_option("--outcome", options->outcomes,
                   "Summary metric to attribute (repeatable), e.g. final.gmv_last_year_usd")
      ->required()
      ->allow_extra_args(false);
  attribute
      ->add_option("--mechanisms", options->mechanisms,
                   "Mechanisms to attribute, comma-separated (default: all)")
      ->delimiter(',')
      ->allow_extra_args(false);
  attribute
      ->add_option("--replications", options->replications,
                   "Replicates per coalition; replicate r runs with seed + r (default 5)")
      ->check(CLI::Range(1, 100000));
  attribute
      ->add_option("--permutations", options->permutations,
                   "Sample Shapley values from M random joining orders per replicate instead of "
                   "running every coalition")
      ->type_name("M")
      ->check(CLI::Range(1, 1000000));
  attribute->add_option("--seed", options->seed, "Base seed (default: run.seed of the scenario)");
  attribute
      ->add_option("--parallel", options->parallel,
                   "Runs at once, each on one thread (default: all cores)")
      ->check(CLI::Range(1u, 4096u));
  attribute->add_option("--db", options->database,
                        "Experiment database (default: attribution-<run.name>.sqlite here)");
  attribute->add_option("--name", options->name,
                        "The attribution's name in the database, to keep several in one file "
                        "(default: attribution-<run.name>)");
  attribute
      ->add_option("--max-exact", options->max_exact,
                   "Most mechanisms for exact Shapley values (default 10: 1024 coalitions)")
      ->check(CLI::Range(1, max_exact_players));
  add_overrides_option(*attribute, options->overrides);
  attribute->add_flag("--quiet,-q", options->quiet, "No progress on stderr");
  return {attribute, [options] { return attribute_command(*options); }};
}

}  // namespace mercator
