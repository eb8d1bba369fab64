#pragma once
// A small experiment database for the report tests, written through the
// real API (experiment/experiment_database.hpp) from real runs:
//   - "ad-reach-sweep" (experiment): the Bass scenario for 90 days at three
//     values of buyers.ad_reach_per_day, two replicates each, with the
//     penetration and adoptions series of ALL stored;
//   - "mechanism-attribution" (attribution) and "reach-sensitivity"
//     (sensitivity): result rows only. Their numbers are fixture input for
//     the charts to draw (the report shows what is stored), not estimates;
//   - "not-started" (experiment): nothing stored yet.
// Paths are relative to the repository root, where the tests run.
#include <filesystem>
#include <string>
#include <vector>

#include "experiment/batch_runner.hpp"
#include "experiment/experiment_database.hpp"

namespace mercator::report_fixture {

inline const std::vector<std::string> ad_reach_values = {"0.001", "0.002", "0.004"};
inline constexpr int replicates = 2;

inline void store_sweep(ExperimentDatabase& db) {
  const int64_t id = db.open_experiment(
      {"ad-reach-sweep", "experiment", "tests/scenarios/bass.toml",
       R"({"design": "grid", "parameters": {"buyers.ad_reach_per_day": [0.001, 0.002, 0.004]}, "replicates": 2})"});
  std::vector<RunRequest> requests;
  std::vector<RunRecord> records;
  for (size_t point = 0; point < ad_reach_values.size(); ++point) {
    for (int replicate = 0; replicate < replicates; ++replicate) {
      RunRecord record;
      record.point = static_cast<int64_t>(point);
      record.replicate = replicate;
      record.seed = 11 + replicate;
      record.overrides = {"buyers.ad_reach_per_day=" + ad_reach_values[point],
                          "run.seed=" + std::to_string(record.seed)};
      record.parameters = {{"buyers.ad_reach_per_day", ad_reach_values[point]}};
      record.series = {"penetration", "adoptions"};
      requests.push_back({record.overrides});
      records.push_back(std::move(record));
    }
  }
  const BatchOptions options{"tests/scenarios/bass.toml", {"run.end_date=\"2010-03-31\""}, 2};
  run_batch(options, requests, [&](size_t index, const RunResults& results) {
    db.store_run(id, records[index], results);
  });
}

inline void store_results(ExperimentDatabase& db) {
  const int64_t attribution = db.open_experiment(
      {"mechanism-attribution", "attribution", "tests/scenarios/mechanisms.toml", "{}"});
  db.replace_attribution(
      attribution, {{"final.gmv_last_year_usd", "escrow", "shapley", 2.0e6, 1.5e6, 2.5e6, 8},
                    {"final.gmv_last_year_usd", "reputation", "shapley", -4.0e5, -9.0e5, 1.0e5, 8},
                    {"final.gmv_last_year_usd", "escrow", "ablation", 2.4e6, 1.6e6, 3.2e6, 8},
                    {"final.gmv_last_year_usd", "reputation", "ablation", -2.0e5, -8.0e5, 4.0e5, 8},
                    {"final.dispute_rate", "escrow", "ablation", -0.01, -0.015, -0.005, 8}});
  const int64_t sensitivity =
      db.open_experiment({"reach-sensitivity", "sensitivity", "tests/scenarios/bass.toml", "{}"});
  db.replace_sensitivity(
      sensitivity,
      {{"final.active_buyers", "buyers.ad_reach_per_day", 0.62, 0.08, 0.70, 0.09, 64},
       {"final.active_buyers", "buyers.word_of_mouth_per_day", 0.25, 0.07, 0.33, 0.08, 64}});
  db.open_experiment({"not-started", "experiment", "tests/scenarios/bass.toml", "{}"});
}

inline void write_fixture_database(const std::filesystem::path& file) {
  std::filesystem::remove(file);
  ExperimentDatabase db(file);
  store_sweep(db);
  store_results(db);
}

}  // namespace mercator::report_fixture
