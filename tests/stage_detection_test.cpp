// Life-cycle stage detection (analysis/stage_detection.hpp, docs/analysis.md):
// on synthetic logistic curves the transitions fall at the closed-form dates
// t0 -+ ln((1 + sqrt(1 - f)) / (1 - sqrt(1 - f))) / r, within what the
// growth window can move them; falls and second waves after maturity are
// decline and renewal; the Bass scenario's stages fall at the Bass closed form.
#include "analysis/stage_detection.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <stdexcept>

#include "analysis/stage_smoothing.hpp"
#include "analysis/stage_table.hpp"
#include "core/random_stream.hpp"
#include "io/run_directory.hpp"
#include "mercator/scenario.hpp"
#include "temp_directory.hpp"
#include "test_support.hpp"

namespace mercator {
namespace {

using test_support::run_scenario;
using test_support::series;

constexpr const char* kBassScenario = "tests/scenarios/bass.toml";

double logistic(double saturation, double rate, double midpoint, double day) {
  return saturation / (1.0 + std::exp(-rate * (day - midpoint)));
}

std::vector<double> logistic_series(int days, double rate, double midpoint,
                                    double saturation = 1e6) {
  std::vector<double> values;
  for (int day = 0; day < days; ++day) values.push_back(logistic(saturation, rate, midpoint, day));
  return values;
}

// Half the width of the days on which a logistic curve's growth is at least
// `fraction` of its peak: s(1 - s) = fraction / 4 at t0 -+ this.
double closed_form_half_width(double fraction, double rate) {
  const double root = std::sqrt(1.0 - fraction);
  return std::log((1.0 + root) / (1.0 - root)) / rate;
}

// How far the growth window can move a transition of a logistic curve. The
// least-squares slope over the days within H of t is an average of the daily
// growth over [t - H, t + H] with non-negative weights: on the rising
// (falling) side it lies between the growth at t - H and t + H, so a crossing
// moves by at most H; and its peak lies between g(t0) and g(t0 + H), which
// lowers the threshold to at most fraction x 4 s_H (1 - s_H), s_H the
// logistic at rH, widening the closed form by the difference. Plus one day:
// stages change on whole days.
double window_tolerance(double fraction, double rate, double half_window) {
  const double s_h = 1.0 / (1.0 + std::exp(-rate * half_window));
  const double lowered = fraction * 4.0 * s_h * (1.0 - s_h);
  return half_window + closed_form_half_width(lowered, rate) -
         closed_form_half_width(fraction, rate) + 1.0;
}

std::vector<EcosystemStage> stage_sequence(const std::vector<StageSpan>& spans) {
  std::vector<EcosystemStage> stages;
  for (const StageSpan& span : spans) stages.push_back(span.stage);
  return stages;
}

void expect_cover(const std::vector<StageSpan>& spans, int days) {
  ASSERT_FALSE(spans.empty());
  EXPECT_EQ(spans.front().start_day, 0);
  EXPECT_EQ(spans.back().end_day, days - 1);
  for (size_t k = 1; k < spans.size(); ++k) EXPECT_EQ(spans[k].start_day, spans[k - 1].end_day + 1);
}

using enum EcosystemStage;

TEST(StageDetection, LogisticCurveGoesThroughExplorationExpansionMaturityAtClosedFormDates) {
  const int days = 1500;
  const double rate = 0.02, midpoint = 600;
  const StageConfig config;  // growth_days 61: H = 30
  const std::vector<double> members = logistic_series(days, rate, midpoint);
  const std::vector<StageSpan> spans =
      detect_stages(members, std::vector<double>(days, 0.0), config);
  expect_cover(spans, days);
  ASSERT_EQ(stage_sequence(spans), (std::vector{Exploration, Expansion, Maturity}));
  const double half_width = closed_form_half_width(config.expansion_fraction, rate);  // 88.1 days
  const double tolerance =
      window_tolerance(config.expansion_fraction, rate, double(config.growth_days / 2));
  EXPECT_NEAR(spans[1].start_day, midpoint - half_width, tolerance);
  EXPECT_NEAR(spans[2].start_day, midpoint + half_width, tolerance);
}

TEST(StageDetection, NarrowWindowPinsTheClosedFormToADay) {
  const int days = 1500;
  const double rate = 0.02, midpoint = 600;
  StageConfig config;
  config.growth_days = 3;  // H = 1: the tolerance is about two days
  config.expansion_fraction = 0.25;
  const std::vector<StageSpan> spans =
      detect_stages(logistic_series(days, rate, midpoint), std::vector<double>(days, 0.0), config);
  ASSERT_EQ(stage_sequence(spans), (std::vector{Exploration, Expansion, Maturity}));
  const double half_width = closed_form_half_width(0.25, rate);  // 131.7 days
  const double tolerance = window_tolerance(0.25, rate, 1.0);
  EXPECT_LT(tolerance, 2.1);
  EXPECT_NEAR(spans[1].start_day, midpoint - half_width, tolerance);
  EXPECT_NEAR(spans[2].start_day, midpoint + half_width, tolerance);
}

// Members saturate, then fall linearly from day 1000 to 60% of the peak by
// day 1060 and stay there. The centred median of a monotone stretch is its
// middle value, so the smoothed level crosses 80% of its running maximum
// where the series does: day 1030 (to a day).
TEST(StageDetection, SustainedFallAfterMaturityIsDecline) {
  const int days = 1500;
  std::vector<double> members = logistic_series(days, 0.02, 500);
  const double peak = members[999];
  for (int day = 1000; day < days; ++day)
    members[day] = peak * (1.0 - 0.4 * std::min(1.0, (day - 1000) / 60.0));
  const StageConfig config;
  const std::vector<StageSpan> spans =
      detect_stages(members, std::vector<double>(days, 0.0), config);
  expect_cover(spans, days);
  ASSERT_EQ(stage_sequence(spans), (std::vector{Exploration, Expansion, Maturity, Decline}));
  EXPECT_NEAR(spans[3].start_day, 1030, 1.0);
  EXPECT_EQ(spans[3].end_day, days - 1);
}

TEST(StageDetection, FallShorterThanDeclineDaysIsNotDecline) {
  const int days = 1500;
  std::vector<double> members = logistic_series(days, 0.02, 500);
  const StageConfig config;  // decline_days 90
  for (int day = 1000; day < 1000 + 60; ++day) members[day] *= 0.6;
  const std::vector<StageSpan> spans =
      detect_stages(members, std::vector<double>(days, 0.0), config);
  EXPECT_EQ(stage_sequence(spans), (std::vector{Exploration, Expansion, Maturity}));
}

// Volume collapses by half and stays down while members hold: decline too.
TEST(StageDetection, SustainedCollapseOfVolumeIsDecline) {
  const int days = 1500;
  const std::vector<double> members = logistic_series(days, 0.02, 500);
  std::vector<double> volume = logistic_series(days, 0.02, 520, 5e4);
  for (int day = 1100; day < days; ++day) volume[day] *= 0.5;
  const std::vector<StageSpan> spans = detect_stages(members, volume, StageConfig{});
  ASSERT_EQ(stage_sequence(spans), (std::vector{Exploration, Expansion, Maturity, Decline}));
  // A step: the centred median of 31 days passes it on the step's day.
  EXPECT_NEAR(spans[3].start_day, 1100, 1.0);
}

// A second wave of members (a new market segment) after maturity: growth
// returns to the first peak, so renewal spans the second wave's expansion.
TEST(StageDetection, SecondWaveAfterMaturityIsRenewal) {
  const int days = 1800;
  const double rate = 0.02;
  std::vector<double> members = logistic_series(days, rate, 400);
  const std::vector<double> second = logistic_series(days, rate, 1300);
  for (int day = 0; day < days; ++day) members[day] += second[day];
  const StageConfig config;
  const std::vector<StageSpan> spans =
      detect_stages(members, std::vector<double>(days, 0.0), config);
  expect_cover(spans, days);
  ASSERT_EQ(stage_sequence(spans),
            (std::vector{Exploration, Expansion, Maturity, Renewal, Maturity}));
  const double half_width = closed_form_half_width(config.renewal_fraction, rate);
  const double tolerance =
      window_tolerance(config.renewal_fraction, rate, double(config.growth_days / 2));
  EXPECT_NEAR(spans[3].start_day, 1300 - half_width, tolerance);
  EXPECT_NEAR(spans[4].start_day, 1300 + half_width, tolerance);
}

TEST(StageDetection, SeriesThatNeverGrowsStaysInExploration) {
  for (const double level : {0.0, 5000.0}) {
    const std::vector<double> flat(400, level);
    const std::vector<StageSpan> spans = detect_stages(flat, flat, StageConfig{});
    ASSERT_EQ(spans.size(), 1u);
    EXPECT_EQ(spans[0].stage, Exploration);
    EXPECT_EQ(spans[0].end_day, 399);
  }
  EXPECT_TRUE(detect_stages({}, {}, StageConfig{}).empty());
}

TEST(StageDetection, RunEndingBeforeTheInflectionEndsInExpansion) {
  const int days = 500;
  const std::vector<StageSpan> spans = detect_stages(logistic_series(days, 0.02, 600),
                                                     std::vector<double>(days, 0.0), StageConfig{});
  EXPECT_EQ(stage_sequence(spans), (std::vector{Exploration, Expansion}));
}

TEST(StageDetection, VolumeSignalDatesTheStagesByVolume) {
  const int days = 1500;
  const std::vector<double> members(days, 1000.0);
  const std::vector<double> volume = logistic_series(days, 0.02, 600);
  StageConfig config;
  EXPECT_EQ(stage_sequence(detect_stages(members, volume, config)), (std::vector{Exploration}));
  config.growth_signal = "volume";
  const std::vector<StageSpan> spans = detect_stages(members, volume, config);
  ASSERT_EQ(stage_sequence(spans), (std::vector{Exploration, Expansion, Maturity}));
  const double tolerance =
      window_tolerance(config.expansion_fraction, 0.02, double(config.growth_days / 2));
  EXPECT_NEAR(spans[1].start_day, 600 - closed_form_half_width(config.expansion_fraction, 0.02),
              tolerance);
}

TEST(StageDetection, SeriesOfDifferentLengthsAreRefused) {
  EXPECT_THROW(
      detect_stages(std::vector<double>(10, 1.0), std::vector<double>(9, 1.0), StageConfig{}),
      std::invalid_argument);
}

TEST(StageDetection, StageParametersAreValidated) {
  EXPECT_NO_THROW(load_scenario(kBassScenario, {"analysis.stages.expansion_fraction=0.3",
                                                "analysis.stages.growth_signal=\"volume\""}));
  EXPECT_THROW(load_scenario(kBassScenario, {"analysis.stages.expansion_fraction=1.5"}),
               ScenarioError);
  EXPECT_THROW(load_scenario(kBassScenario, {"analysis.stages.growth_signal=\"sellers\""}),
               ScenarioError);
  EXPECT_THROW(load_scenario(kBassScenario, {"analysis.stages.decline_days=0"}), ScenarioError);
  EXPECT_THROW(load_scenario(kBassScenario, {"analysis.stages.smoothing_dayz=3"}), ScenarioError);
  try {
    load_scenario(kBassScenario, {"analysis.indices.robustness_level_days=30",
                                  "analysis.indices.robustness_reference_days=20"});
    FAIL() << "a robustness reference shorter than the level window was accepted";
  } catch (const ScenarioError& error) {
    EXPECT_NE(std::string(error.what()).find("analysis.indices.robustness_reference_days"),
              std::string::npos)
        << error.what();
  }
}

// A metrics table of one market AA and ALL, day-major like the collector's.
MetricsTable two_row_table(const std::vector<double>& members) {
  MetricsTable table;
  table.series_names = {"buyers_active", "sellers_active", "orders"};
  table.market_codes = {"AA", "ALL"};
  for (size_t day = 0; day < members.size(); ++day) {
    table.day_dates.push_back("d" + std::to_string(day));
    for (uint16_t market = 0; market < 2; ++market) {
      table.row_day.push_back(int32_t(day));
      table.row_market.push_back(market);
      table.values.insert(table.values.end(), {members[day], 10.0, 0.0});
    }
  }
  return table;
}

TEST(StageTable, EveryMarketAndAllGetStagesAndTransitionEvents) {
  const int days = 1500;
  const MetricsTable table = two_row_table(logistic_series(days, 0.02, 600));
  const std::vector<StagePeriod> stages = detect_run_stages(table, StageConfig{});
  ASSERT_EQ(stages.size(), 6u);
  EXPECT_EQ(stages[0].market, "AA");
  EXPECT_EQ(stages[0].stage, "exploration");
  EXPECT_EQ(stages[2].stage, "maturity");
  EXPECT_EQ(stages[3].market, "ALL");
  EXPECT_EQ(stages[5].end_day, days - 1);

  std::vector<EventRecord> events = {{0, "d0", "AA", "p", "market_entry", "launch"},
                                     {stages[1].start_day, "x", "AA", "p", "innovation", "presale"},
                                     {1400, "d1400", "ALL", "", "festival", "11.11"}};
  add_stage_transitions(events, stages, table.day_dates);
  ASSERT_EQ(events.size(), 7u);
  for (size_t k = 1; k < events.size(); ++k) EXPECT_LE(events[k - 1].day, events[k].day);
  // The simulation's own event of the day comes first, then the transitions.
  EXPECT_EQ(events[1].type, "innovation");
  EXPECT_EQ(events[2].type, "stage_transition");
  EXPECT_EQ(events[2].market, "AA");
  EXPECT_EQ(events[2].platform, "");
  EXPECT_EQ(events[2].detail, "exploration->expansion");
  EXPECT_EQ(events[2].date, "d" + std::to_string(stages[1].start_day));
}

class StagesFile : public TempDirectoryTest {
 protected:
  StagesFile() : TempDirectoryTest("stages") {}
};

TEST_F(StagesFile, OneRowPerPeriodWithDates) {
  const std::vector<StagePeriod> stages = {{"AA", "exploration", 0, 1}, {"AA", "expansion", 2, 2}};
  write_stages_csv(directory_ / "stages.csv", stages, {"2010-01-01", "2010-01-02", "2010-01-03"});
  EXPECT_EQ(read_file(directory_ / "stages.csv"),
            "market,stage,start_day,start_date,end_day,end_date\n"
            "AA,exploration,0,2010-01-01,1,2010-01-02\n"
            "AA,expansion,2,2010-01-03,2,2010-01-03\n");
}

// The Bass model: F'(t) is a logistic density of rate b = p + q centred on
// t* = ln(q/p) / b (F is an affine map of a logistic curve), so the growth
// of adopters crosses half its peak at t* -+ 1.7627 / b: days 24.5 and
// 184.8. A row of day d holds the state after d + 1 days of adoption.
struct BassExpectation {
  double expansion_start = 0;
  double maturity_start = 0;
  double tolerance = 0;
};

// Sampling noise of a crossing date: the slope over 2H + 1 days of N buyers'
// adoptions has a standard deviation of about sqrt(g / (2H N)) a day (g the
// adoption share a day); the threshold f x peak carries the noise of the
// peak; both move the date by their size over the growth curve's slope
// b |1 - 2s| g at the crossing, s = (1 - sqrt(1 - f)) / 2.
double crossing_sd(double p, double q, double fraction, double half_window, double buyers) {
  const double b = p + q, a = q / p;
  const double peak = (1.0 + a) / a * b / 4.0;
  const double at_crossing = fraction * peak;
  const double s = (1.0 - std::sqrt(1.0 - fraction)) / 2.0;
  const double slope = b * (1.0 - 2.0 * s) * at_crossing;
  const double growth_sd = std::sqrt(at_crossing / (2.0 * half_window * buyers));
  const double threshold_sd = fraction * std::sqrt(peak / (2.0 * half_window * buyers));
  return std::hypot(growth_sd, threshold_sd) / slope;
}

BassExpectation bass_expectation(const StageConfig& config, double buyers) {
  const double p = 0.002, q = 0.02, b = p + q;
  const double inflection = std::log(q / p) / b;
  const double half_width = closed_form_half_width(config.expansion_fraction, b);
  const double half_window = double(config.growth_days / 2);
  BassExpectation expected;
  expected.expansion_start = inflection - half_width - 1.0;
  expected.maturity_start = inflection + half_width - 1.0;
  // Window, day granularity, 4 sd of sampling noise, and the daily steps of
  // the model: it adopts with 1 - exp(-h) a day, not h, a hazard short by at
  // most h/2 = 1.1%, which delays a date by at most that share of it.
  expected.tolerance = window_tolerance(config.expansion_fraction, b, half_window) +
                       4.0 * crossing_sd(p, q, config.expansion_fraction, half_window, buyers) +
                       b / 2.0 * expected.maturity_start;
  return expected;
}

TEST(StageDetectionModel, BassScenarioStagesFallAtTheBassClosedForm) {
  // A three-week window: the first transition (day 24) lies beyond it.
  const RunResults results = run_scenario(kBassScenario, {"analysis.stages.growth_days=21"});
  StageConfig config;
  config.growth_days = 21;
  const BassExpectation expected = bass_expectation(config, 100000);  // m = 1: every buyer agent
  EXPECT_LT(expected.tolerance, 20.0);  // half a window and a day (12), noise (4), daily steps (2)
  for (const char* market : {"US", "ALL"}) {
    std::vector<StagePeriod> periods;
    for (const StagePeriod& period : results.stages) {
      if (period.market == market) periods.push_back(period);
    }
    ASSERT_EQ(periods.size(), 3u) << market;
    EXPECT_EQ(periods[0].stage, "exploration");
    EXPECT_EQ(periods[1].stage, "expansion");
    EXPECT_EQ(periods[2].stage, "maturity");
    EXPECT_NEAR(periods[1].start_day, expected.expansion_start, expected.tolerance) << market;
    EXPECT_NEAR(periods[2].start_day, expected.maturity_start, expected.tolerance) << market;
  }
}

// The least-squares slope applied to the closed form itself: what the
// default window should find in the model, up to noise and daily steps.
std::pair<int, int> estimator_on_closed_form(const StageConfig& config, int days) {
  const double p = 0.002, q = 0.02, b = p + q, a = q / p;
  std::vector<double> adopted;
  for (int day = 0; day < days; ++day) {
    const double t = day + 1.0;
    adopted.push_back((1.0 - std::exp(-b * t)) / (1.0 + a * std::exp(-b * t)));
  }
  const int half = int(config.growth_days / 2);
  std::vector<double> growth;
  for (int day = 0; day < days; ++day) {
    const int first = std::max(0, day - half), last = std::min(days - 1, day + half);
    const double mean_t = (first + last) / 2.0;
    double mean_f = 0;
    for (int t = first; t <= last; ++t) mean_f += adopted[t];
    mean_f /= last - first + 1;
    double covariance = 0, variance = 0;
    for (int t = first; t <= last; ++t) {
      covariance += (t - mean_t) * (adopted[t] - mean_f);
      variance += (t - mean_t) * (t - mean_t);
    }
    growth.push_back(covariance / variance);
  }
  const auto peak = std::max_element(growth.begin(), growth.end());
  const double threshold = config.expansion_fraction * *peak;
  const int start =
      int(std::find_if(growth.begin(), growth.end(), [&](double g) { return g >= threshold; }) -
          growth.begin());
  const int end = int(std::find_if(peak, growth.end(), [&](double g) { return g < threshold; }) -
                      growth.begin());
  return {start, end};
}

TEST(StageDetectionModel, DefaultWindowFindsWhatItFindsOnTheClosedForm) {
  const RunResults results = run_scenario(kBassScenario);
  const StageConfig config;
  const auto [expansion, maturity] = estimator_on_closed_form(config, 365);
  const double tolerance = 1.0 +
                           4.0 * crossing_sd(0.002, 0.02, config.expansion_fraction, 30, 100000) +
                           0.022 / 2.0 * maturity;
  std::vector<StagePeriod> periods;
  for (const StagePeriod& period : results.stages) {
    if (period.market == "ALL") periods.push_back(period);
  }
  ASSERT_EQ(periods.size(), 3u);
  EXPECT_NEAR(periods[1].start_day, expansion, tolerance);
  EXPECT_NEAR(periods[2].start_day, maturity, tolerance);

  // The summary carries the same days as numbers; an absent stage has no key.
  const nlohmann::ordered_json summary = nlohmann::ordered_json::parse(results.summary_json);
  ASSERT_TRUE(summary.contains("stages"));
  const nlohmann::ordered_json& all = summary["stages"]["ALL"];
  EXPECT_EQ(all["exploration_start_day"], 0);
  EXPECT_EQ(all["expansion_start_day"], periods[1].start_day);
  EXPECT_EQ(all["maturity_start_day"], periods[2].start_day);
  EXPECT_FALSE(all.contains("decline_start_day"));
  EXPECT_EQ(all["final_stage"], "maturity");
  EXPECT_EQ(all["transitions"], 2);
  EXPECT_TRUE(summary["stages"].contains("US"));
  EXPECT_EQ(summary["stages"].begin().key(), "ALL") << "ALL comes first";

  size_t transitions = 0;
  for (const EventRecord& event : results.events) transitions += event.type == "stage_transition";
  EXPECT_EQ(transitions, 4u);  // two per row: US and ALL
}

// The sliding median equals the median of each day's window computed from
// scratch (sorted copy; the mean of the two middle values when the window,
// cut at an end, holds an even count), on series with ties and spikes.
TEST(StageSmoothing, MovingMedianIsEachWindowsMedian) {
  RandomStream random(9, Purpose::Test, 0, 0);
  for (const int64_t half_width : {0, 1, 2, 15, 40}) {
    for (const size_t days : {1u, 2u, 7u, 100u, 365u}) {
      std::vector<double> series(days);
      // Few distinct values (ties), a trend, and occasional spikes.
      for (size_t d = 0; d < days; ++d)
        series[d] = double(random.below(5)) + 0.01 * double(d) + (random.below(20) == 0 ? 50.0 : 0.0);
      const std::vector<double> median = centred_moving_median(series, half_width);
      ASSERT_EQ(median.size(), days);
      for (size_t d = 0; d < days; ++d) {
        const size_t first = d >= size_t(half_width) ? d - size_t(half_width) : 0;
        const size_t last = std::min(days - 1, d + size_t(half_width));
        std::vector<double> window(series.begin() + first, series.begin() + last + 1);
        std::sort(window.begin(), window.end());
        const size_t middle = window.size() / 2;
        const double expected =
            window.size() % 2 ? window[middle] : (window[middle] + window[middle - 1]) / 2.0;
        ASSERT_EQ(median[d], expected) << "half width " << half_width << ", days " << days
                                       << ", day " << d;
      }
    }
  }
}

}  // namespace
}  // namespace mercator
