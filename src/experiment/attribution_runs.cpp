#include "experiment/attribution_runs.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <bit>
#include <nlohmann/json.hpp>
#include <numeric>
#include <stdexcept>

#include "experiment/batch_runner.hpp"
#include "experiment/summary_metrics.hpp"

namespace mercator {
namespace {

std::vector<std::string> run_overrides(const AttributionSpec& spec, const RunKey& run) {
  std::vector<std::string> overrides =
      coalition_overrides(spec.mechanisms, static_cast<Coalition>(run.first));
  overrides.push_back(
      fmt::format("run.seed={}", replicate_seed(spec, static_cast<int>(run.second))));
  return overrides;
}

RunRecord run_record(const AttributionSpec& spec, const RunKey& run, double seconds) {
  RunRecord record;
  record.point = run.first;
  record.replicate = run.second;
  record.seed = replicate_seed(spec, static_cast<int>(run.second));
  record.overrides = spec.overrides;
  for (const std::string& override_text : run_overrides(spec, run))
    record.overrides.push_back(override_text);
  for (size_t i = 0; i < spec.mechanisms.size(); ++i) {
    const bool on = (static_cast<Coalition>(run.first) >> i) & 1;
    record.parameters.emplace_back(fmt::format("mechanisms.{}.enabled", spec.mechanisms[i]),
                                   on ? "true" : "false");
  }
  record.seconds = seconds;
  return record;
}

// The books are checked again for every run: the daily ledger_balanced
// series (all balances sum to zero, recorded by the metrics collector every
// day) and the summary's end-of-run flag. So a run whose money does not add
// up never enters an attribution, even with run.check_ledger_daily off
// (which also skips the daily reconciliation of escrow with the orders in
// flight, a few percent of a run's time).
bool books_balanced(const RunResults& results) {
  if (summary_metric(flatten_summary(results.summary_json), "ledger_balanced") != 1.0) return false;
  const int column = results.metrics.series_index("ledger_balanced");
  if (column < 0) return true;
  for (size_t row = 0; row < results.metrics.row_count(); ++row)
    if (results.metrics.value(row, static_cast<size_t>(column)) != 1.0) return false;
  return true;
}

void check_books_balanced(const AttributionSpec& spec, const RunKey& run,
                          const RunResults& results) {
  if (books_balanced(results)) return;
  throw std::logic_error(
      fmt::format("the run of coalition {} in replicate {} has unbalanced "
                  "books",
                  coalition_label(spec.mechanisms, static_cast<Coalition>(run.first)), run.second));
}

// The order to make the runs in: replicate by replicate as given, and within
// a replicate the coalitions with more mechanisms on first. Those are the
// long runs (internationalization and cooperation on double a run's time),
// so the last runs of a batch are short ones and no worker is left running
// a long one alone at the end. Which run is which does not depend on this
// order, only the wall time does.
std::vector<size_t> longest_first(const std::vector<RunKey>& runs) {
  std::vector<size_t> order(runs.size());
  std::iota(order.begin(), order.end(), size_t{0});
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    if (runs[a].second != runs[b].second) return runs[a].second < runs[b].second;
    return std::popcount(static_cast<uint64_t>(runs[a].first)) >
           std::popcount(static_cast<uint64_t>(runs[b].first));
  });
  return order;
}

}  // namespace

ExperimentRecord attribution_record(const std::string& name, const AttributionSpec& spec,
                                    const std::string& resolved_scenario_json) {
  nlohmann::ordered_json json;
  json["mechanisms"] = spec.mechanisms;
  json["seed"] = spec.seed;
  json["scenario"] = nlohmann::ordered_json::parse(resolved_scenario_json);
  return {name, "attribution", spec.scenario_path, json.dump()};
}

std::vector<RunKey> attribution_runs(const AttributionSpec& spec) {
  const AttributionDesign design = attribution_design(spec);
  std::vector<RunKey> runs;
  for (int r = 0; r < spec.replications; ++r) {
    for (const Coalition coalition : design_coalitions(design, r))
      runs.emplace_back(static_cast<int64_t>(coalition), r);
  }
  return runs;
}

void make_attribution_runs(ExperimentDatabase& database, int64_t experiment_id,
                           const AttributionSpec& spec, const std::vector<RunKey>& runs,
                           unsigned parallel, const AttributionRunDoneFn& on_done) {
  if (runs.empty()) return;
  const std::vector<size_t> order = longest_first(runs);
  std::vector<RunRequest> requests;
  requests.reserve(runs.size());
  for (const size_t index : order) requests.push_back({run_overrides(spec, runs[index])});
  size_t finished = 0;
  // The runs keep their summaries; the daily ledger_balanced is read by the check.
  const BatchOptions batch{spec.scenario_path, spec.overrides, parallel,
                           SeriesSelection::summary_and({"ledger_balanced"})};
  run_batch(batch, requests,
            [&](size_t request, const RunResults& results) {
              const size_t index = order[request];
              check_books_balanced(spec, runs[index], results);
              const double seconds =
                  results.timings.setup_seconds + results.timings.simulate_seconds;
              database.store_run(experiment_id, run_record(spec, runs[index], seconds), results);
              if (on_done) on_done({runs[index], seconds, ++finished, runs.size()});
            });
}

}  // namespace mercator
