// The batch runner: each run equals the same run done alone, whatever the
// parallelism, and a bad override fails the batch before anything runs.
#include <gtest/gtest.h>

#include <map>

#include "experiment/batch_runner.hpp"
#include "experiment/summary_metrics.hpp"
#include "mercator/scenario.hpp"
#include "test_support.hpp"

namespace mercator {
namespace {

const char* const bass = "tests/scenarios/bass.toml";

TEST(BatchRunner, ParallelRunsEqualRunsDoneAlone) {
  std::vector<RunRequest> requests;
  for (int seed : {1, 2, 3, 4, 5}) requests.push_back({{"run.seed=" + std::to_string(seed)}});
  std::map<size_t, std::string> summaries;
  run_batch({bass, {"run.end_date=\"2010-03-31\""}, 3}, requests,
            [&](size_t index, const RunResults& results) {
              EXPECT_FALSE(summaries.count(index)) << "run " << index << " reported twice";
              summaries[index] = results.summary_json;
            });
  ASSERT_EQ(summaries.size(), requests.size());
  for (size_t index = 0; index < requests.size(); ++index) {
    const RunResults alone = test_support::run_scenario(
        bass, {"run.end_date=\"2010-03-31\"", requests[index].overrides[0]}, 1);
    EXPECT_EQ(summaries[index], alone.summary_json) << "run " << index;
  }
  EXPECT_NE(summaries[0], summaries[1]) << "different seeds gave the same run";
}

TEST(BatchRunner, BadOverrideFailsBeforeAnyRun) {
  size_t runs_done = 0;
  const std::vector<RunRequest> requests = {{{"run.seed=1"}}, {{"buyers.no_such_key=1"}}};
  EXPECT_THROW(run_batch({bass, {}, 2}, requests, [&](size_t, const RunResults&) { ++runs_done; }),
               ScenarioError);
  EXPECT_EQ(runs_done, 0u);
}

TEST(BatchRunner, ErrorInCallbackStopsTheBatch) {
  std::vector<RunRequest> requests(6, RunRequest{{"run.end_date=\"2010-01-31\""}});
  size_t calls = 0;
  EXPECT_THROW(run_batch({bass, {}, 1}, requests,
                         [&](size_t, const RunResults&) {
                           ++calls;
                           throw std::runtime_error("disk full");
                         }),
               std::runtime_error);
  EXPECT_EQ(calls, 1u);
}

TEST(SummaryMetrics, FlattensNumbersByDottedPath) {
  const SummaryMetrics metrics = flatten_summary(
      R"({"final": {"gmv": 2.5, "top": "CN"}, "ok": true, "platforms": [{"sellers": 3}]})");
  ASSERT_EQ(metrics.size(), 3u);
  EXPECT_EQ(summary_metric(metrics, "final.gmv"), 2.5);
  EXPECT_EQ(summary_metric(metrics, "ok"), 1.0);
  EXPECT_EQ(summary_metric(metrics, "platforms.0.sellers"), 3.0);
  try {
    summary_metric(metrics, "gmv");
    FAIL() << "an absent metric was found";
  } catch (const InputError& error) {
    EXPECT_NE(std::string(error.what()).find("final.gmv"), std::string::npos) << error.what();
  }
}

}  // namespace
}  // namespace mercator
