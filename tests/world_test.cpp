// The world module: the bundled table, markets, lanes, cultural distance, parameters.
#include "world/world.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <set>
#include <string>

namespace mercator {
namespace {

constexpr const char* kBundledTable = "data/world.csv";
constexpr const char* kHeader =
    "code,name,region,language,population,internet_share,gdp_per_capita_usd,logistics_index,"
    "account_ownership,rule_of_law,duty_rate,de_minimis_usd,latitude,longitude,pdi,idv,mas,uai,"
    "lto,ivr";
constexpr const char* kChinaRow =
    "CN,China,Eastern Asia,Chinese,1397715000,0.64,10217,3.61,0.80,-0.27,0.076,7,31.23,121.47,"
    "80,20,66,30,87,24";
constexpr const char* kJapanRow =
    "JP,Japan,Eastern Asia,Japanese,126264931,0.92,40247,4.03,0.98,1.54,0.043,90,35.68,139.69,"
    "54,46,95,92,88,42";

World bundled_world() { return build_world(read_world_table(kBundledTable), WorldConfig{}); }

MarketId id_of(const World& world, const std::string& code) {
  const int id = world.find(code);
  EXPECT_GE(id, 0) << code;
  return static_cast<MarketId>(id);
}

// A world table written to a temporary file for one test, removed afterwards.
class TempTable {
 public:
  explicit TempTable(const std::string& contents) {
    const auto* test = ::testing::UnitTest::GetInstance()->current_test_info();
    path_ = std::filesystem::temp_directory_path() /
            (std::string("mercator_world_") + test->name() + ".csv");
    std::ofstream(path_) << contents;
  }
  ~TempTable() { std::filesystem::remove(path_); }
  std::string path() const { return path_.string(); }

 private:
  std::filesystem::path path_;
};

// The message read_world_table throws for a table, or "" when it reads fine.
std::string table_error(const std::string& contents) {
  TempTable table(contents);
  try {
    read_world_table(table.path());
  } catch (const WorldTableError& error) {
    return error.what();
  }
  return "";
}

TEST(WorldTable, BundledTableHasAtLeast45UniqueCountries) {
  const std::vector<CountryRecord> table = read_world_table(kBundledTable);
  EXPECT_GE(table.size(), 45u);
  std::set<std::string> codes;
  for (const CountryRecord& country : table) codes.insert(country.code);
  EXPECT_EQ(codes.size(), table.size());
}

TEST(WorldTable, BundledTableReadsChinaAsWritten) {
  const std::vector<CountryRecord> table = read_world_table(kBundledTable);
  ASSERT_EQ(table.front().code, "CN");
  EXPECT_EQ(table.front().name, "China");
  EXPECT_DOUBLE_EQ(table.front().logistics_index, 3.61);
  EXPECT_DOUBLE_EQ(table.front().culture[4], 87);  // LTO
}

TEST(World, AllDefaultMarketsBuildInConfiguredOrder) {
  const WorldConfig config;
  const World world = bundled_world();
  ASSERT_EQ(world.market_count(), config.markets.size());
  EXPECT_EQ(config.markets.size(), 24u);
  double richest = 0;
  for (MarketId id = 0; id < world.market_count(); ++id) {
    const Market& market = world.market(id);
    EXPECT_EQ(market.country.code, config.markets[id]);
    EXPECT_EQ(world.find(market.country.code), id);
    for (double quality : {market.logistics_quality, market.payment_quality,
                           market.enforcement_strength, market.income_index}) {
      EXPECT_GE(quality, 0.0) << market.country.code;
      EXPECT_LE(quality, 1.0) << market.country.code;
    }
    richest = std::max(richest, market.income_index);
  }
  EXPECT_DOUBLE_EQ(richest, 1.0);
  EXPECT_EQ(world.find("ZZ"), -1);
}

TEST(World, QualitiesFollowTheirSources) {
  const World world = bundled_world();
  const Market& germany = world.market(id_of(world, "DE"));
  EXPECT_DOUBLE_EQ(germany.logistics_quality, (germany.country.logistics_index - 1) / 4);
  EXPECT_DOUBLE_EQ(germany.payment_quality, germany.country.account_ownership);
  EXPECT_DOUBLE_EQ(germany.enforcement_strength, (germany.country.rule_of_law + 2.5) / 5);
}

TEST(CulturalDistance, SymmetricZeroDiagonalWithinUnitInterval) {
  const World world = bundled_world();
  double largest = 0;
  for (MarketId a = 0; a < world.market_count(); ++a) {
    EXPECT_EQ(world.cultural_distance(a, a), 0.0);
    for (MarketId b = 0; b < world.market_count(); ++b) {
      EXPECT_DOUBLE_EQ(world.cultural_distance(a, b), world.cultural_distance(b, a));
      EXPECT_GE(world.cultural_distance(a, b), 0.0);
      EXPECT_LE(world.cultural_distance(a, b), 1.0);
      largest = std::max(largest, world.cultural_distance(a, b));
    }
  }
  EXPECT_DOUBLE_EQ(largest, 1.0);
}

TEST(CulturalDistance, JapanIsCloserToKoreaThanToTheUnitedStates) {
  const World world = bundled_world();
  const MarketId japan = id_of(world, "JP");
  EXPECT_LT(world.cultural_distance(japan, id_of(world, "KR")),
            world.cultural_distance(japan, id_of(world, "US")));
}

TEST(Lanes, ChinaToUnitedStatesTakesLongerThanChinaToKorea) {
  const World world = bundled_world();
  const MarketId china = id_of(world, "CN");
  const Lane& to_us = world.lane(china, id_of(world, "US"));
  const Lane& to_korea = world.lane(china, id_of(world, "KR"));
  EXPECT_GT(to_us.transit_days_median, to_korea.transit_days_median);
  EXPECT_GT(to_us.distance_km, to_korea.distance_km);
  EXPECT_GT(to_us.cost_usd, to_korea.cost_usd);
}

TEST(Lanes, CrossBorderLaneTakesTheDestinationsCustomsRules) {
  const World world = bundled_world();
  const MarketId us = id_of(world, "US");
  const Lane& lane = world.lane(id_of(world, "CN"), us);
  EXPECT_DOUBLE_EQ(lane.tariff, world.market(us).country.duty_rate);
  EXPECT_DOUBLE_EQ(lane.de_minimis_usd, 800);
  EXPECT_NEAR(lane.distance_km, 11860, 100);  // Shanghai - New York great circle
}

TEST(Lanes, DomesticLaneIsDutyFreeAndFasterThanAnyImport) {
  const World world = bundled_world();
  const WorldConfig config;
  const MarketId china = id_of(world, "CN");
  const Lane& domestic = world.lane(china, china);
  EXPECT_EQ(domestic.tariff, 0.0);
  EXPECT_EQ(domestic.distance_km, 0.0);
  EXPECT_DOUBLE_EQ(domestic.cost_usd, config.domestic_cost_usd);
  EXPECT_LT(domestic.loss_probability, config.loss_base_probability);
  for (MarketId from = 0; from < world.market_count(); ++from) {
    if (from == china) continue;
    EXPECT_LT(domestic.transit_days_median, world.lane(from, china).transit_days_median);
  }
}

TEST(Lanes, GreatCircleDistanceLondonToParis) {
  CountryRecord london;
  london.latitude = 51.5074;
  london.longitude = -0.1278;
  CountryRecord paris;
  paris.latitude = 48.8566;
  paris.longitude = 2.3522;
  EXPECT_NEAR(great_circle_km(london, paris), 344, 5);
}

TEST(World, InternetShareGrowsToTheCeilingButNeverShrinks) {
  World world = bundled_world();
  const MarketId india = id_of(world, "IN");
  const MarketId emirates = id_of(world, "AE");
  const double india_start = world.market(india).internet_share;
  const double emirates_start = world.market(emirates).internet_share;
  ASSERT_GT(emirates_start, 0.95);

  world.advance_internet(2.0, 0.03);
  EXPECT_NEAR(world.market(india).internet_share, india_start + 0.06, 1e-12);
  EXPECT_EQ(world.market(emirates).internet_share, emirates_start);

  world.advance_internet(100.0, 0.03);
  EXPECT_EQ(world.market(india).internet_share, 0.95);

  world.advance_internet(1.0, -0.5);
  EXPECT_EQ(world.market(india).internet_share, india_start);
}

TEST(WorldTableErrors, NonNumericCellNamesLineAndColumn) {
  const std::string bad_china =
      "CN,China,Eastern Asia,Chinese,lots,0.64,10217,3.61,0.80,-0.27,0.076,7,31.23,121.47,"
      "80,20,66,30,87,24";
  const std::string message =
      table_error(std::string(kHeader) + "\n" + kJapanRow + "\n" + bad_china + "\n");
  EXPECT_NE(message.find(":3: column 'population': 'lots' is not a plain decimal number"),
            std::string::npos)
      << message;
  EXPECT_NE(message.find("expected"), std::string::npos) << message;
}

TEST(WorldTableErrors, OutOfRangeShareNamesLineAndColumn) {
  const std::string bad_china =
      "CN,China,Eastern Asia,Chinese,1397715000,1.64,10217,3.61,0.80,-0.27,0.076,7,31.23,121.47,"
      "80,20,66,30,87,24";
  const std::string message = table_error(std::string(kHeader) + "\n" + bad_china + "\n");
  EXPECT_NE(message.find(":2: column 'internet_share': value '1.64' is out of range, expected a "
                         "share from 0 to 1"),
            std::string::npos)
      << message;
}

TEST(WorldTableErrors, LogisticsIndexOutsideOneToFive) {
  std::string row = kChinaRow;
  row.replace(row.find("3.61"), 4, "0.50");
  EXPECT_NE(table_error(std::string(kHeader) + "\n" + row + "\n").find("column 'logistics_index'"),
            std::string::npos);
}

TEST(WorldTableErrors, WrongHeaderNamesTheColumn) {
  std::string header = kHeader;
  header.replace(header.find("latitude"), 8, "lat");
  const std::string message = table_error(header + "\n" + kChinaRow + "\n");
  EXPECT_NE(message.find(":1: column 'latitude': header has 'lat'"), std::string::npos) << message;
}

TEST(WorldTableErrors, RaggedRowsAreRejected) {
  const std::string short_row = std::string(kChinaRow).substr(0, std::string(kChinaRow).rfind(','));
  const std::string too_short = table_error(std::string(kHeader) + "\n" + short_row + "\n");
  EXPECT_NE(too_short.find(":2: column 'ivr': missing"), std::string::npos) << too_short;

  const std::string too_long = table_error(std::string(kHeader) + "\n" + kChinaRow + ",7\n");
  EXPECT_NE(too_long.find(":2: column 'ivr': followed by 1 extra field"), std::string::npos)
      << too_long;
}

TEST(WorldTableErrors, DuplicateCodeNamesBothLines) {
  const std::string message =
      table_error(std::string(kHeader) + "\n" + kChinaRow + "\n" + kJapanRow + "\n" + kChinaRow);
  EXPECT_NE(message.find(":4: column 'code': duplicate code 'CN' (first on line 2)"),
            std::string::npos)
      << message;
}

TEST(WorldTableErrors, MissingFileIsAnError) {
  EXPECT_THROW(read_world_table("data/no_such_world.csv"), WorldTableError);
}

TEST(WorldTableErrors, CrlfLineEndsAreAccepted) {
  EXPECT_EQ(table_error(std::string(kHeader) + "\r\n" + kChinaRow + "\r\n"), "");
}

std::string build_error(const std::vector<std::string>& markets) {
  WorldConfig config;
  config.markets = markets;
  try {
    build_world(read_world_table(kBundledTable), config);
  } catch (const WorldTableError& error) {
    return error.what();
  }
  return "";
}

TEST(WorldMarkets, UnknownMarketSuggestsTheClosestCode) {
  EXPECT_EQ(build_error({"CN", "JPN"}),
            "unknown market 'JPN' (not in data/world.csv); did you mean 'JP'?");
  EXPECT_NE(build_error({"UK"}).find("did you mean 'GB'?"), std::string::npos);
  EXPECT_NE(build_error({"Germany"}).find("did you mean 'DE'?"), std::string::npos);
}

TEST(WorldMarkets, DuplicateMarketIsAnError) {
  EXPECT_NE(build_error({"CN", "US", "CN"}).find("'CN' is listed twice"), std::string::npos);
}

TEST(WorldMarkets, SingleMarketHasZeroCulturalDistance) {
  WorldConfig config;
  config.markets = {"BR"};
  const World world = build_world(read_world_table(kBundledTable), config);
  EXPECT_EQ(world.cultural_distance(0, 0), 0.0);
  EXPECT_DOUBLE_EQ(world.market(0).income_index, 1.0);
}

// Records what visit_parameters declares.
class RecordingVisitor : public ParameterVisitor {
 public:
  struct Entry {
    std::string key;
    ParameterSpec spec;
    double value;
  };
  std::vector<Entry> entries;

  void flag(const ParameterSpec& spec, bool& value) override { add(spec, value); }
  void integer(const ParameterSpec& spec, int64_t& value) override {
    add(spec, static_cast<double>(value));
  }
  void real(const ParameterSpec& spec, double& value) override { add(spec, value); }
  void text(const ParameterSpec& spec, std::string&) override { add(spec, NAN); }
  void date(const ParameterSpec& spec, std::string&) override { add(spec, NAN); }
  void text_list(const ParameterSpec& spec, std::vector<std::string>&) override { add(spec, NAN); }

 private:
  void add(const ParameterSpec& spec, double value) {
    entries.push_back({full_key(spec.key), spec, value});
  }
};

TEST(WorldParameters, EveryFieldIsDocumentedWithItsDefaultInRange) {
  RecordingVisitor visitor;
  WorldConfig config;
  visit_parameters(visitor, config);
  EXPECT_EQ(visitor.entries.size(), 13u);  // every WorldConfig field
  std::set<std::string> keys;
  for (const auto& entry : visitor.entries) {
    keys.insert(entry.key);
    EXPECT_EQ(entry.key.rfind("world.", 0), 0u) << entry.key;
    EXPECT_FALSE(entry.spec.meaning.empty()) << entry.key;
    EXPECT_FALSE(entry.spec.source.empty()) << entry.key;
    if (!std::isnan(entry.value)) {
      EXPECT_GE(entry.value, entry.spec.min) << entry.key;
      EXPECT_LE(entry.value, entry.spec.max) << entry.key;
    }
  }
  EXPECT_EQ(keys.size(), visitor.entries.size());
  EXPECT_TRUE(keys.contains("world.lane_base_cost_usd"));
  EXPECT_TRUE(keys.contains("world.markets"));
}

}  // namespace
}  // namespace mercator
