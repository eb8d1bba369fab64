#include "report/experiment_contents.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>

#include <limits>
#include <set>

namespace mercator::report {
namespace {

constexpr double missing = std::numeric_limits<double>::quiet_NaN();

double real_or_nan(const SQLite::Column& column) {
  return column.isNull() ? missing : column.getDouble();
}

std::set<std::string> table_names(SQLite::Database& db) {
  std::set<std::string> names;
  SQLite::Statement query(db, "SELECT name FROM sqlite_master WHERE type = 'table'");
  while (query.executeStep()) names.insert(query.getColumn(0).getString());
  return names;
}

std::vector<StoredExperiment> read_experiments(SQLite::Database& db) {
  std::vector<StoredExperiment> experiments;
  SQLite::Statement query(
      db,
      "SELECT experiment_id, name, kind, scenario_path, spec_json, created_utc, "
      "git_commit FROM experiments ORDER BY experiment_id");
  while (query.executeStep()) {
    StoredExperiment experiment;
    experiment.experiment_id = query.getColumn(0).getInt64();
    experiment.name = query.getColumn(1).getString();
    experiment.kind = query.getColumn(2).getString();
    experiment.scenario_path = query.getColumn(3).getString();
    experiment.spec_json = query.getColumn(4).getString();
    experiment.created_utc = query.getColumn(5).getString();
    experiment.git_commit = query.getColumn(6).getString();
    experiments.push_back(std::move(experiment));
  }
  return experiments;
}

void read_runs(SQLite::Database& db, const std::set<std::string>& tables,
               StoredExperiment& experiment) {
  std::map<int64_t, size_t> by_id;
  SQLite::Statement runs(db,
                         "SELECT run_id, point, replicate, seed, seconds FROM runs "
                         "WHERE experiment_id = ? ORDER BY point, replicate");
  runs.bind(1, experiment.experiment_id);
  while (runs.executeStep()) {
    StoredRun run;
    run.run_id = runs.getColumn(0).getInt64();
    run.point = runs.getColumn(1).getInt64();
    run.replicate = runs.getColumn(2).getInt64();
    run.seed = runs.getColumn(3).getInt64();
    run.seconds = real_or_nan(runs.getColumn(4));
    by_id[run.run_id] = experiment.runs.size();
    experiment.runs.push_back(std::move(run));
  }
  if (tables.count("run_parameters")) {
    SQLite::Statement parameters(
        db,
        "SELECT p.run_id, p.key, p.value FROM run_parameters p JOIN runs r "
        "ON r.run_id = p.run_id WHERE r.experiment_id = ?");
    parameters.bind(1, experiment.experiment_id);
    while (parameters.executeStep()) {
      StoredRun& run = experiment.runs[by_id.at(parameters.getColumn(0).getInt64())];
      run.parameters[parameters.getColumn(1).getString()] = parameters.getColumn(2).getString();
    }
  }
  if (tables.count("run_metrics")) {
    SQLite::Statement metrics(db,
                              "SELECT m.run_id, m.name, m.value FROM run_metrics m JOIN runs r "
                              "ON r.run_id = m.run_id WHERE r.experiment_id = ?");
    metrics.bind(1, experiment.experiment_id);
    while (metrics.executeStep()) {
      StoredRun& run = experiment.runs[by_id.at(metrics.getColumn(0).getInt64())];
      run.metrics[metrics.getColumn(1).getString()] = real_or_nan(metrics.getColumn(2));
    }
  }
}

void read_attribution(SQLite::Database& db, StoredExperiment& experiment) {
  SQLite::Statement query(
      db,
      "SELECT outcome, mechanism, method, estimate, ci_low, ci_high, replications "
      "FROM attribution WHERE experiment_id = ? ORDER BY rowid");
  query.bind(1, experiment.experiment_id);
  while (query.executeStep()) {
    experiment.attribution.push_back(
        {query.getColumn(0).getString(), query.getColumn(1).getString(),
         query.getColumn(2).getString(), real_or_nan(query.getColumn(3)),
         real_or_nan(query.getColumn(4)), real_or_nan(query.getColumn(5)),
         query.getColumn(6).getInt64()});
  }
}

void read_sensitivity(SQLite::Database& db, StoredExperiment& experiment) {
  SQLite::Statement query(
      db,
      "SELECT outcome, parameter, first_order, first_order_ci, total, total_ci, "
      "samples FROM sensitivity WHERE experiment_id = ? ORDER BY rowid");
  query.bind(1, experiment.experiment_id);
  while (query.executeStep()) {
    experiment.sensitivity.push_back(
        {query.getColumn(0).getString(), query.getColumn(1).getString(),
         real_or_nan(query.getColumn(2)), real_or_nan(query.getColumn(3)),
         real_or_nan(query.getColumn(4)), real_or_nan(query.getColumn(5)),
         query.getColumn(6).getInt64()});
  }
}

void read_series(SQLite::Database& db, StoredExperiment& experiment) {
  SQLite::Statement query(
      db,
      "SELECT s.name, s.market, r.point, r.replicate, s.day, s.date, s.value "
      "FROM run_series s JOIN runs r ON r.run_id = s.run_id "
      "WHERE r.experiment_id = ? ORDER BY s.name, s.market, r.point, r.replicate, s.day");
  query.bind(1, experiment.experiment_id);
  while (query.executeStep()) {
    const std::string name = query.getColumn(0).getString();
    const std::string market = query.getColumn(1).getString();
    if (experiment.series.empty() || experiment.series.back().name != name ||
        experiment.series.back().market != market) {
      experiment.series.push_back({name, market, {}, {}});
    }
    StoredSeries& series = experiment.series.back();
    const int64_t day = query.getColumn(4).getInt64();
    if (day < 0) continue;
    const size_t index = static_cast<size_t>(day);
    if (series.dates.size() <= index) series.dates.resize(index + 1);
    series.dates[index] = query.getColumn(5).getString();
    std::vector<double>& values =
        series.values[query.getColumn(2).getInt64()][query.getColumn(3).getInt64()];
    if (values.size() <= index) values.resize(index + 1, missing);
    values[index] = real_or_nan(query.getColumn(6));
  }
}

}  // namespace

std::vector<StoredExperiment> read_experiment_contents(const std::filesystem::path& file) {
  try {
    SQLite::Database db(file.string(), SQLite::OPEN_READONLY);
    const std::set<std::string> tables = table_names(db);
    if (!tables.count("experiments") || !tables.count("runs")) {
      throw InputError(fmt::format(
          "{}: an SQLite database without the tables experiments and runs; expected an "
          "experiment database (as mercator's experiments, attributions and sensitivity analyses "
          "write)",
          file.string()));
    }
    std::vector<StoredExperiment> experiments = read_experiments(db);
    for (StoredExperiment& experiment : experiments) {
      read_runs(db, tables, experiment);
      if (tables.count("attribution")) read_attribution(db, experiment);
      if (tables.count("sensitivity")) read_sensitivity(db, experiment);
      if (tables.count("run_series")) read_series(db, experiment);
    }
    return experiments;
  } catch (const SQLite::Exception& error) {
    throw InputError(
        fmt::format("{}: cannot be read as an experiment database ({}); expected the "
                    "SQLite file an experiment writes",
                    file.string(), error.what()));
  }
}

}  // namespace mercator::report
