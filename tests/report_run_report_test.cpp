// The report of a run directory: what each chart draws, read back from the
// report's data and compared with the run's own numbers, and the notes and
// errors for what is missing or malformed.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <string>
#include <vector>

#include "core/calendar.hpp"
#include "io/run_directory.hpp"
#include "report/run_report.hpp"
#include "temp_directory.hpp"
#include "test_support.hpp"

namespace mercator {
namespace {

namespace fs = std::filesystem;
using json = nlohmann::json;
using report::Chart;
using report::ReportDocument;

// Charts keep six significant digits: a value read back is within this
// relative distance of the number it was made from.
constexpr double chart_precision = 5e-6;

const Chart* find_chart(const ReportDocument& document, const std::string& title_start) {
  for (const auto& section : document.sections) {
    for (const auto& block : section.blocks) {
      const Chart* chart = std::get_if<Chart>(&block);
      if (chart && chart->title.rfind(title_start, 0) == 0) return chart;
    }
  }
  return nullptr;
}

const json& chart_rows(const ReportDocument& document, const Chart& chart) {
  return document.datasets().at(chart.spec.at("data").at("name").get<std::string>());
}

std::vector<std::string> notes_of(const ReportDocument& document,
                                  const std::string& section_title) {
  std::vector<std::string> notes;
  for (const auto& section : document.sections) {
    if (section.title != section_title) continue;
    for (const auto& block : section.blocks) {
      if (const auto* note = std::get_if<report::Note>(&block)) notes.push_back(note->text);
    }
  }
  return notes;
}

std::vector<json> rows_where(const json& rows, const std::string& field, const std::string& value) {
  std::vector<json> found;
  for (const json& row : rows) {
    if (row.at(field) == value) found.push_back(row);
  }
  return found;
}

// A run directory written by hand: `days` days from 2010-01-01 of markets
// US and ALL, the columns given, each value made by value(column, day).
class SyntheticRun {
 public:
  SyntheticRun(fs::path directory, int days, std::vector<std::string> columns)
      : directory_(std::move(directory)), days_(days), columns_(std::move(columns)) {}

  template <typename Value>
  void write(Value value,
             const std::string& events = "day,date,market,platform,type,detail\n") const {
    fs::create_directories(directory_);
    std::ofstream(directory_ / "manifest.json")
        << R"({"scenario_path": "synthetic.toml", "seed": 5, "git_commit": "abc123",)"
        << R"( "buyers_per_agent": 14400.4, "scenario": {"run": {"name": "synthetic"}}})";
    std::ofstream(directory_ / "summary.json")
        << R"({"final": {"gmv_last_year_usd": 1234567.4, "counterfeit_share_last_year": 0.0123,)"
        << R"( "top_markets_by_gmv": ["US"]}})";
    std::ofstream(directory_ / "events.csv") << events;
    std::ofstream metrics(directory_ / "metrics.csv");
    metrics << "day,date,market";
    for (const std::string& column : columns_) metrics << "," << column;
    metrics << "\n";
    for (int day = 0; day < days_; ++day) {
      for (const std::string market : {"US", "ALL"}) {
        metrics << day << "," << date_of(day) << "," << market;
        for (const std::string& column : columns_) metrics << "," << value(column, day);
        metrics << "\n";
      }
    }
  }

  static std::string date_of(int day) {
    return Date{Date::from_ymd(2010, 1, 1).days_since_epoch + day}.iso();
  }

 private:
  fs::path directory_;
  int days_;
  std::vector<std::string> columns_;
};

class ReportRunReportTest : public TempDirectoryTest {
 protected:
  ReportRunReportTest() : TempDirectoryTest("report-run") {}

  fs::path write_run(const std::string& scenario, const std::vector<std::string>& overrides) {
    const RunResults results = test_support::run_scenario(scenario, overrides);
    const fs::path out = directory_ / "run";
    write_run_directory(out, {scenario, "{}", 7, 2}, results);
    results_ = results;
    return out;
  }

  RunResults results_;
};

TEST_F(ReportRunReportTest, WeeklyPointsAreThePeriodMeansOfTheRunsDays) {
  // 1,096 days: weekly points, the first period 4 days long.
  const fs::path run = write_run("tests/scenarios/bass.toml", {"run.end_date=\"2012-12-31\""});
  const ReportDocument document = report::build_run_report(run);
  const Chart* penetration = find_chart(document, "Penetration by market");
  ASSERT_NE(penetration, nullptr);
  const std::vector<json> us = rows_where(chart_rows(document, *penetration), "market", "US");
  ASSERT_EQ(us.size(), 157u);
  EXPECT_EQ(us.front().at("date"), "2010-01-04");
  EXPECT_EQ(us.back().at("date"), "2012-12-31");
  const std::vector<double> daily = test_support::series(results_.metrics, "penetration", "US");
  ASSERT_EQ(daily.size(), 1096u);
  for (size_t point = 0; point < us.size(); ++point) {
    const int last = 3 + 7 * static_cast<int>(point);
    const int first = std::max(0, last - 6);
    double sum = 0;
    for (int day = first; day <= last; ++day) sum += daily[day];
    const double mean = sum / (last - first + 1);
    EXPECT_NEAR(us[point].at("penetration").get<double>(), mean, chart_precision * mean) << point;
  }
  const auto notes = notes_of(document, "Adoption");
  ASSERT_FALSE(notes.empty());
  EXPECT_NE(notes[0].find("each point is a period of 7 days"), std::string::npos) << notes[0];
}

TEST_F(ReportRunReportTest, GmvChartShowsTheTopMarketsByGmvAndAll) {
  const fs::path run =
      write_run("tests/scenarios/mechanisms.toml", {"run.end_date=\"2010-06-30\""});
  const ReportDocument document = report::build_run_report(run);
  const Chart* gmv = find_chart(document, "GMV per day");
  ASSERT_NE(gmv, nullptr);

  // The run's markets ranked by their GMV over the run, computed here.
  std::vector<std::pair<double, std::string>> totals;
  for (const std::string& market : results_.metrics.market_codes) {
    if (market == "ALL") continue;
    const double total = test_support::sum_series(results_.metrics, "gmv_usd", market);
    if (total > 0) totals.emplace_back(total, market);
  }
  std::stable_sort(totals.begin(), totals.end(),
                   [](auto& a, auto& b) { return a.first > b.first; });
  ASSERT_GE(totals.size(), 2u) << "the scenario should sell in several markets by mid-2010";
  json expected = json::array();
  for (size_t k = 0; k < std::min<size_t>(6, totals.size()); ++k)
    expected.push_back(totals[k].second);
  expected.push_back("ALL");
  EXPECT_EQ(gmv->spec.at("transform").at(0).at("filter").at("oneOf"), expected);

  // Every day is a point (181 days); ALL's GMV is the run's.
  const std::vector<json> all = rows_where(chart_rows(document, *gmv), "market", "ALL");
  const std::vector<double> daily = test_support::series(results_.metrics, "gmv_usd", "ALL");
  ASSERT_EQ(all.size(), daily.size());
  for (size_t day = 0; day < daily.size(); ++day) {
    EXPECT_NEAR(all[day].at("gmv_usd").get<double>(), daily[day], chart_precision * daily[day])
        << day;
  }
}

TEST_F(ReportRunReportTest, CounterfeitShareAndDisputeRateAreWeightedByTheirBase) {
  // 735 days: weekly points; in the last week only day 730 has orders.
  const fs::path run = directory_ / "synthetic";
  SyntheticRun(run, 735, {"orders", "counterfeit_share", "settled_orders", "dispute_rate"})
      .write([](const std::string& column, int day) -> double {
        const bool busy = day == 730;
        if (column == "orders") return busy ? 100 : 1;
        if (column == "counterfeit_share") return busy ? 0.3 : 0.9;
        if (column == "settled_orders") return busy ? 1 : 100;
        return busy ? 0.9 : 0.2;  // dispute_rate
      });
  const ReportDocument document = report::build_run_report(run);
  const Chart* chart = find_chart(document, "Counterfeit share and dispute rate");
  ASSERT_NE(chart, nullptr);
  const json& rows = chart_rows(document, *chart);
  const auto counterfeit = rows_where(rows, "measure", "counterfeit share of orders");
  const auto disputes = rows_where(rows, "measure", "disputes per settled order");
  ASSERT_EQ(counterfeit.size(), 105u);
  ASSERT_EQ(disputes.size(), 105u);
  const double counterfeit_week = (0.3 * 100 + 0.9 * 6) / 106;
  const double dispute_week = (0.9 * 1 + 0.2 * 600) / 601;
  EXPECT_NEAR(counterfeit.back().at("value").get<double>(), counterfeit_week, chart_precision);
  EXPECT_NEAR(disputes.back().at("value").get<double>(), dispute_week, chart_precision);
}

TEST_F(ReportRunReportTest, StageTimelineDrawsEveryPeriodOfStagesCsv) {
  const fs::path run = directory_ / "synthetic";
  SyntheticRun(run, 100, {"penetration"}).write([](const std::string&, int day) {
    return day / 100.0;
  });
  std::ofstream(run / "stages.csv") << "market,stage,start_day,start_date,end_day,end_date\n"
                                    << "US,exploration,0,2010-01-01,39,2010-02-09\n"
                                    << "US,expansion,40,2010-02-10,,\n"
                                    << "ALL,exploration,0,2010-01-01,99,2010-04-10\n";
  const ReportDocument document = report::build_run_report(run);
  const Chart* chart = find_chart(document, "Stage timeline");
  ASSERT_NE(chart, nullptr);
  const json& rows = chart_rows(document, *chart);
  ASSERT_EQ(rows.size(), 3u);
  // A period is drawn to the end of its last day, where the next begins.
  EXPECT_EQ(rows[0], (json{{"market", "US"},
                           {"stage", "exploration"},
                           {"start", "2010-01-01"},
                           {"end", "2010-02-10"},
                           {"last_day", "2010-02-09"}}));
  // An open period lasts to the run's last day.
  EXPECT_EQ(rows[1].at("last_day"), "2010-04-10");
  EXPECT_EQ(rows[1].at("end"), "2010-04-11");
  EXPECT_EQ(chart->spec.at("encoding").at("y").at("sort"), (json{"US", "ALL"}));
}

TEST_F(ReportRunReportTest, NoStagesCsvLeavesAVisibleNoteInsteadOfTheTimeline) {
  const fs::path run = directory_ / "synthetic";
  SyntheticRun(run, 10, {"penetration"}).write([](const std::string&, int) { return 0.1; });
  const ReportDocument document = report::build_run_report(run);
  EXPECT_EQ(find_chart(document, "Stage timeline"), nullptr);
  const auto notes = notes_of(document, "Life-cycle stages");
  ASSERT_EQ(notes.size(), 1u);
  EXPECT_NE(notes[0].find("no stages.csv"), std::string::npos) << notes[0];
}

TEST_F(ReportRunReportTest, IndicesPresentAreDrawnAndTheAbsentNamed) {
  const fs::path run = directory_ / "synthetic";
  SyntheticRun(run, 20, {"technology_index", "robustness_index"})
      .write([](const std::string& column, int day) {
        return column == "technology_index" ? 0.5 + day / 100.0 : 0.9;
      });
  const ReportDocument document = report::build_run_report(run);
  const Chart* chart = find_chart(document, "Indices over time");
  ASSERT_NE(chart, nullptr);
  const json& rows = chart_rows(document, *chart);
  EXPECT_EQ(rows_where(rows, "index", "technology_index").size(), 20u);
  EXPECT_EQ(rows_where(rows, "index", "robustness_index").size(), 20u);
  EXPECT_EQ(rows.size(), 40u);
  EXPECT_NEAR(rows_where(rows, "index", "technology_index")[19].at("value").get<double>(), 0.69,
              1e-12);
  EXPECT_EQ(chart->spec.at("facet").at("sort"), (json{"technology_index", "robustness_index"}));
  const auto notes = notes_of(document, "Ecosystem advantages and health");
  ASSERT_EQ(notes.size(), 1u);
  for (const char* absent :
       {"relationship_index", "innovation_index", "connectivity_index", "interconnectivity_index",
        "aggregation_index", "productivity_index", "niche_creation_index", "heterogeneity_index",
        "embeddedness_index", "reciprocity_index"}) {
    EXPECT_NE(notes[0].find(absent), std::string::npos) << absent;
  }
  EXPECT_EQ(notes[0].find("technology_index"), std::string::npos);
  // Charts whose columns the file lacks are left out with a note, not drawn empty.
  EXPECT_EQ(find_chart(document, "GMV"), nullptr);
  EXPECT_EQ(find_chart(document, "Penetration"), nullptr);
}

TEST_F(ReportRunReportTest, HeaderAndEventsComeFromTheRunsFiles) {
  const fs::path run = directory_ / "synthetic";
  SyntheticRun(run, 10, {"penetration"})
      .write([](const std::string&, int) { return 0.1; },
             "day,date,market,platform,type,detail\n0,2010-01-01,US,p,market_entry,launch\n"
             "3,2010-01-04,ALL,,festival,\"11.11, early\"\n");
  const ReportDocument document = report::build_run_report(run);
  EXPECT_EQ(document.title, "mercator run report: synthetic");
  EXPECT_EQ(document.subtitle, "2010-01-01 to 2010-01-10, 1 market, seed 5");
  const auto fact = [&](const std::string& label) {
    for (const auto& item : document.facts) {
      if (item.label == label) return item.value;
    }
    return std::string("(absent)");
  };
  EXPECT_EQ(fact("Seed"), "5");
  EXPECT_EQ(fact("Git commit"), "abc123");
  EXPECT_EQ(fact("Buyers per agent"), "14,400");
  EXPECT_EQ(fact("GMV last year (US$)"), "1,234,567");
  EXPECT_EQ(fact("Counterfeit share last year"), "1.23%");
  EXPECT_EQ(fact("Top markets by GMV"), "US");

  const report::Table* events = nullptr;
  for (const auto& section : document.sections) {
    for (const auto& block : section.blocks) {
      if (const auto* table = std::get_if<report::Table>(&block)) events = table;
    }
  }
  ASSERT_NE(events, nullptr);
  EXPECT_EQ(events->columns,
            (std::vector<std::string>{"day", "date", "market", "platform", "type", "detail"}));
  ASSERT_EQ(events->rows.size(), 2u);
  EXPECT_EQ(events->rows[1][5], "11.11, early");
}

TEST_F(ReportRunReportTest, AMissingMetricsCsvIsAnInputError) {
  const fs::path run = directory_ / "synthetic";
  SyntheticRun(run, 3, {"penetration"}).write([](const std::string&, int) { return 0.1; });
  fs::remove(run / "metrics.csv");
  try {
    report::build_run_report(run);
    FAIL() << "no error";
  } catch (const InputError& error) {
    EXPECT_EQ(std::string(error.what()),
              (run / "metrics.csv").string() +
                  ": missing; expected the run's daily metrics (a run directory as mercator run "
                  "writes it)");
  }
}

TEST_F(ReportRunReportTest, MalformedMetricsNameTheFileLineAndColumn) {
  const fs::path run = directory_ / "synthetic";
  SyntheticRun(run, 3, {"penetration"}).write([](const std::string&, int) { return 0.1; });
  const auto error_with = [&](const std::string& metrics) {
    std::ofstream(run / "metrics.csv") << metrics;
    try {
      report::build_run_report(run);
    } catch (const InputError& error) {
      return std::string(error.what());
    }
    return std::string("no error");
  };
  const std::string file = (run / "metrics.csv").string();
  EXPECT_EQ(
      error_with("day,date,market,penetration\n0,2010-01-01,US,0.1\n0,2010-01-01,ALL,x1\n"),
      file +
          ":3: column 'penetration' = 'x1': not a number; expected a number (or empty, nan, inf)");
  EXPECT_EQ(error_with("day,date,market,penetration\n0,2010-01-01,US,0.1\n2,2010-01-03,US,0.1\n"),
            file +
                ":3: column 'day' = '2': out of sequence after day 0; expected day 0 or 1 (rows "
                "day by day from day 0)");
  EXPECT_EQ(error_with("day,date,market,penetration\n0,2010-01-01,US\n"),
            file + ":2: found 3 fields; expected 4, as in the header");
  EXPECT_EQ(error_with("day,date,penetration\n0,2010-01-01,0.1\n"),
            file + ":1: no column 'market' in the header (day,date,penetration); expected one");
  EXPECT_EQ(error_with("day,date,market,penetration\n"),
            file + ": no rows after the header; expected one row per day and market");
}

TEST_F(ReportRunReportTest, NonFiniteValuesAreMissingPoints) {
  const fs::path run = directory_ / "synthetic";
  SyntheticRun(run, 3, {"penetration"}).write([](const std::string&, int) { return 0.1; });
  std::ofstream(run / "metrics.csv") << "day,date,market,penetration\n0,2010-01-01,US,nan\n"
                                        "1,2010-01-02,US,inf\n2,2010-01-03,US,\n";
  const ReportDocument document = report::build_run_report(run);
  const Chart* chart = find_chart(document, "Penetration by market");
  ASSERT_NE(chart, nullptr);
  for (const json& row : chart_rows(document, *chart)) EXPECT_TRUE(row.at("penetration").is_null());
}

TEST_F(ReportRunReportTest, StagesCsvWithoutItsColumnsIsAnInputError) {
  const fs::path run = directory_ / "synthetic";
  SyntheticRun(run, 3, {"penetration"}).write([](const std::string&, int) { return 0.1; });
  std::ofstream(run / "stages.csv") << "market,phase\nUS,exploration\n";
  EXPECT_THROW(report::build_run_report(run), InputError);
  std::ofstream(run / "stages.csv") << "market,stage,start_date,end_date\nUS,exploration,soon,\n";
  try {
    report::build_run_report(run);
    FAIL() << "no error";
  } catch (const InputError& error) {
    EXPECT_EQ(std::string(error.what()),
              (run / "stages.csv").string() +
                  ": row 1: start_date 'soon' is not a date; expected YYYY-MM-DD");
  }
}

}  // namespace
}  // namespace mercator
