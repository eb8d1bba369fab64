// The report of an experiment database, made from the fixture database of
// tests/report/fixture_database.hpp (real runs, stored through the real
// API): what each chart draws, checked against the stored values.
#include <SQLiteCpp/SQLiteCpp.h>
#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <vector>

#include "analysis/confidence_interval.hpp"
#include "report/database_report.hpp"
#include "report/fixture_database.hpp"
#include "temp_directory.hpp"

namespace mercator {
namespace {

namespace fs = std::filesystem;
using json = nlohmann::json;
using report::Chart;
using report::ReportDocument;
using report::Section;

constexpr double chart_precision = 5e-6;  // six significant digits

std::vector<const Chart*> charts_of(const Section& section) {
  std::vector<const Chart*> charts;
  for (const auto& block : section.blocks) {
    if (const auto* chart = std::get_if<Chart>(&block)) charts.push_back(chart);
  }
  return charts;
}

const report::Table* table_of(const Section& section, const std::string& title) {
  for (const auto& block : section.blocks) {
    const auto* table = std::get_if<report::Table>(&block);
    if (table && table->title == title) return table;
  }
  return nullptr;
}

bool has_note(const Section& section, const std::string& text) {
  for (const auto& block : section.blocks) {
    const auto* note = std::get_if<report::Note>(&block);
    if (note && note->text == text) return true;
  }
  return false;
}

const json& rows_of(const ReportDocument& document, const Chart& chart) {
  return document.datasets().at(chart.spec.at("data").at("name").get<std::string>());
}

// The fixture is made once for all tests here (six short runs).
class ReportDatabaseTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    file_ = new fs::path(fs::temp_directory_path() /
                         ("mercator-report-db-" + std::to_string(::getpid()) + ".sqlite"));
    report_fixture::write_fixture_database(*file_);
    document_ = new ReportDocument(report::build_database_report(*file_));
  }
  static void TearDownTestSuite() {
    for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(file_->string() + suffix);
    delete document_;
    delete file_;
  }
  static const Section& section(size_t index) { return document_->sections.at(index); }

  static fs::path* file_;
  static ReportDocument* document_;
};

fs::path* ReportDatabaseTest::file_ = nullptr;
ReportDocument* ReportDatabaseTest::document_ = nullptr;

TEST_F(ReportDatabaseTest, OneSectionPerExperiment) {
  ASSERT_EQ(document_->sections.size(), 4u);
  EXPECT_EQ(section(0).title, "ad-reach-sweep (experiment)");
  EXPECT_EQ(section(1).title, "mechanism-attribution (attribution)");
  EXPECT_EQ(section(2).title, "reach-sensitivity (sensitivity)");
  EXPECT_EQ(section(3).title, "not-started (experiment)");
  EXPECT_EQ(document_->subtitle, "4 experiments, 6 runs");
  // sweep: 1 scatter + 2 series; attribution: 2 outcomes; sensitivity: 1 outcome.
  EXPECT_EQ(document_->chart_count(), 6u);
}

TEST_F(ReportDatabaseTest, RunsTableListsEveryRunWithItsParameterAndOutcomes) {
  const report::Table* runs = table_of(section(0), "Runs");
  ASSERT_NE(runs, nullptr);
  ASSERT_EQ(runs->rows.size(), 6u);
  ASSERT_GE(runs->columns.size(), 7u);
  EXPECT_EQ(runs->columns[5], "buyers.ad_reach_per_day");
  EXPECT_EQ(runs->columns[6], "final.active_buyers");  // varies with the reach
  for (size_t k = 0; k < 6; ++k) {
    EXPECT_EQ(runs->rows[k][1], k / 2);  // point
    EXPECT_EQ(runs->rows[k][2], k % 2);  // replicate
    EXPECT_EQ(runs->rows[k][5], std::stod(report_fixture::ad_reach_values[k / 2]));
  }
}

TEST_F(ReportDatabaseTest, ScatterShowsEachRunsOutcomeAgainstTheSweptParameter) {
  const auto charts = charts_of(section(0));
  ASSERT_EQ(charts.size(), 3u);
  EXPECT_EQ(charts[0]->title, "Outcomes against buyers.ad_reach_per_day");
  EXPECT_EQ(charts[0]->spec.at("spec").at("encoding").at("x").at("type"), "quantitative");
  const json& rows = rows_of(*document_, *charts[0]);
  SQLite::Database db(file_->string());
  SQLite::Statement stored(
      db,
      "SELECT p.value, m.value FROM run_metrics m JOIN run_parameters p "
      "ON p.run_id = m.run_id WHERE m.name = 'final.active_buyers' ORDER BY m.run_id");
  size_t matched = 0;
  while (stored.executeStep()) {
    const double reach = std::stod(stored.getColumn(0).getString());
    const double buyers = stored.getColumn(1).getDouble();
    for (const json& row : rows) {
      if (row.at("outcome") == "final.active_buyers" && row.at("x").get<double>() == reach &&
          std::fabs(row.at("value").get<double>() - buyers) <= chart_precision * buyers) {
        ++matched;
        break;
      }
    }
  }
  EXPECT_EQ(matched, 6u);
}

TEST_F(ReportDatabaseTest, SeriesAreTheReplicateMeanWithItsInterval) {
  const auto charts = charts_of(section(0));
  ASSERT_EQ(charts.size(), 3u);
  EXPECT_EQ(charts[2]->title, "penetration (ALL)");
  const json& rows = rows_of(*document_, *charts[2]);
  EXPECT_EQ(rows.size(), 3u * 90u);  // three points, every day of a 90-day run

  SQLite::Database db(file_->string());
  SQLite::Statement stored(db,
                           "SELECT s.value FROM run_series s JOIN runs r ON r.run_id = s.run_id "
                           "WHERE s.name = 'penetration' AND r.point = 2 AND s.day = 89");
  std::vector<double> last_day;
  while (stored.executeStep()) last_day.push_back(stored.getColumn(0).getDouble());
  ASSERT_EQ(last_day.size(), 2u);
  const MeanEstimate expected = mean_with_ci95(last_day);
  const json& row = rows[3 * 90 - 1];
  EXPECT_EQ(row.at("date"), "2010-03-31");
  EXPECT_EQ(row.at("group"), "point 2 (buyers.ad_reach_per_day=0.004)");
  EXPECT_NEAR(row.at("mean").get<double>(), expected.mean, chart_precision * expected.mean);
  EXPECT_NEAR(row.at("low").get<double>(), expected.low(), chart_precision * expected.mean);
  EXPECT_NEAR(row.at("high").get<double>(), expected.high(), chart_precision * expected.mean);
}

TEST_F(ReportDatabaseTest, AttributionBarsCarryTheirIntervalsPerOutcomeAndMethod) {
  const auto charts = charts_of(section(1));
  ASSERT_EQ(charts.size(), 2u);
  EXPECT_EQ(charts[0]->title, "Attribution of final.gmv_last_year_usd");
  EXPECT_EQ(charts[1]->title, "Attribution of final.dispute_rate");
  const json& rows = rows_of(*document_, *charts[0]);
  ASSERT_EQ(rows.size(), 4u);
  EXPECT_EQ(rows[1], (json{{"category", "reputation"},
                           {"group", "shapley"},
                           {"estimate", -4.0e5},
                           {"low", -9.0e5},
                           {"high", 1.0e5}}));
  const report::Table* table = table_of(section(1), "Attribution");
  ASSERT_NE(table, nullptr);
  EXPECT_EQ(table->rows.size(), 5u);
  EXPECT_TRUE(has_note(section(1), "No runs are stored for this experiment yet."));
}

TEST_F(ReportDatabaseTest, SobolIndicesAreBarsWithTheirIntervals) {
  const auto charts = charts_of(section(2));
  ASSERT_EQ(charts.size(), 1u);
  const json& rows = rows_of(*document_, *charts[0]);
  ASSERT_EQ(rows.size(), 4u);  // two parameters x (first-order, total)
  EXPECT_EQ(rows[0].at("group"), "first-order");
  EXPECT_NEAR(rows[0].at("low").get<double>(), 0.62 - 0.08, 1e-12);
  EXPECT_NEAR(rows[1].at("high").get<double>(), 0.70 + 0.09, 1e-12);
  EXPECT_EQ(rows[3].at("category"), "buyers.word_of_mouth_per_day");
}

TEST_F(ReportDatabaseTest, EmptyTablesAreSaidToBeEmpty) {
  const Section& empty = section(3);
  EXPECT_TRUE(charts_of(empty).empty());
  EXPECT_TRUE(has_note(empty, "No runs are stored for this experiment yet."));
  EXPECT_TRUE(has_note(empty, "No attribution results for this experiment."));
  EXPECT_TRUE(has_note(empty, "No sensitivity results for this experiment."));
  EXPECT_TRUE(has_note(empty, "No series stored for this experiment (run_series)."));
}

class ReportDatabaseInputTest : public TempDirectoryTest {
 protected:
  ReportDatabaseInputTest() : TempDirectoryTest("report-db-input") {}
};

TEST_F(ReportDatabaseInputTest, AnotherSqliteDatabaseIsAnInputError) {
  const fs::path file = directory_ / "other.sqlite";
  {
    SQLite::Database db(file.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    db.exec("CREATE TABLE people (name TEXT)");
  }
  try {
    report::build_database_report(file);
    FAIL() << "no error";
  } catch (const InputError& error) {
    EXPECT_EQ(std::string(error.what()),
              file.string() +
                  ": an SQLite database without the tables experiments and runs; "
                  "expected an experiment database (as mercator's experiments, "
                  "attributions and sensitivity analyses write)");
  }
}

TEST_F(ReportDatabaseInputTest, AnEmptyExperimentDatabaseSaysSo) {
  const fs::path file = directory_ / "empty.sqlite";
  { ExperimentDatabase db(file); }
  const ReportDocument document = report::build_database_report(file);
  ASSERT_EQ(document.sections.size(), 1u);
  EXPECT_TRUE(has_note(document.sections[0], "The database holds no experiments yet."));
  EXPECT_EQ(document.chart_count(), 0u);
}

}  // namespace
}  // namespace mercator
