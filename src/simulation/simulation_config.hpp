#pragma once
// Everything a run is configured by: the resolved scenario. One struct tree,
// described field by field through visit_parameters (core/parameters.hpp).
#include <cstdint>
#include <string>
#include <vector>

#include "agents/buyer_config.hpp"
#include "agents/logistics_config.hpp"
#include "agents/platform_config.hpp"
#include "agents/population_config.hpp"
#include "agents/seller_config.hpp"
#include "core/parameters.hpp"
#include "mechanisms/mechanism_configs.hpp"
#include "simulation/analysis_config.hpp"
#include "world/scheduled_event.hpp"
#include "world/world.hpp"

namespace mercator {

struct RunConfig {
  std::string name = "scenario";
  std::string start_date = "2010-01-01";
  std::string end_date = "2019-12-31";   // inclusive
  int64_t seed = 1;
  bool check_ledger_daily = true;        // verify the books every day (cheap)
};
void visit_parameters(ParameterVisitor& visitor, RunConfig& config);

struct SimulationConfig {
  RunConfig run;
  WorldConfig world;
  PopulationConfig population;
  BuyerConfig buyers;
  SellerConfig sellers;
  LogisticsConfig logistics;
  CustomsConfig customs;
  std::vector<PlatformConfig> platforms = {PlatformConfig{}};
  MechanismsConfig mechanisms;
  std::vector<ScheduledEvent> events;
  AnalysisConfig analysis;               // measured after the days: stages, index windows
  std::string base_directory = ".";      // where relative paths resolve (the scenario's folder)
};
void visit_parameters(ParameterVisitor& visitor, SimulationConfig& config);

// A problem with a well-formed config that only shows when fields are read
// together (an unknown market code, an end before the start...). The key is
// the full dotted key of the field at fault, so the scenario loader can point
// at its line in the file.
struct ConfigProblem {
  std::string key;
  std::string value;
  std::string expected;
};
std::vector<ConfigProblem> check_config(const SimulationConfig& config);

// The names of the mechanisms, in the order they run within a phase.
const std::vector<std::string_view>& mechanism_names();

}  // namespace mercator
