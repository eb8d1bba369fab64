#include "experiment/experiment_database.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>

#include <cmath>
#include <nlohmann/json.hpp>

#include "experiment/summary_metrics.hpp"
#include "io/run_directory.hpp"
#include "mercator_git_commit.hpp"  // generated at build time: MERCATOR_GIT_COMMIT

namespace mercator {
namespace {

constexpr const char* schema = R"sql(
CREATE TABLE IF NOT EXISTS experiments (
  experiment_id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  kind TEXT NOT NULL,
  scenario_path TEXT NOT NULL,
  spec_json TEXT NOT NULL,
  created_utc TEXT NOT NULL,
  git_commit TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS runs (
  run_id INTEGER PRIMARY KEY,
  experiment_id INTEGER NOT NULL REFERENCES experiments(experiment_id),
  point INTEGER NOT NULL,
  replicate INTEGER NOT NULL,
  seed INTEGER NOT NULL,
  overrides_json TEXT NOT NULL,
  seconds REAL NOT NULL,
  UNIQUE (experiment_id, point, replicate));
CREATE TABLE IF NOT EXISTS run_parameters (
  run_id INTEGER NOT NULL REFERENCES runs(run_id),
  key TEXT NOT NULL,
  value TEXT NOT NULL,
  PRIMARY KEY (run_id, key));
CREATE TABLE IF NOT EXISTS run_metrics (
  run_id INTEGER NOT NULL REFERENCES runs(run_id),
  name TEXT NOT NULL,
  value REAL,
  PRIMARY KEY (run_id, name));
CREATE TABLE IF NOT EXISTS run_series (
  run_id INTEGER NOT NULL REFERENCES runs(run_id),
  day INTEGER NOT NULL,
  date TEXT NOT NULL,
  market TEXT NOT NULL,
  name TEXT NOT NULL,
  value REAL);
CREATE INDEX IF NOT EXISTS run_series_by_run ON run_series(run_id, name, market);
CREATE TABLE IF NOT EXISTS attribution (
  experiment_id INTEGER NOT NULL REFERENCES experiments(experiment_id),
  outcome TEXT NOT NULL,
  mechanism TEXT NOT NULL,
  method TEXT NOT NULL,
  estimate REAL, ci_low REAL, ci_high REAL,
  replications INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS sensitivity (
  experiment_id INTEGER NOT NULL REFERENCES experiments(experiment_id),
  outcome TEXT NOT NULL,
  parameter TEXT NOT NULL,
  first_order REAL, first_order_ci REAL, total REAL, total_ci REAL,
  samples INTEGER NOT NULL);
)sql";

// A non-finite value is stored as NULL, which pandas reads as NaN.
void bind_real(SQLite::Statement& statement, int index, double value) {
  if (std::isfinite(value)) {
    statement.bind(index, value);
  } else {
    statement.bind(index);
  }
}

void store_series(SQLite::Database& db, int64_t run_id, const RunRecord& run,
                  const MetricsTable& metrics) {
  if (run.series.empty()) return;
  std::vector<size_t> columns;
  for (const std::string& name : run.series) {
    const int column = metrics.series_index(name);
    if (column < 0) throw ExperimentDatabaseError(fmt::format("no series '{}' in the run", name));
    columns.push_back(static_cast<size_t>(column));
  }
  std::vector<bool> market_wanted(metrics.market_codes.size(), false);
  for (const std::string& code : run.series_markets) {
    bool found = false;
    for (size_t m = 0; m < metrics.market_codes.size(); ++m) {
      if (metrics.market_codes[m] == code) market_wanted[m] = found = true;
    }
    if (!found) throw ExperimentDatabaseError(fmt::format("no market '{}' in the run", code));
  }
  SQLite::Statement insert(db, "INSERT INTO run_series VALUES (?, ?, ?, ?, ?, ?)");
  for (size_t row = 0; row < metrics.row_count(); ++row) {
    const uint16_t market = metrics.row_market[row];
    if (!market_wanted[market]) continue;
    const int32_t day = metrics.row_day[row];
    for (size_t s = 0; s < columns.size(); ++s) {
      insert.bind(1, run_id);
      insert.bind(2, day);
      insert.bind(3, metrics.day_dates[static_cast<size_t>(day)]);
      insert.bind(4, metrics.market_codes[market]);
      insert.bind(5, run.series[s]);
      bind_real(insert, 6, metrics.value(row, columns[s]));
      insert.exec();
      insert.reset();
    }
  }
}

// Replaces, in one transaction, the experiment's rows of a results table
// (attribution, sensitivity) for every outcome the new rows cover. Columns 1
// and 2 are experiment_id and outcome; bind_rest binds columns 3 to 8.
template <typename Row, typename BindRest>
void replace_outcome_rows(SQLite::Database& db, const std::string& table, int64_t experiment_id,
                          const std::vector<Row>& rows, BindRest bind_rest) {
  SQLite::Transaction transaction(db);
  SQLite::Statement remove(db, "DELETE FROM " + table + " WHERE experiment_id = ? AND outcome = ?");
  SQLite::Statement insert(db, "INSERT INTO " + table + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
  std::set<std::string> cleared;
  for (const Row& row : rows) {
    if (cleared.insert(row.outcome).second) {
      remove.bind(1, experiment_id);
      remove.bind(2, row.outcome);
      remove.exec();
      remove.reset();
    }
    insert.bind(1, experiment_id);
    insert.bind(2, row.outcome);
    bind_rest(insert, row);
    insert.exec();
    insert.reset();
  }
  transaction.commit();
}

}  // namespace

ExperimentDatabase::ExperimentDatabase(const std::filesystem::path& file) {
  try {
    db_ = std::make_unique<SQLite::Database>(file.string(),
                                             SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    db_->exec("PRAGMA journal_mode = WAL");  // a crash never corrupts finished runs
    db_->exec("PRAGMA foreign_keys = ON");
    db_->exec(schema);
  } catch (const SQLite::Exception& error) {
    throw ExperimentDatabaseError(
        fmt::format("{}: cannot open as an experiment database: {}", file.string(), error.what()));
  }
}

ExperimentDatabase::~ExperimentDatabase() = default;

int64_t ExperimentDatabase::open_experiment(const ExperimentRecord& record) {
  SQLite::Statement find(
      *db_, "SELECT experiment_id, kind, scenario_path, spec_json FROM experiments WHERE name = ?");
  find.bind(1, record.name);
  if (find.executeStep()) {
    const int64_t id = find.getColumn(0).getInt64();
    if (find.getColumn(1).getString() != record.kind ||
        find.getColumn(2).getString() != record.scenario_path ||
        find.getColumn(3).getString() != record.spec_json) {
      throw ExperimentDatabaseError(fmt::format(
          "experiment '{}' is already in the database with a different {} or specification; "
          "expected the same one to resume it (use another name or database for a new one)",
          record.name, record.kind));
    }
    return id;
  }
  SQLite::Statement insert(*db_,
                           "INSERT INTO experiments (name, kind, scenario_path, spec_json, "
                           "created_utc, git_commit) VALUES (?, ?, ?, ?, ?, ?)");
  insert.bind(1, record.name);
  insert.bind(2, record.kind);
  insert.bind(3, record.scenario_path);
  insert.bind(4, record.spec_json);
  insert.bind(5, utc_timestamp());
  insert.bind(6, MERCATOR_GIT_COMMIT);
  insert.exec();
  return db_->getLastInsertRowid();
}

std::set<RunKey> ExperimentDatabase::completed_runs(int64_t experiment_id) const {
  SQLite::Statement query(*db_, "SELECT point, replicate FROM runs WHERE experiment_id = ?");
  query.bind(1, experiment_id);
  std::set<RunKey> keys;
  while (query.executeStep()) keys.emplace(query.getColumn(0).getInt64(), query.getColumn(1).getInt64());
  return keys;
}

void ExperimentDatabase::store_run(int64_t experiment_id, const RunRecord& run,
                                   const RunResults& results) {
  SQLite::Transaction transaction(*db_);
  SQLite::Statement insert(*db_,
                           "INSERT INTO runs (experiment_id, point, replicate, seed, "
                           "overrides_json, seconds) VALUES (?, ?, ?, ?, ?, ?)");
  insert.bind(1, experiment_id);
  insert.bind(2, run.point);
  insert.bind(3, run.replicate);
  insert.bind(4, run.seed);
  insert.bind(5, nlohmann::json(run.overrides).dump());
  insert.bind(6, run.seconds);
  insert.exec();
  const int64_t run_id = db_->getLastInsertRowid();

  SQLite::Statement parameter(*db_, "INSERT INTO run_parameters VALUES (?, ?, ?)");
  for (const auto& [key, value] : run.parameters) {
    parameter.bind(1, run_id);
    parameter.bind(2, key);
    parameter.bind(3, value);
    parameter.exec();
    parameter.reset();
  }
  SQLite::Statement metric(*db_, "INSERT INTO run_metrics VALUES (?, ?, ?)");
  for (const auto& [name, value] : flatten_summary(results.summary_json)) {
    metric.bind(1, run_id);
    metric.bind(2, name);
    bind_real(metric, 3, value);
    metric.exec();
    metric.reset();
  }
  store_series(*db_, run_id, run, results.metrics);
  transaction.commit();
}

std::map<RunKey, double> ExperimentDatabase::metric_values(int64_t experiment_id,
                                                           const std::string& name) const {
  SQLite::Statement query(*db_,
                          "SELECT r.point, r.replicate, m.value FROM runs r JOIN run_metrics m "
                          "ON m.run_id = r.run_id WHERE r.experiment_id = ? AND m.name = ?");
  query.bind(1, experiment_id);
  query.bind(2, name);
  std::map<RunKey, double> values;
  while (query.executeStep()) {
    const double value = query.getColumn(2).isNull() ? std::nan("") : query.getColumn(2).getDouble();
    values[{query.getColumn(0).getInt64(), query.getColumn(1).getInt64()}] = value;
  }
  if (values.empty() && !completed_runs(experiment_id).empty())
    throw ExperimentDatabaseError(fmt::format("no run has a summary metric '{}'", name));
  return values;
}

void ExperimentDatabase::replace_attribution(int64_t experiment_id,
                                             const std::vector<AttributionRow>& rows) {
  replace_outcome_rows(*db_, "attribution", experiment_id, rows,
                       [](SQLite::Statement& insert, const AttributionRow& row) {
                         insert.bind(3, row.mechanism);
                         insert.bind(4, row.method);
                         bind_real(insert, 5, row.estimate);
                         bind_real(insert, 6, row.ci_low);
                         bind_real(insert, 7, row.ci_high);
                         insert.bind(8, row.replications);
                       });
}

void ExperimentDatabase::replace_sensitivity(int64_t experiment_id,
                                             const std::vector<SensitivityRow>& rows) {
  replace_outcome_rows(*db_, "sensitivity", experiment_id, rows,
                       [](SQLite::Statement& insert, const SensitivityRow& row) {
                         insert.bind(3, row.parameter);
                         bind_real(insert, 4, row.first_order);
                         bind_real(insert, 5, row.first_order_ci);
                         bind_real(insert, 6, row.total);
                         bind_real(insert, 7, row.total_ci);
                         insert.bind(8, row.samples);
                       });
}

}  // namespace mercator
