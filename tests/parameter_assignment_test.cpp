// Assigning one parameter by its dotted key, as --set and scheduled `set`
// events do.
#include "core/parameter_assignment.hpp"

#include <gtest/gtest.h>

#include <string>

#include "simulation/simulation_config.hpp"

namespace mercator {
namespace {

ParameterWalk walk(SimulationConfig& config) {
  return [&config](ParameterVisitor& visitor) { visit_parameters(visitor, config); };
}

TEST(ParameterAssignment, AssignsTomlValuesByFullKey) {
  SimulationConfig config;
  std::string error;
  EXPECT_TRUE(assign_parameter(walk(config), "platforms.0.commission_rate", "0.08", error))
      << error;
  EXPECT_TRUE(assign_parameter(walk(config), "run.seed", "42", error)) << error;
  EXPECT_TRUE(assign_parameter(walk(config), "mechanisms.escrow.enabled", "false", error)) << error;
  EXPECT_TRUE(assign_parameter(walk(config), "world.markets", "[\"CN\", \"US\"]", error)) << error;
  EXPECT_TRUE(assign_parameter(walk(config), "run.end_date", "2012-12-31", error)) << error;
  EXPECT_DOUBLE_EQ(config.platforms[0].commission_rate, 0.08);
  EXPECT_EQ(config.run.seed, 42);
  EXPECT_FALSE(config.mechanisms.escrow.enabled);
  EXPECT_EQ(config.world.markets, (std::vector<std::string>{"CN", "US"}));
  EXPECT_EQ(config.run.end_date, "2012-12-31");
}

TEST(ParameterAssignment, StringsMayGoWithoutQuotes) {
  SimulationConfig config;
  std::string error;
  EXPECT_TRUE(assign_parameter(walk(config), "platforms.0.admission", "business_only", error))
      << error;
  EXPECT_TRUE(assign_parameter(walk(config), "run.name", "2024", error)) << error;
  EXPECT_TRUE(assign_parameter(walk(config), "platforms.0.name", "\"quoted\"", error)) << error;
  EXPECT_EQ(config.platforms[0].admission, "business_only");
  EXPECT_EQ(config.run.name, "2024");
  EXPECT_EQ(config.platforms[0].name, "quoted");
}

TEST(ParameterAssignment, BadValuesChangeNothing) {
  SimulationConfig config;
  std::string error;
  EXPECT_FALSE(assign_parameter(walk(config), "platforms.0.commission_rate", "1.5", error));
  EXPECT_EQ(error,
            "key 'platforms.0.commission_rate' = 1.5: out of range; expected real in [0, 1]");
  EXPECT_FALSE(assign_parameter(walk(config), "run.seed", "many", error));
  EXPECT_EQ(error.rfind("key 'run.seed' = many: not a TOML value", 0), 0u) << error;
  EXPECT_FALSE(assign_parameter(walk(config), "platforms.0.kind", "shop", error));
  EXPECT_FALSE(assign_parameter(walk(config), "run.start_date", "2019-02-30", error));
  EXPECT_EQ(error, "key 'run.start_date' = 2019-02-30: invalid date; expected date YYYY-MM-DD");
  EXPECT_DOUBLE_EQ(config.platforms[0].commission_rate, PlatformConfig{}.commission_rate);
  EXPECT_EQ(config.run.seed, RunConfig{}.seed);
}

TEST(ParameterAssignment, UnknownKeyGetsAHint) {
  SimulationConfig config;
  std::string error;
  EXPECT_FALSE(assign_parameter(walk(config), "platforms.0.comission_rate", "0.1", error));
  EXPECT_EQ(error,
            "key 'platforms.0.comission_rate' = 0.1: unknown parameter; did you mean "
            "'platforms.0.commission_rate'?");
  EXPECT_FALSE(assign_parameter(walk(config), "platforms.1.commission_rate", "0.1", error))
      << "there is only one platform";
}

TEST(ParameterAssignment, KeysListEveryElementByIndex) {
  SimulationConfig config;
  config.platforms.resize(2);
  const std::vector<std::string> keys = all_parameter_keys(walk(config));
  EXPECT_NE(std::find(keys.begin(), keys.end(), "run.seed"), keys.end());
  EXPECT_NE(std::find(keys.begin(), keys.end(), "platforms.1.commission_rate"), keys.end());
}

TEST(ParameterAssignment, NearestKey) {
  const std::vector<std::string> keys = {"run.seed", "run.name", "mechanisms.escrow.enabled",
                                         "mechanisms.rules.enabled"};
  EXPECT_EQ(nearest_key(keys, "run.sed"), "run.seed");
  EXPECT_EQ(nearest_key(keys, "seed"), "run.seed");
  EXPECT_EQ(nearest_key(keys, "enabled"), std::nullopt);  // ambiguous
  EXPECT_EQ(nearest_key(keys, "completely.different"), std::nullopt);
}

TEST(ParameterAssignment, TomlTextOfReals) {
  EXPECT_EQ(toml_text(0.05), "0.05");
  EXPECT_EQ(toml_text(200000.0), "200000.0");
  EXPECT_EQ(toml_text(1e-5), "1e-05");
  EXPECT_EQ(toml_text("a \"b\"\n"), "\"a \\\"b\\\"\\n\"");
}

}  // namespace
}  // namespace mercator
