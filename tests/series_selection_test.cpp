// Recording only some daily series (metrics/series_selection.hpp): a run
// that records the summary's series and a few wanted ones gives the same
// summary, stages and events as a run that records every series, and the
// same values in every column it records.
#include <gtest/gtest.h>

#include <algorithm>
#include <stdexcept>
#include <string>
#include <vector>

#include "metrics/collector.hpp"
#include "metrics/run_summary.hpp"
#include "test_support.hpp"

namespace mercator {
namespace {

// Two years of the default scenario: every mechanism of the issue's
// attribution, entries into new markets, stage transitions.
const char* const kScenario = "scenarios/default.toml";
const std::vector<std::string> kShort = {"run.end_date=\"2011-12-31\""};

RunResults run_recording(const SeriesSelection& series,
                         const std::vector<std::string>& overrides = kShort) {
  const Scenario scenario = load_scenario(kScenario, overrides);
  Simulation simulation(scenario.config, 1, series);
  simulation.run();
  return simulation.results();
}

void expect_same_run(const RunResults& full, const RunResults& part) {
  EXPECT_EQ(part.summary_json, full.summary_json);
  ASSERT_EQ(part.stages.size(), full.stages.size());
  for (size_t k = 0; k < full.stages.size(); ++k) {
    EXPECT_EQ(part.stages[k].market, full.stages[k].market);
    EXPECT_EQ(part.stages[k].stage, full.stages[k].stage);
    EXPECT_EQ(part.stages[k].start_day, full.stages[k].start_day);
  }
  ASSERT_EQ(part.events.size(), full.events.size());
  for (size_t k = 0; k < full.events.size(); ++k) EXPECT_EQ(part.events[k].detail, full.events[k].detail);
  ASSERT_EQ(part.metrics.row_count(), full.metrics.row_count());
  for (const std::string& name : part.metrics.series_names) {
    const size_t mine = test_support::series_column(part.metrics, name);
    const size_t theirs = test_support::series_column(full.metrics, name);
    for (size_t row = 0; row < full.metrics.row_count(); ++row) {
      ASSERT_EQ(part.metrics.value(row, mine), full.metrics.value(row, theirs))
          << name << " differs in row " << row;
    }
  }
}

TEST(SeriesSelection, SummaryRunsMatchFullRunsInEverythingTheyRecord) {
  const RunResults full = run_recording(SeriesSelection::all());
  EXPECT_EQ(full.metrics.series_names, series_names());

  // Wanted: one series of each kind the collector gathers separately (the
  // ledger check, seller facts, sales concentration, an index, the
  // post-run robustness index, a platform-wide count of seller facts).
  const std::vector<std::string> wanted = {"ledger_balanced",    "mean_credit_score",
                                           "top20_sales_share",  "embeddedness_index",
                                           "robustness_index",   "complementor_types"};
  const RunResults part = run_recording(SeriesSelection::summary_and(wanted));
  expect_same_run(full, part);

  // Recorded: the wanted series and what the run reads afterwards, in the
  // catalogue's order, nothing else.
  std::vector<std::string> expected;
  for (const std::string& name : series_names()) {
    const bool read = std::find(summary_series().begin(), summary_series().end(), name) !=
                      summary_series().end();
    const bool asked = std::find(wanted.begin(), wanted.end(), name) != wanted.end();
    if (read || asked) expected.push_back(name);
  }
  EXPECT_EQ(part.metrics.series_names, expected);
  EXPECT_LT(part.metrics.series_names.size(), full.metrics.series_names.size() / 4);
}

TEST(SeriesSelection, SummaryOnlyRunMatchesWithStagesOnSellersAndGmv) {
  // Stage detection on other series than the default's: those are recorded too.
  std::vector<std::string> overrides = kShort;
  overrides.push_back("analysis.stages.members_series=\"sellers\"");
  overrides.push_back("analysis.stages.volume_series=\"gmv_usd\"");
  const RunResults full = run_recording(SeriesSelection::all(), overrides);
  const RunResults part = run_recording(SeriesSelection::summary_and({}), overrides);
  expect_same_run(full, part);
}

TEST(SeriesSelection, UnknownSeriesIsABug) {
  EXPECT_THROW(run_recording(SeriesSelection::summary_and({"no_such_series"})), std::logic_error);
}

}  // namespace
}  // namespace mercator
