// `mercator attribute` end to end on a three-month Bass scenario (a run
// takes a few hundredths of a second): the runs it stores, the estimates
// it derives from them, resuming, and refusing bad input before writing.
#include <SQLiteCpp/SQLiteCpp.h>
#include <gtest/gtest.h>

#include <bit>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "command_runner.hpp"
#include "temp_directory.hpp"

namespace mercator {
namespace {

namespace fs = std::filesystem;

using test_support::CommandResult;
using test_support::run_mercator;

// Run from a temporary directory, so the world table is named absolutely.
const std::string bass =
    MERCATOR_SOURCE_DIR "/tests/scenarios/bass.toml --set 'world.table_path=\"" MERCATOR_SOURCE_DIR
                        "/data/world.csv\"'";
// Bits in mechanism_names() order: reputation = 1, escrow = 2, network_effects = 4.
const std::string three_mechanisms =
    bass + " --mechanisms network_effects,reputation,escrow --set 'run.end_date=\"2010-03-31\"'";

int64_t count(SQLite::Database& db, const std::string& sql) {
  return db.execAndGet(sql).getInt64();
}

// (point, replicate) -> value of final.active_buyers.
std::map<std::pair<int64_t, int64_t>, double> active_buyers(SQLite::Database& db) {
  SQLite::Statement query(db,
                          "SELECT r.point, r.replicate, m.value FROM runs r JOIN run_metrics m "
                          "USING (run_id) WHERE m.name = 'final.active_buyers'");
  std::map<std::pair<int64_t, int64_t>, double> values;
  while (query.executeStep())
    values[{query.getColumn(0).getInt64(), query.getColumn(1).getInt64()}] =
        query.getColumn(2).getDouble();
  return values;
}

// "key=value key=value" of one run, by key.
std::string parameters_of(SQLite::Database& db, int64_t point, int64_t replicate) {
  SQLite::Statement query(db,
                          "SELECT p.key, p.value FROM run_parameters p JOIN runs r USING (run_id) "
                          "WHERE r.point = ? AND r.replicate = ? ORDER BY p.key");
  query.bind(1, point);
  query.bind(2, replicate);
  std::string text;
  while (query.executeStep())
    text += (text.empty() ? "" : " ") + query.getColumn(0).getString() + "=" +
            query.getColumn(1).getString();
  return text;
}

double stored_estimate(SQLite::Database& db, const std::string& mechanism,
                       const std::string& method) {
  SQLite::Statement query(db,
                          "SELECT estimate FROM attribution WHERE outcome = "
                          "'final.active_buyers' AND mechanism = ? AND method = ?");
  query.bind(1, mechanism);
  query.bind(2, method);
  if (!query.executeStep()) return std::nan("");
  return query.getColumn(0).getDouble();
}

class AttributionCliTest : public TempDirectoryTest {
 protected:
  AttributionCliTest() : TempDirectoryTest("attribution") {}
  std::string database() const { return (directory_ / "a.sqlite").string(); }
  CommandResult attribute(const std::string& arguments) {
    return run_mercator("attribute " + arguments, true, directory_.string());
  }
};

TEST_F(AttributionCliTest, StoresEveryCoalitionAndTheEstimatesItDerives) {
  const CommandResult result =
      attribute(three_mechanisms +
                " --outcome final.active_buyers --outcome final.orders_last_year "
                "--replications 2 --parallel 2 --db " +
                database());
  ASSERT_EQ(result.exit_code, 0) << result.output;
  EXPECT_NE(result.output.find("16 runs, 0 already in"), std::string::npos) << result.output;
  SQLite::Database db(database());
  EXPECT_EQ(count(db, "SELECT COUNT(*) FROM experiments WHERE kind = 'attribution'"), 1);
  EXPECT_EQ(count(db, "SELECT COUNT(*) FROM runs"), 8 * 2);  // 2^3 coalitions x 2 replicates
  EXPECT_EQ(count(db, "SELECT COUNT(DISTINCT point) FROM runs"), 8);
  // Common random numbers: replicate r runs with the scenario's seed (7) + r at every point.
  EXPECT_EQ(count(db, "SELECT COUNT(*) FROM runs WHERE seed = 7 + replicate"), 16);
  // Point 5 = reputation and network_effects on, escrow off.
  EXPECT_EQ(parameters_of(db, 5, 0),
            "mechanisms.escrow.enabled=false mechanisms.network_effects.enabled=true "
            "mechanisms.reputation.enabled=true");
  for (const std::string method : {"shapley", "ablation", "solo"}) {
    EXPECT_EQ(count(db,
                    "SELECT COUNT(*) FROM attribution WHERE outcome = 'final.active_buyers' "
                    "AND method = '" +
                        method + "'"),
              3)
        << method;
  }
  EXPECT_EQ(count(db, "SELECT COUNT(*) FROM attribution WHERE outcome = 'final.orders_last_year'"),
            9);

  // The stored estimates are the formulas applied to the stored runs: for
  // network_effects (bit 4) with the others' bits b in {0, 1, 2, 3},
  // phi = mean over replicates of sum_b w(|b|) (v(b + 4) - v(b)),
  // w = 1/3, 1/6, 1/6, 1/3 for |b| = 0, 1, 1, 2.
  const auto v = active_buyers(db);
  double shapley = 0, ablation = 0, solo = 0;
  for (int64_t r = 0; r < 2; ++r) {
    shapley += (v.at({4, r}) - v.at({0, r})) / 3 + (v.at({5, r}) - v.at({1, r})) / 6 +
               (v.at({6, r}) - v.at({2, r})) / 6 + (v.at({7, r}) - v.at({3, r})) / 3;
    ablation += v.at({7, r}) - v.at({3, r});
    solo += v.at({4, r}) - v.at({0, r});
  }
  const double scale = 1e-9 * (1 + std::abs(v.at({7, 0})));
  EXPECT_NEAR(stored_estimate(db, "network_effects", "shapley"), shapley / 2, scale);
  EXPECT_NEAR(stored_estimate(db, "network_effects", "ablation"), ablation / 2, scale);
  EXPECT_NEAR(stored_estimate(db, "network_effects", "solo"), solo / 2, scale);
  EXPECT_NE(result.output.find("network_effects"), std::string::npos) << result.output;
  EXPECT_NE(result.output.find("efficiency: sum of Shapley values"), std::string::npos);
}

TEST_F(AttributionCliTest, ResumesByMakingOnlyTheMissingRuns) {
  const std::string arguments =
      three_mechanisms + " --outcome final.active_buyers --replications 2 --db " + database();
  ASSERT_EQ(attribute(arguments + " -q").exit_code, 0);
  std::map<std::pair<int64_t, int64_t>, double> first;
  double first_shapley = 0;
  {
    SQLite::Database db(database(), SQLite::OPEN_READWRITE);
    first = active_buyers(db);
    first_shapley = stored_estimate(db, "reputation", "shapley");
    // An interruption: replicate 1 never finished.
    db.exec(
        "DELETE FROM run_metrics WHERE run_id IN (SELECT run_id FROM runs WHERE replicate = 1)");
    db.exec(
        "DELETE FROM run_parameters WHERE run_id IN (SELECT run_id FROM runs WHERE replicate = 1)");
    db.exec("DELETE FROM runs WHERE replicate = 1");
  }
  const CommandResult resumed = attribute(arguments);
  ASSERT_EQ(resumed.exit_code, 0) << resumed.output;
  EXPECT_NE(resumed.output.find("16 runs, 8 already in"), std::string::npos) << resumed.output;
  {
    SQLite::Database db(database());
    EXPECT_EQ(active_buyers(db), first);  // runs are deterministic
    EXPECT_EQ(stored_estimate(db, "reputation", "shapley"), first_shapley);
    EXPECT_EQ(count(db, "SELECT COUNT(*) FROM attribution"), 9);  // replaced, not added
  }
  const CommandResult rerun = attribute(arguments);
  ASSERT_EQ(rerun.exit_code, 0);
  EXPECT_NE(rerun.output.find("16 runs, 16 already in"), std::string::npos) << rerun.output;
  SQLite::Database db(database());
  EXPECT_EQ(count(db, "SELECT COUNT(*) FROM runs"), 16);
  // More replicates keep the runs made: only replicate 2 is added.
  const CommandResult more = attribute(
      three_mechanisms + " --outcome final.active_buyers --replications 3 --db " + database());
  ASSERT_EQ(more.exit_code, 0) << more.output;
  EXPECT_NE(more.output.find("24 runs, 16 already in"), std::string::npos) << more.output;
  EXPECT_EQ(count(db, "SELECT COUNT(*) FROM runs"), 24);
  EXPECT_EQ(count(db, "SELECT MAX(replications) FROM attribution"), 3);
}

TEST_F(AttributionCliTest, MakesEachReplicateWithTheLargestCoalitionsFirst) {
  // One at a time, so the runs are stored in the order they were made.
  const CommandResult result = attribute(three_mechanisms +
                                         " --outcome final.active_buyers --replications 2 "
                                         "--parallel 1 -q --db " + database());
  ASSERT_EQ(result.exit_code, 0) << result.output;
  SQLite::Database db(database());
  SQLite::Statement query(db, "SELECT point, replicate FROM runs ORDER BY run_id");
  std::vector<std::pair<int64_t, int>> made;  // (replicate, mechanisms on)
  while (query.executeStep())
    made.emplace_back(query.getColumn(1).getInt64(),
                      std::popcount(static_cast<uint64_t>(query.getColumn(0).getInt64())));
  ASSERT_EQ(made.size(), 16u);
  // Replicate 0 first; within each, 3 mechanisms on, then 2, 1 and none.
  const std::vector<int> sizes = {3, 2, 2, 2, 1, 1, 1, 0};
  for (size_t k = 0; k < made.size(); ++k) {
    EXPECT_EQ(made[k].first, int64_t(k / 8)) << "run " << k;
    EXPECT_EQ(made[k].second, sizes[k % 8]) << "run " << k;
  }
}

TEST_F(AttributionCliTest, SampledOrdersStoreSampledShapleyValues) {
  const CommandResult result = attribute(three_mechanisms +
                                         " --outcome final.active_buyers --replications 2 "
                                         "--permutations 2 -q --db " +
                                         database());
  ASSERT_EQ(result.exit_code, 0) << result.output;
  SQLite::Database db(database());
  EXPECT_EQ(count(db, "SELECT COUNT(*) FROM attribution WHERE method = 'shapley_sampled'"), 3);
  EXPECT_EQ(count(db, "SELECT COUNT(*) FROM attribution WHERE method = 'shapley'"), 0);
  // Two orders of three mechanisms visit at most 2 x 2 inner prefixes; with
  // the ablation's 8 coalitions (all of them, for 3 mechanisms) that is 8.
  EXPECT_EQ(count(db, "SELECT COUNT(*) FROM runs"), 16);
}

TEST_F(AttributionCliTest, DefaultDatabaseIsNamedAfterTheScenario) {
  const CommandResult result =
      attribute(bass +
                " --mechanisms reputation --set 'run.end_date=\"2010-01-31\"' "
                "--outcome final.active_buyers --replications 2 -q");
  ASSERT_EQ(result.exit_code, 0) << result.output;
  EXPECT_TRUE(fs::exists(directory_ / "attribution-bass.sqlite")) << result.output;
}

TEST_F(AttributionCliTest, RefusesToMixRunsOfAnotherSpecification) {
  const std::string january = bass + " --set 'run.end_date=\"2010-01-31\"' --outcome "
                                     "final.active_buyers --replications 2 -q --db " + database();
  ASSERT_EQ(attribute(january + " --mechanisms reputation").exit_code, 0);
  const CommandResult other = attribute(january + " --mechanisms escrow");
  EXPECT_EQ(other.exit_code, 2) << other.output;
  EXPECT_NE(other.output.find("already in the database"), std::string::npos) << other.output;
  const CommandResult named = attribute(january + " --mechanisms escrow --name escrow-only");
  EXPECT_EQ(named.exit_code, 0) << named.output;
  SQLite::Database db(database());
  EXPECT_EQ(count(db, "SELECT COUNT(*) FROM experiments"), 2);
  EXPECT_EQ(count(db, "SELECT COUNT(*) FROM runs"), 8);
}

TEST_F(AttributionCliTest, BadNamesExitWith2AndWriteNoDatabase) {
  const CommandResult outcome =
      attribute(three_mechanisms + " --outcome final.active_buyer --db " + database());
  EXPECT_EQ(outcome.exit_code, 2) << outcome.output;
  EXPECT_NE(outcome.output.find("outcome 'final.active_buyer' is not in the run summary"),
            std::string::npos)
      << outcome.output;

  const CommandResult mechanism = attribute(
      bass + " --mechanisms escrw,rules --outcome final.active_buyers --db " + database());
  EXPECT_EQ(mechanism.exit_code, 2) << mechanism.output;
  EXPECT_NE(mechanism.output.find("unknown mechanism 'escrw'; did you mean 'escrow'?"),
            std::string::npos)
      << mechanism.output;

  // All 14 mechanisms exactly would be 16384 coalitions: refused, pointing at --permutations.
  const CommandResult too_many =
      attribute(bass + " --outcome final.active_buyers --db " + database());
  EXPECT_EQ(too_many.exit_code, 2) << too_many.output;
  EXPECT_NE(too_many.output.find("--permutations"), std::string::npos) << too_many.output;

  const CommandResult bad_set = attribute(
      three_mechanisms + " --set run.sed=3 --outcome final.active_buyers --db " + database());
  EXPECT_EQ(bad_set.exit_code, 2) << bad_set.output;
  EXPECT_FALSE(fs::exists(database()));
}

}  // namespace
}  // namespace mercator
