#pragma once
// Platforms: the core firms. Few rows, many per-market columns.
#include <cstdint>
#include <string>
#include <vector>

#include "core/ledger.hpp"
#include "world/world.hpp"

namespace mercator {

// Stage of a platform's internationalization (TikTok paper).
enum class InternationalStage : uint8_t { ResourceIntegration = 1, ValueCoCreation = 2, EcosystemInnovation = 3 };

struct PlatformState {
  std::string name;
  MarketId home = 0;
  int32_t launch_day = 0;
  bool is_content = false;
  AccountId account = 0;
  AccountId escrow_account = 0;
  // Per market.
  std::vector<uint8_t> present;        // operating in the market
  std::vector<uint8_t> banned;
  std::vector<uint8_t> has_partner;    // local partner (cooperation)
  std::vector<uint8_t> has_warehouse;  // overseas warehouse (collaboration)
  std::vector<int32_t> entry_day;
  std::vector<float> localization;     // 0..1
  std::vector<float> trust;            // buyers' trust, 0..1
  std::vector<float> ad_spend_factor;  // spend multiplier (tiers)
  std::vector<float> adoption_reach;   // p, today
  std::vector<float> network_hazard;   // n, today
  std::vector<float> cross_side_hazard;  // of n, the cross-side part (interconnectivity_index)
  std::vector<float> churn_hazard;     // today
  std::vector<float> satisfaction;     // moving share of happy orders
  std::vector<float> dispute_rate;     // moving share of disputed orders
  std::vector<int32_t> active_by_market;  // active buyers, counted at the end of each day
  std::vector<float> creators_by_market;  // creators on the platform
  // Platform-wide.
  double algorithm_quality = 0.5;
  double data_orders = 0;              // accumulated order data (agent orders)
  double detection_at_listing = 0;     // rules in force
  double detection_per_sale = 0;
  int32_t member_sellers = 0;
  int32_t active_buyers = 0;
  uint8_t channels = 0;                // monetization channels arrived
  float channel_uptake = 0;            // share of (member seller, arrived channel) pairs adopted
  InternationalStage stage = InternationalStage::ResourceIntegration;
  int32_t last_adaptation_day = 0;
};

}  // namespace mercator
