#pragma once
// Everything the day loop reads and writes: the world, every species' table,
// the orders in flight, the ledger, and today's context. Phases and
// mechanisms receive this one struct; they own no state of their own beyond
// their parameters.
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "agents/buyer_table.hpp"
#include "agents/platform_table.hpp"
#include "agents/provider_tables.hpp"
#include "agents/seller_table.hpp"
#include "core/calendar.hpp"
#include "core/ledger.hpp"
#include "core/thread_pool.hpp"
#include "market/catalog.hpp"
#include "market/daily_tally.hpp"
#include "market/order_book.hpp"
#include "metrics/run_results.hpp"
#include "world/world.hpp"

namespace mercator {

struct SimulationConfig;

// Per-day demand conditions set by the calendar phase.
struct DemandConditions {
  std::vector<float> session_multiplier;   // per market: festivals and shocks
  std::vector<float> transit_multiplier;   // per market (destination): logistics shocks
  std::vector<float> category_demand;      // [market * categories + category], shares
};

struct EcosystemState {
  const SimulationConfig* config = nullptr;
  uint64_t seed = 1;
  Calendar calendar{Date{}};
  int32_t day = 0;
  int32_t total_days = 0;
  Date today;

  std::unique_ptr<World> world;
  BuyerTable buyers;
  SellerTable sellers;
  std::vector<PlatformState> platforms;
  CarrierTable carriers;
  LenderTable lender;
  RegulatorTable regulators;
  CreatorTable creators;
  ServiceProviderTable service_providers;
  AdvertiserTable advertisers;
  OrderBook orders;
  Catalog catalog;
  Ledger ledger;
  std::vector<AccountId> household_accounts;  // per market
  std::vector<AccountId> creator_accounts;    // per market: creators' pooled account
  std::vector<AccountId> service_accounts;    // per market: service providers' pooled account
  AccountId suppliers_account = 0;

  // Buyers by adoption state per market, counted at the end of each day.
  struct BuyerCounts {
    double aware = 0, active = 0, churned = 0;
  };
  std::vector<BuyerCounts> buyer_counts;

  DemandConditions demand;
  DailyTally tally;           // today's counts, turned into metrics at the end of the day
  std::vector<EventRecord> events;

  // Which mechanisms are in force; set once from the config at start-up.
  struct Policy {
    bool escrow = false;
    bool reputation = false;
    bool rules = false;
    bool contracts = false;
    bool collaboration = false;
    bool competition = false;
    bool multi_homing = false;
    bool network_effects = false;
    bool innovation = false;
    bool profit_distribution = false;
    bool training = false;
    bool microfinance = false;
    bool self_organization = false;
    bool cooperation = false;
    bool internationalization = false;
  } policy;

  ThreadPool* pool = nullptr;
  double buyers_per_agent = 1;

  size_t market_count() const { return world->market_count(); }
  int platform_count() const { return static_cast<int>(platforms.size()); }
  void log_event(std::string market, std::string platform, std::string type, std::string detail);
};

}  // namespace mercator
