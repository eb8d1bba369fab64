// Calibration: the targets file, the statistics of a target in a run, and
// the fit itself, which must recover known Bass parameters from figures a run
// with those parameters produced.
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <nlohmann/json.hpp>

#include "bass_reference.hpp"
#include "command_runner.hpp"
#include "core/input_error.hpp"
#include "experiment/calibration.hpp"
#include "mercator/scenario.hpp"
#include "report/run_report.hpp"
#include "temp_directory.hpp"
#include "test_support.hpp"

namespace mercator {
namespace {

namespace fs = std::filesystem;
using test_support::run_mercator;
constexpr const char* kBass = "tests/scenarios/bass.toml";
const std::string kShortRun = "run.end_date=\"2010-07-31\"";

class CalibrationTest : public TempDirectoryTest {
 protected:
  CalibrationTest() : TempDirectoryTest("calibration") {}

  // The message of the InputError reading these targets throws.
  std::string targets_error(const std::string& content) {
    try {
      read_calibration_targets(write("targets.csv", content));
    } catch (const InputError& error) {
      return error.what();
    }
    return "";
  }
};

TEST_F(CalibrationTest, ReadsTargetsWithDefaultsForOptionalColumns) {
  const auto targets = read_calibration_targets(
      write("targets.csv",
            "market,series,date,value,statistic,window_days\n"
            "US,penetration,2010-03-01,0.25,,\n"
            "ALL,gmv_usd,2010-12-31,1.5e9,sum,365\n"));
  ASSERT_EQ(targets.size(), 2u);
  EXPECT_EQ(targets[0].series, "penetration");
  EXPECT_EQ(targets[0].window_days, 1);
  EXPECT_EQ(targets[0].statistic, TargetStatistic::Mean);
  EXPECT_EQ(targets[0].weight, 1.0);
  EXPECT_EQ(targets[1].statistic, TargetStatistic::Sum);
  EXPECT_EQ(targets[1].window_days, 365);
  EXPECT_EQ(targets[1].value, 1.5e9);
  EXPECT_EQ(targets[1].line, 3);
}

TEST_F(CalibrationTest, NamesTheLineAndColumnOfABadTarget) {
  const std::string bad_value = targets_error("series,market,date,value\norders,US,2010-01-05,lots\n");
  EXPECT_NE(bad_value.find("targets.csv:2"), std::string::npos) << bad_value;
  EXPECT_NE(bad_value.find("'value'"), std::string::npos) << bad_value;
  const std::string bad_date = targets_error("series,market,date,value\norders,US,2010-13-05,1\n");
  EXPECT_NE(bad_date.find("YYYY-MM-DD"), std::string::npos) << bad_date;
  const std::string bad_statistic =
      targets_error("series,market,date,value,statistic\norders,US,2010-01-05,1,median\n");
  EXPECT_NE(bad_statistic.find("mean, sum or last"), std::string::npos) << bad_statistic;
  const std::string no_value = targets_error("series,market,date\norders,US,2010-01-05\n");
  EXPECT_NE(no_value.find("no column 'value'"), std::string::npos) << no_value;
  EXPECT_NE(targets_error("series,market,date,value\n").find("no targets"), std::string::npos);
}

TEST_F(CalibrationTest, ChecksTargetsAgainstTheScenarioBeforeAnyRun) {
  const Scenario scenario = load_scenario(kBass, {kShortRun});
  const auto targets = read_calibration_targets(
      write("targets.csv",
            "series,market,date,value,window_days\n"
            "penetration,US,2010-03-01,0.2,1\n"
            "penetrashun,US,2010-03-01,0.2,1\n"
            "penetration,FR,2010-03-01,0.2,1\n"
            "penetration,US,2010-01-05,0.2,10\n"));
  try {
    check_targets_against(targets, "targets.csv", scenario.config);
    FAIL() << "bad targets accepted";
  } catch (const InputError& error) {
    const std::string message = error.what();
    EXPECT_EQ(message.find("targets.csv:2"), std::string::npos) << "a good target was flagged";
    EXPECT_NE(message.find("targets.csv:3: series 'penetrashun'"), std::string::npos) << message;
    EXPECT_NE(message.find("targets.csv:4: market 'FR'"), std::string::npos) << message;
    EXPECT_NE(message.find("targets.csv:5: window 2009-12-27"), std::string::npos) << message;
  }
}

TEST_F(CalibrationTest, TargetStatisticsReadTheWindowOfTheSeries) {
  const RunResults run = test_support::run_scenario(kBass, {kShortRun}, 1);
  const std::vector<double> share = test_support::series(run.metrics, "penetration", "US");
  // 2010-03-01 is day 59; a 10-day window ends on it.
  CalibrationTarget target{"penetration", "US", "2010-03-01", 0.0, 10, TargetStatistic::Sum};
  double sum = 0;
  for (int day = 50; day <= 59; ++day) sum += share[day];
  EXPECT_DOUBLE_EQ(simulated_value(target, run.metrics), sum);
  target.statistic = TargetStatistic::Mean;
  EXPECT_DOUBLE_EQ(simulated_value(target, run.metrics), sum / 10);
  target.statistic = TargetStatistic::Last;
  EXPECT_DOUBLE_EQ(simulated_value(target, run.metrics), share[59]);
}

// Figures from runs with the Bass parameters p = 0.002, q = 0.02 (seeds 1, 2);
// the fit starts from p = 0.004, q = 0.01. With the same seeds (common random
// numbers) the truth has loss 0, so the fit must find parameters whose
// mean-field Bass path matches the truth's within the path noise of 100,000
// buyers (4 sd of the linear-noise approximation, bass_reference.hpp) at
// every target date.
TEST_F(CalibrationTest, RecoversBassParametersFromTheirOwnFigures) {
  const std::vector<std::string> dates = {"2010-02-15", "2010-04-01", "2010-05-15", "2010-07-01"};
  std::vector<CalibrationTarget> targets;
  for (const std::string& date : dates)
    targets.push_back({"penetration", "US", date, 0.0, 1, TargetStatistic::Mean, 1.0});
  for (int seed : {1, 2}) {
    const RunResults truth =
        test_support::run_scenario(kBass, {kShortRun, "run.seed=" + std::to_string(seed)}, 1);
    for (CalibrationTarget& target : targets) target.value += simulated_value(target, truth.metrics) / 2;
  }
  CalibrationOptions options;
  options.scenario_path = kBass;
  options.overrides = {kShortRun, "buyers.ad_reach_per_day=0.004",
                       "buyers.word_of_mouth_per_day=0.01"};
  const Scenario start = load_scenario(kBass, options.overrides);
  options.parameters = {
      parse_calibration_parameter("buyers.ad_reach_per_day:0.0005:0.01", start.resolved_json),
      parse_calibration_parameter("buyers.word_of_mouth_per_day:0.005:0.05", start.resolved_json)};
  EXPECT_DOUBLE_EQ(options.parameters[0].start, 0.004);
  options.targets = targets;
  options.replications = 2;
  options.max_evaluations = 80;
  options.parallel = 2;
  const CalibrationResult result = calibrate(options);

  ASSERT_EQ(result.fitted.size(), 2u);
  EXPECT_LT(result.fitted_loss, result.start_loss);
  const int days = 182;
  const auto truth_path = bass_reference::bass_recursion(0.002, 0.02, days);
  const auto fitted_path = bass_reference::bass_recursion(result.fitted[0], result.fitted[1], days);
  const auto sd = bass_reference::bass_path_sd(0.002, 0.02, 100000, days);
  for (const int day : {45, 90, 134, 181}) {  // the target dates, as day numbers
    EXPECT_NEAR(fitted_path[day + 1], truth_path[day + 1], 4 * sd[day + 1])
        << "day " << day << ", fitted p " << result.fitted[0] << " q " << result.fitted[1];
  }
  EXPECT_LE(result.evaluations.size(), 80u);
}

TEST_F(CalibrationTest, HeldOutTargetsStayOutOfTheFitAndAreReported) {
  CalibrationOptions options;
  options.scenario_path = kBass;
  options.overrides = {kShortRun};
  const Scenario scenario = load_scenario(kBass, options.overrides);
  options.parameters = {
      parse_calibration_parameter("buyers.word_of_mouth_per_day:0.005:0.05", scenario.resolved_json)};
  options.targets = {{"penetration", "US", "2010-03-01", 0.2, 1, TargetStatistic::Mean, 1.0},
                     {"penetration", "US", "2010-07-01", 0.5, 1, TargetStatistic::Mean, 1.0}};
  options.holdout_from = "2010-06-01";
  options.replications = 1;
  options.max_evaluations = 25;
  const CalibrationResult result = calibrate(options);
  ASSERT_EQ(result.fits.size(), 2u);
  EXPECT_TRUE(result.fits[0].in_sample);
  EXPECT_FALSE(result.fits[1].in_sample);
  // The in-sample loss is the first target's alone; the held-out one the second's.
  EXPECT_DOUBLE_EQ(result.fitted_loss, std::pow(result.fits[0].relative_error, 2));
  EXPECT_DOUBLE_EQ(result.holdout_loss, std::pow(result.fits[1].relative_error, 2));
}

TEST_F(CalibrationTest, RefusesParametersItCannotSearch) {
  const Scenario scenario = load_scenario(kBass, {kShortRun});
  EXPECT_THROW(parse_calibration_parameter("buyers.no_such_thing", scenario.resolved_json), InputError);
  EXPECT_THROW(parse_calibration_parameter("population.buyer_agents:10:20", scenario.resolved_json),
               InputError);  // an integer
  EXPECT_THROW(parse_calibration_parameter("buyers.ad_reach_per_day:0.5:0.1", scenario.resolved_json),
               InputError);  // low > high
  EXPECT_THROW(parse_calibration_parameter("buyers.ad_reach_per_day:0.1", scenario.resolved_json),
               InputError);  // one bound
  const CalibrationParameter platform =
      parse_calibration_parameter("platforms.0.commission_rate:0.01:0.2", scenario.resolved_json);
  EXPECT_EQ(platform.key, "platforms.0.commission_rate");
}

TEST_F(CalibrationTest, CommandWritesAScenarioThatReproducesTheFit) {
  const std::string targets = write("targets.csv",
                                    "series,market,date,value\n"
                                    "penetration,US,2010-03-01,0.2\n"
                                    "penetration,US,2010-05-01,0.55\n");
  const fs::path out = directory_ / "fit";
  const auto result = run_mercator("calibrate " + std::string(kBass) + " --targets " + targets +
                                   " --params buyers.word_of_mouth_per_day:0.005:0.05"
                                   " --replications 1 --max-evals 20 --parallel 2 --out " +
                                   out.string() + " --set 'run.end_date=\"2010-05-31\"'");
  ASSERT_EQ(result.exit_code, 0) << result.output;
  for (const char* file : {"calibrated.toml", "fit.json", "targets_fit.csv", "evaluations.csv",
                           "metrics.csv", "manifest.json"})
    EXPECT_TRUE(fs::exists(out / file)) << file;
  // The calibrated scenario loads from its own folder and holds the fitted value.
  const Scenario calibrated = load_scenario((out / "calibrated.toml").string());
  const auto fit = nlohmann::json::parse(read_file(out / "fit.json"));
  EXPECT_DOUBLE_EQ(calibrated.config.buyers.word_of_mouth_per_day,
                   fit["parameters"][0]["fitted"].get<double>());
  EXPECT_EQ(calibrated.config.run.end_date, "2010-05-31");

  // Its report draws the fit: one bar per target, the relative error of targets_fit.csv.
  const report::ReportDocument document = report::build_run_report(out);
  ASSERT_TRUE(document.datasets().contains("calibration")) << document.datasets().dump();
  const auto& bars = document.datasets()["calibration"];
  ASSERT_EQ(bars.size(), 2u);
  EXPECT_EQ(bars[0]["category"], "penetration US 2010-03-01");
  EXPECT_EQ(bars[0]["group"], "in sample");
  // targets_fit.csv row 2, column 9: the first target's relative error.
  std::istringstream rows(read_file(out / "targets_fit.csv"));
  std::string line;
  std::getline(rows, line);
  std::getline(rows, line);
  std::istringstream fields(line);
  std::string field;
  for (int column = 0; column < 9; ++column) std::getline(fields, field, ',');
  const double relative_error = std::stod(field);
  // The chart carries six significant digits.
  EXPECT_NEAR(bars[0]["estimate"].get<double>(), relative_error, 1e-5 * std::abs(relative_error));
}

TEST_F(CalibrationTest, CommandRefusesBadInputWithoutWritingAnything) {
  const std::string targets = write("targets.csv", "series,market,date,value\nordurs,US,2010-03-01,1\n");
  const fs::path out = directory_ / "fit";
  const auto bad_series = run_mercator("calibrate " + std::string(kBass) + " --targets " + targets +
                                       " --params buyers.word_of_mouth_per_day:0.005:0.05 --out " +
                                       out.string());
  EXPECT_EQ(bad_series.exit_code, 2) << bad_series.output;
  EXPECT_NE(bad_series.output.find("series 'ordurs'"), std::string::npos) << bad_series.output;
  const auto bad_key = run_mercator("calibrate " + std::string(kBass) + " --targets " + targets +
                                    " --params buyers.wom:0:1 --out " + out.string());
  EXPECT_EQ(bad_key.exit_code, 2) << bad_key.output;
  EXPECT_FALSE(fs::exists(out));
}

}  // namespace
}  // namespace mercator
