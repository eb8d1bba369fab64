#pragma once
// How many agents a run has and how many real people or firms each stands for.
#include <cstdint>
#include <string>

#include "core/parameters.hpp"

namespace mercator {

struct PopulationConfig {
  int64_t buyer_agents = 200000;
  int64_t seller_agents = 20000;         // size of the seller pool (active + potential entrants)
  double initial_active_seller_share = 0.25;
  int64_t min_buyers_per_market = 500;
  std::string seller_hub_market = "CN";  // the export hub most sellers come from
  double seller_hub_share = 0.6;
  double sellers_per_agent = 50;         // real stores one seller agent stands for
  int64_t creator_agents = 5000;
  int64_t service_provider_agents = 2000;
  int64_t advertiser_agents = 1000;
  double jobs_per_store = 1.2;
};
void visit_parameters(ParameterVisitor& visitor, PopulationConfig& config);

}  // namespace mercator
