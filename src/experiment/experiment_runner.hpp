#pragma once
// Running an experiment into its database: opens (or resumes) the
// experiment, skips the runs already stored, runs the rest through
// run_batch and stores each as it finishes, so an interrupted experiment
// loses only the runs in flight and resumes where it stopped.
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <vector>

#include "experiment/batch_progress.hpp"
#include "experiment/experiment_database.hpp"
#include "experiment/experiment_loader.hpp"

namespace mercator {

// Called with the first new run's results before it is stored; throwing
// stops the experiment with nothing of that run stored (sensitivity checks
// its outcomes there, rather than after every run).
using FirstResultCheck = std::function<void(const RunResults& results)>;

class ExperimentRunner {
 public:
  // Opens or creates the database (and its folder) and the experiment's row
  // in it. Throws
  // ExperimentDatabaseError when the database holds an experiment of the
  // same name made from another specification.
  ExperimentRunner(const Experiment& experiment, const std::filesystem::path& database);

  // As found when the database was opened.
  size_t total_runs() const { return experiment_.runs.size(); }
  size_t skipped_runs() const { return total_runs() - pending_.size(); }
  size_t pending_runs() const { return pending_.size(); }
  int64_t experiment_id() const { return experiment_id_; }
  ExperimentDatabase& database() { return *database_; }

  // Runs the pending runs, `parallel` at once (each on one thread).
  void run(unsigned parallel, const FirstResultCheck& check_first, BatchProgress* progress);

 private:
  const Experiment& experiment_;
  std::unique_ptr<ExperimentDatabase> database_;
  int64_t experiment_id_ = 0;
  std::vector<const PlannedRun*> pending_;
};

}  // namespace mercator
