#pragma once
// What an experiment database holds (src/experiment/experiment_database.hpp
// has the schema), read-only and whole, per experiment: its runs with their
// design parameters and summary metrics, the attribution and sensitivity
// rows, and the stored series. Tables other than experiments and runs may
// be missing or empty.
#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "experiment/experiment_database.hpp"

namespace mercator::report {

struct StoredRun {
  int64_t run_id = 0;
  int64_t point = 0;
  int64_t replicate = 0;
  int64_t seed = 0;
  double seconds = 0;
  std::map<std::string, std::string> parameters;
  std::map<std::string, double> metrics;  // NaN where stored as NULL
};

// One series (name, market) of an experiment: per design point and
// replicate, the value by day (NaN on days not stored).
struct StoredSeries {
  std::string name;
  std::string market;
  std::vector<std::string> dates;                                    // by day
  std::map<int64_t, std::map<int64_t, std::vector<double>>> values;  // [point][replicate][day]
};

struct StoredExperiment {
  int64_t experiment_id = 0;
  std::string name;
  std::string kind;
  std::string scenario_path;
  std::string spec_json;
  std::string created_utc;
  std::string git_commit;
  std::vector<StoredRun> runs;  // by point, then replicate
  std::vector<AttributionRow> attribution;
  std::vector<SensitivityRow> sensitivity;
  std::vector<StoredSeries> series;
};

// Throws InputError naming the file when it cannot be opened as SQLite or
// lacks the experiments and runs tables.
std::vector<StoredExperiment> read_experiment_contents(const std::filesystem::path& file);

}  // namespace mercator::report
