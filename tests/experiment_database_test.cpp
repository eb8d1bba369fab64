// The experiment database: runs stored whole, resumable, and guarded
// against mixing runs from a changed specification.
#include <gtest/gtest.h>

#include "experiment/experiment_database.hpp"
#include "temp_directory.hpp"
#include "test_support.hpp"

namespace mercator {
namespace {

class ExperimentDatabaseTest : public TempDirectoryTest {
 protected:
  ExperimentDatabaseTest() : TempDirectoryTest("experiment-db") {}
};

RunResults short_bass_run(int seed) {
  return test_support::run_scenario(
      "tests/scenarios/bass.toml",
      {"run.end_date=\"2010-02-28\"", "run.seed=" + std::to_string(seed)}, 1);
}

TEST_F(ExperimentDatabaseTest, StoresRunsAndResumesBySkippingThem) {
  const auto file = directory_ / "experiment.sqlite";
  const ExperimentRecord record{"sweep", "experiment", "tests/scenarios/bass.toml", "{\"n\": 2}"};
  const RunResults results = short_bass_run(1);
  {
    ExperimentDatabase db(file);
    const int64_t id = db.open_experiment(record);
    RunRecord run;
    run.point = 3;
    run.replicate = 1;
    run.seed = 1;
    run.parameters = {{"buyers.word_of_mouth", "0.02"}};
    run.series = {"penetration", "orders"};
    db.store_run(id, run, results);
  }
  ExperimentDatabase reopened(file);
  const int64_t id = reopened.open_experiment(record);
  EXPECT_EQ(reopened.completed_runs(id), (std::set<RunKey>{{3, 1}}));
  const auto values = reopened.metric_values(id, "final.active_buyers");
  ASSERT_EQ(values.size(), 1u);
  EXPECT_GT(values.at({3, 1}), 0.0);
  EXPECT_THROW(reopened.metric_values(id, "final.no_such_metric"), ExperimentDatabaseError);

  ExperimentRecord changed = record;
  changed.spec_json = "{\"n\": 3}";
  EXPECT_THROW(reopened.open_experiment(changed), ExperimentDatabaseError);
}

TEST_F(ExperimentDatabaseTest, AbsentSeriesRollsTheWholeRunBack) {
  ExperimentDatabase db(directory_ / "experiment.sqlite");
  const int64_t id = db.open_experiment({"x", "experiment", "s.toml", "{}"});
  RunRecord run;
  run.series = {"no_such_series"};
  EXPECT_THROW(db.store_run(id, run, short_bass_run(2)), ExperimentDatabaseError);
  EXPECT_TRUE(db.completed_runs(id).empty());
}

TEST_F(ExperimentDatabaseTest, RefusesAFileThatIsNotADatabase) {
  const std::string file =
      write("notes.txt", "not sqlite at all, just text that is long enough to matter\n");
  EXPECT_THROW(ExperimentDatabase{file}, ExperimentDatabaseError);
}

}  // namespace
}  // namespace mercator
