// `mercator experiment` end to end on the Bass scenario: a grid experiment
// stores its runs, design values and series; a rerun runs nothing; deleted
// runs are redone, identically; a changed file is refused against the same
// database; a bad parameter key writes no database.
#include <SQLiteCpp/SQLiteCpp.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>

#include "experiment/summary_metrics.hpp"
#include "command_runner.hpp"
#include "temp_directory.hpp"
#include "test_support.hpp"

namespace mercator {
namespace {

namespace fs = std::filesystem;
using test_support::run_mercator;

const char* const bass = "tests/scenarios/bass.toml";

class ExperimentCliTest : public TempDirectoryTest {
 protected:
  ExperimentCliTest() : TempDirectoryTest("experiment-cli") {}

  // 2 points x 2 replicates of 31 days; two series for two markets.
  std::string grid_file(const std::string& values = "[0.01, 0.03]",
                        const std::string& key = "buyers.word_of_mouth_per_day") {
    return write("grid.toml", R"([experiment]
name = "wom-grid"
scenario = ")" + fs::absolute(bass).string() +
                                  R"("
replications = 2
seed = 5
set = ["run.end_date=\"2010-01-31\"", "population.buyer_agents=20000"]
[design]
kind = "grid"
[[parameters]]
key = ")" + key + R"("
values = )" + values + R"(
[outputs]
series = ["penetration", "adoptions"]
markets = ["ALL", "US"]
)");
  }

  fs::path database() const { return directory_ / "wom-grid.sqlite"; }

  static int64_t count(SQLite::Database& db, const std::string& table) {
    return db.execAndGet("SELECT COUNT(*) FROM " + table).getInt64();
  }

  // run_id -> (point, replicate)
  static std::map<int64_t, std::pair<int64_t, int64_t>> runs(SQLite::Database& db) {
    std::map<int64_t, std::pair<int64_t, int64_t>> found;
    SQLite::Statement query(db, "SELECT run_id, point, replicate FROM runs");
    while (query.executeStep())
      found[query.getColumn(0).getInt64()] = {query.getColumn(1).getInt64(),
                                              query.getColumn(2).getInt64()};
    return found;
  }

  // (point, replicate, metric) -> value, for every stored metric
  static std::map<std::tuple<int64_t, int64_t, std::string>, double> metrics(SQLite::Database& db) {
    std::map<std::tuple<int64_t, int64_t, std::string>, double> found;
    SQLite::Statement query(db,
                            "SELECT r.point, r.replicate, m.name, m.value FROM runs r JOIN "
                            "run_metrics m ON m.run_id = r.run_id");
    while (query.executeStep())
      found[{query.getColumn(0).getInt64(), query.getColumn(1).getInt64(),
             query.getColumn(2).getString()}] = query.getColumn(3).getDouble();
    return found;
  }
};

TEST_F(ExperimentCliTest, GridStoresRunsDesignValuesAndSeries) {
  const auto result = run_mercator("experiment " + grid_file() + " --parallel 2");
  ASSERT_EQ(result.exit_code, 0) << result.output;
  EXPECT_NE(result.output.find("4 runs = 2 points x 2 replicates"), std::string::npos)
      << result.output;
  EXPECT_NE(result.output.find("skipped 0 runs already in the database; running 4 on 2 threads"),
            std::string::npos)
      << result.output;
  EXPECT_NE(result.output.find("database: " + database().string()), std::string::npos)
      << result.output;

  SQLite::Database db(database().string());
  EXPECT_EQ(count(db, "experiments"), 1);
  EXPECT_EQ(db.execAndGet("SELECT kind FROM experiments").getString(), "experiment");
  EXPECT_EQ(count(db, "runs"), 4);
  EXPECT_EQ(count(db, "run_parameters"), 4);
  // 4 runs x 31 days x 2 series x 2 markets
  EXPECT_EQ(count(db, "run_series"), 4 * 31 * 2 * 2);
  SQLite::Statement design(db,
                           "SELECT r.point, r.replicate, r.seed, p.key, p.value FROM runs r JOIN "
                           "run_parameters p ON p.run_id = r.run_id ORDER BY r.point, r.replicate");
  const std::vector<std::string> values = {"0.01", "0.01", "0.03", "0.03"};
  for (size_t k = 0; k < 4; ++k) {
    ASSERT_TRUE(design.executeStep());
    EXPECT_EQ(design.getColumn(0).getInt64(), static_cast<int64_t>(k / 2));
    EXPECT_EQ(design.getColumn(2).getInt64(), 5 + static_cast<int64_t>(k % 2))
        << "seed + replicate";
    EXPECT_EQ(design.getColumn(3).getString(), "buyers.word_of_mouth_per_day");
    EXPECT_EQ(design.getColumn(4).getString(), values[k]);
  }

  // A stored run's overrides repeat it: the same scenario and overrides give
  // the same summary.
  SQLite::Statement stored(db,
                           "SELECT r.overrides_json, m.value FROM runs r JOIN run_metrics m ON "
                           "m.run_id = r.run_id WHERE r.point = 1 AND r.replicate = 1 AND "
                           "m.name = 'final.active_buyers'");
  ASSERT_TRUE(stored.executeStep());
  const auto overrides =
      nlohmann::json::parse(stored.getColumn(0).getString()).get<std::vector<std::string>>();
  const RunResults again = test_support::run_scenario(bass, overrides, 1);
  EXPECT_EQ(summary_metric(flatten_summary(again.summary_json), "final.active_buyers"),
            stored.getColumn(1).getDouble());
  const auto all = metrics(db);
  EXPECT_NE(all.at({0, 0, "final.active_buyers"}), all.at({1, 0, "final.active_buyers"}))
      << "word of mouth made no difference";
  EXPECT_NE(all.at({0, 0, "final.active_buyers"}), all.at({0, 1, "final.active_buyers"}))
      << "replicates with different seeds gave the same run";
}

TEST_F(ExperimentCliTest, RerunRunsNothingNew) {
  const std::string file = grid_file();
  ASSERT_EQ(run_mercator("experiment -q " + file).exit_code, 0);
  std::map<int64_t, std::pair<int64_t, int64_t>> before;
  {
    SQLite::Database db(database().string());
    before = runs(db);
  }
  const auto result = run_mercator("experiment -q " + file);
  ASSERT_EQ(result.exit_code, 0) << result.output;
  EXPECT_NE(result.output.find("skipped 4 runs already in the database; nothing to run"),
            std::string::npos)
      << result.output;
  SQLite::Database db(database().string());
  EXPECT_EQ(runs(db), before);
}

TEST_F(ExperimentCliTest, InterruptedExperimentRedoesOnlyTheMissingRuns) {
  const std::string file = grid_file();
  ASSERT_EQ(run_mercator("experiment -q " + file).exit_code, 0);
  std::map<std::tuple<int64_t, int64_t, std::string>, double> original;
  std::map<int64_t, std::pair<int64_t, int64_t>> kept;
  {
    SQLite::Database db(database().string(), SQLite::OPEN_READWRITE);
    original = metrics(db);
    // As if the experiment had stopped before point 1's runs were stored.
    const std::string point_1 = "(SELECT run_id FROM runs WHERE point = 1)";
    for (const std::string table : {"run_series", "run_metrics", "run_parameters"})
      db.exec("DELETE FROM " + table + " WHERE run_id IN " + point_1);
    db.exec("DELETE FROM runs WHERE point = 1");
    kept = runs(db);
    ASSERT_EQ(kept.size(), 2u);
  }
  const auto result = run_mercator("experiment -q " + file);
  ASSERT_EQ(result.exit_code, 0) << result.output;
  EXPECT_NE(result.output.find("skipped 2 runs already in the database; running 2"),
            std::string::npos)
      << result.output;
  SQLite::Database db(database().string());
  const auto now = runs(db);
  EXPECT_EQ(now.size(), 4u);
  for (const auto& [run_id, key] : kept)
    EXPECT_EQ(now.at(run_id), key) << "run " << run_id << " was redone";
  EXPECT_EQ(metrics(db), original) << "the redone runs differ from the first ones";
  EXPECT_EQ(count(db, "run_series"), 4 * 31 * 2 * 2);
  EXPECT_EQ(count(db, "run_parameters"), 4);
}

TEST_F(ExperimentCliTest, ChangedFileIsRefusedAgainstTheSameDatabase) {
  ASSERT_EQ(run_mercator("experiment -q " + grid_file()).exit_code, 0);
  const std::string changed = grid_file("[0.01, 0.02]");
  const auto result = run_mercator("experiment -q " + changed);
  EXPECT_EQ(result.exit_code, 2) << result.output;
  EXPECT_NE(result.output.find("experiment 'wom-grid' is already in the database with a different"),
            std::string::npos)
      << result.output;
  {
    SQLite::Database db(database().string());
    EXPECT_EQ(count(db, "runs"), 4);
    EXPECT_EQ(db.execAndGet("SELECT COUNT(*) FROM run_parameters WHERE value = '0.02'").getInt64(),
              0);
  }
  // Another database takes it.
  const fs::path other = directory_ / "other.sqlite";
  const auto elsewhere = run_mercator("experiment -q " + changed + " --db " + other.string());
  EXPECT_EQ(elsewhere.exit_code, 0) << elsewhere.output;
  EXPECT_NE(elsewhere.output.find("database: " + other.string()), std::string::npos);
}

TEST_F(ExperimentCliTest, BadParameterKeyWritesNoDatabase) {
  const std::string file = grid_file("[0.01, 0.03]", "buyers.word_of_mouth");
  const auto result = run_mercator("experiment " + file);
  EXPECT_EQ(result.exit_code, 2) << result.output;
  EXPECT_NE(result.output.find(file + ":10:7: key 'parameters.0.key' = \"buyers.word_of_mouth\": "
                                      "not a scenario parameter; did you mean "
                                      "'buyers.word_of_mouth_per_day'?"),
            std::string::npos)
      << result.output;
  EXPECT_FALSE(fs::exists(database()));
}

TEST_F(ExperimentCliTest, ValueOutOfRangeWritesNoDatabase) {
  const std::string file = grid_file("[0.01, 1.5]");
  const auto result = run_mercator("experiment " + file);
  EXPECT_EQ(result.exit_code, 2) << result.output;
  EXPECT_NE(result.output.find(file + ":11:17: key 'parameters.0.values.1' = 1.5: out of range"),
            std::string::npos)
      << result.output;
  EXPECT_FALSE(fs::exists(database()));
}

}  // namespace
}  // namespace mercator
