// `mercator sensitivity` end to end on the Bass scenario: Sobol indices of
// the active buyers after 60 days for the Bass p and q and a dummy (the
// commission rate, which cannot reach adoption when no one shops; only
// seller entry reads it). p and q matter,
// the dummy does not, a rerun resumes to the same indices, and files that
// cannot be analysed are refused before anything is written.
#include <SQLiteCpp/SQLiteCpp.h>
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <map>

#include "command_runner.hpp"
#include "temp_directory.hpp"

namespace mercator {
namespace {

namespace fs = std::filesystem;
using test_support::run_mercator;

class ExperimentSensitivityTest : public TempDirectoryTest {
 protected:
  ExperimentSensitivityTest() : TempDirectoryTest("experiment-sensitivity") {}

  std::string sobol_file(const std::string& kind = "saltelli",
                         const std::string& outcome = "final.active_buyers") {
    const bool sampled = kind == "saltelli";
    const auto range = [&](const std::string& low, const std::string& high) {
      return sampled ? "low = " + low + "\nhigh = " + high + "\n"
                     : "values = [" + low + ", " + high + "]\n";
    };
    return write("sobol.toml", R"([experiment]
name = "bass-sobol"
scenario = ")" + fs::absolute("tests/scenarios/bass.toml").string() +
                                   R"("
set = ["run.end_date=\"2010-03-01\"", "population.buyer_agents=10000"]
[design]
kind = ")" + kind + "\"\n" + (sampled ? "samples = 32\n" : "") +
                                   "[[parameters]]\nkey = \"buyers.ad_reach_per_day\"\n" +
                                   range("0.001", "0.004") +
                                   "[[parameters]]\nkey = \"buyers.word_of_mouth_per_day\"\n" +
                                   range("0.01", "0.04") +
                                   "[[parameters]]\nkey = \"platforms.0.commission_rate\"\n" +
                                   range("0.02", "0.2") + "[sensitivity]\noutcomes = [\"" +
                                   outcome + "\"]\nbootstrap = 400\n");
  }

  fs::path database() const { return directory_ / "bass-sobol.sqlite"; }

  struct Row {
    double first_order, first_order_ci, total, total_ci;
    int64_t samples;
    bool operator==(const Row&) const = default;
  };

  std::map<std::string, Row> sensitivity_rows() const {
    SQLite::Database db(database().string());
    SQLite::Statement query(db,
                            "SELECT parameter, first_order, first_order_ci, total, total_ci, "
                            "samples FROM sensitivity WHERE outcome = 'final.active_buyers'");
    std::map<std::string, Row> rows;
    while (query.executeStep()) {
      rows[query.getColumn(0).getString()] = {
          query.getColumn(1).getDouble(), query.getColumn(2).getDouble(),
          query.getColumn(3).getDouble(), query.getColumn(4).getDouble(),
          query.getColumn(5).getInt64()};
    }
    return rows;
  }
};

TEST_F(ExperimentSensitivityTest, BassRatesMatterAndTheDummyDoesNot) {
  const std::string file = sobol_file();
  const auto result = run_mercator("sensitivity -q " + file);
  ASSERT_EQ(result.exit_code, 0) << result.output;
  EXPECT_NE(result.output.find("160 runs = 160 points x 1 replicate"), std::string::npos)
      << result.output;
  EXPECT_NE(result.output.find("Sobol indices of final.active_buyers (N = 32 base samples"),
            std::string::npos)
      << result.output;
  const auto rows = sensitivity_rows();
  ASSERT_EQ(rows.size(), 3u);
  for (const std::string rate : {"buyers.ad_reach_per_day", "buyers.word_of_mouth_per_day"}) {
    const Row& row = rows.at(rate);
    EXPECT_EQ(row.samples, 32);
    EXPECT_GT(row.total_ci, 0.0) << rate;
    EXPECT_GT(row.total - row.total_ci, 0.0) << rate << ": its 95% interval reaches 0";
  }
  // The dummy changes nothing: each AB_dummy run equals its A run exactly
  // (same seed, same everything read), so its indices are 0 with no spread.
  const Row& dummy = rows.at("platforms.0.commission_rate");
  EXPECT_LE(std::abs(dummy.total), dummy.total_ci + 1e-12);
  EXPECT_LE(std::abs(dummy.first_order), dummy.first_order_ci + 1e-12);
  EXPECT_EQ(dummy.total, 0.0);

  SQLite::Database db(database().string());
  EXPECT_EQ(db.execAndGet("SELECT kind FROM experiments").getString(), "sensitivity");
  EXPECT_EQ(db.execAndGet("SELECT COUNT(*) FROM runs").getInt64(), 160);

  // Resumed: nothing to run, the same indices (the bootstrap is seeded).
  const auto again = run_mercator("sensitivity -q " + file);
  ASSERT_EQ(again.exit_code, 0) << again.output;
  EXPECT_NE(again.output.find("skipped 160 runs"), std::string::npos) << again.output;
  EXPECT_EQ(sensitivity_rows(), rows);
}

TEST_F(ExperimentSensitivityTest, OtherDesignsAreRefusedBeforeAnythingIsWritten) {
  const std::string file = sobol_file("grid");
  const auto result = run_mercator("sensitivity " + file);
  EXPECT_EQ(result.exit_code, 2) << result.output;
  EXPECT_NE(result.output.find(file + ":6:8: key 'design.kind' = \"grid\": sensitivity needs a "
                                      "Saltelli design"),
            std::string::npos)
      << result.output;
  EXPECT_FALSE(fs::exists(database()));
}

TEST_F(ExperimentSensitivityTest, UnknownOutcomeStopsAtTheFirstRun) {
  const auto result =
      run_mercator("sensitivity -q --parallel 1 " + sobol_file("saltelli", "final.active_buyer"));
  EXPECT_EQ(result.exit_code, 2) << result.output;
  EXPECT_NE(result.output.find("outcome 'final.active_buyer' is not in the run summary"),
            std::string::npos)
      << result.output;
  SQLite::Database db(database().string());
  EXPECT_EQ(db.execAndGet("SELECT COUNT(*) FROM runs").getInt64(), 0);
}

}  // namespace
}  // namespace mercator
