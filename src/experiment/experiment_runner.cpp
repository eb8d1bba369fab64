#include "experiment/experiment_runner.hpp"

#include "experiment/batch_runner.hpp"

namespace mercator {

namespace {

// Like a run directory, the database's folder is made when needed (the
// input has been checked by now).
const std::filesystem::path& with_folder(const std::filesystem::path& database) {
  if (database.has_parent_path()) std::filesystem::create_directories(database.parent_path());
  return database;
}

}  // namespace

ExperimentRunner::ExperimentRunner(const Experiment& experiment,
                                   const std::filesystem::path& database)
    : experiment_(experiment),
      database_(std::make_unique<ExperimentDatabase>(with_folder(database))) {
  const ExperimentSpec& spec = experiment.spec;
  experiment_id_ = database_->open_experiment(
      {spec.name, experiment_kind(spec), spec.scenario, experiment.spec_json});
  const std::set<RunKey> completed = database_->completed_runs(experiment_id_);
  for (const PlannedRun& run : experiment.runs) {
    if (!completed.contains({run.point, run.replicate})) pending_.push_back(&run);
  }
}

void ExperimentRunner::run(unsigned parallel, const FirstResultCheck& check_first,
                           BatchProgress* progress) {
  if (pending_.empty()) return;
  const ExperimentSpec& spec = experiment_.spec;
  std::vector<RunRequest> requests;
  requests.reserve(pending_.size());
  for (const PlannedRun* run : pending_) requests.push_back({run->overrides});

  bool checked = !check_first;
  // run_batch serializes these calls, so the database sees one writer.
  const BatchOptions batch{spec.scenario_path, spec.set, parallel,
                           SeriesSelection::summary_and(spec.series)};
  run_batch(batch, requests,
            [&](size_t index, const RunResults& results) {
              if (!checked) {
                check_first(results);
                checked = true;
              }
              const PlannedRun& run = *pending_[index];
              RunRecord record;
              record.point = run.point;
              record.replicate = run.replicate;
              record.seed = run.seed;
              record.overrides = spec.set;  // everything needed to repeat it with mercator run
              record.overrides.insert(record.overrides.end(), run.overrides.begin(),
                                      run.overrides.end());
              record.parameters = run.parameters;
              record.seconds = results.timings.setup_seconds + results.timings.simulate_seconds;
              record.series = spec.series;
              record.series_markets = spec.series_markets;
              database_->store_run(experiment_id_, record, results);
              if (progress) progress->run_done();
            });
}

}  // namespace mercator
