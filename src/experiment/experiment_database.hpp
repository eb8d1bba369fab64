#pragma once
// The SQLite database an experiment, an attribution or a sensitivity
// analysis writes: one file, read with pandas.read_sql or any SQLite client.
//
// Tables (docs/experiments.md describes them for users):
//   experiments(experiment_id, name, kind, scenario_path, spec_json,
//               created_utc, git_commit)
//   runs(run_id, experiment_id, point, replicate, seed, overrides_json,
//        seconds)                        -- one row per finished run
//   run_parameters(run_id, key, value)   -- the design's values for the run
//   run_metrics(run_id, name, value)     -- the run's summary, flattened
//   run_series(run_id, day, date, market, name, value)  -- when asked
//   attribution(experiment_id, outcome, mechanism, method, estimate, ci_low,
//               ci_high, replications)
//   sensitivity(experiment_id, outcome, parameter, first_order,
//               first_order_ci, total, total_ci, samples)
//
// A run is written in one transaction with its parameters, metrics and
// series, and only once it has finished, so the database never holds half
// a run: an interrupted experiment resumes by skipping completed_runs().
#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <set>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "core/input_error.hpp"
#include "metrics/run_results.hpp"

namespace SQLite {
class Database;
}

namespace mercator {

// The database cannot take this experiment (it was made from another spec),
// or the file is not an experiment database.
struct ExperimentDatabaseError : InputError {
  using InputError::InputError;
};

struct ExperimentRecord {
  std::string name;
  std::string kind;  // "experiment", "attribution" or "sensitivity"
  std::string scenario_path;
  std::string spec_json;  // everything that decides the runs; compared on resume
};

// (design point, replicate): a run's place in its experiment.
using RunKey = std::pair<int64_t, int64_t>;

struct RunRecord {
  int64_t point = 0;
  int64_t replicate = 0;
  int64_t seed = 0;
  std::vector<std::string> overrides;                         // as given to the run
  std::vector<std::pair<std::string, std::string>> parameters;  // design values
  double seconds = 0;
  // Series stored in run_series: names from the metrics table, for the
  // markets listed ("ALL" for the whole run). Empty: none stored.
  std::vector<std::string> series;
  std::vector<std::string> series_markets = {"ALL"};
};

struct AttributionRow {
  std::string outcome;
  std::string mechanism;
  std::string method;  // "shapley", "shapley_sampled", "ablation" or "solo" (docs/attribution.md)
  double estimate = 0;
  double ci_low = 0;
  double ci_high = 0;
  int64_t replications = 0;
};

struct SensitivityRow {
  std::string outcome;
  std::string parameter;
  double first_order = 0;
  double first_order_ci = 0;  // half-width of the 95% interval
  double total = 0;
  double total_ci = 0;
  int64_t samples = 0;  // base samples N (runs = N * (k + 2) per replicate)
};

class ExperimentDatabase {
 public:
  // Opens or creates the file and its tables.
  explicit ExperimentDatabase(const std::filesystem::path& file);
  ~ExperimentDatabase();
  ExperimentDatabase(const ExperimentDatabase&) = delete;
  ExperimentDatabase& operator=(const ExperimentDatabase&) = delete;

  // The experiment's id: a new row, or the existing one of that name when
  // its kind, scenario and spec match. Throws ExperimentDatabaseError when
  // they differ (a changed spec must not mix with old runs).
  int64_t open_experiment(const ExperimentRecord& record);

  std::set<RunKey> completed_runs(int64_t experiment_id) const;

  // Writes a finished run with its metrics and the series asked for.
  void store_run(int64_t experiment_id, const RunRecord& run, const RunResults& results);

  // One summary metric of every finished run; throws ExperimentDatabaseError
  // naming the metric when no run has it.
  std::map<RunKey, double> metric_values(int64_t experiment_id, const std::string& name) const;

  // Replace the experiment's rows for these outcomes.
  void replace_attribution(int64_t experiment_id, const std::vector<AttributionRow>& rows);
  void replace_sensitivity(int64_t experiment_id, const std::vector<SensitivityRow>& rows);

 private:
  std::unique_ptr<SQLite::Database> db_;
};

}  // namespace mercator
