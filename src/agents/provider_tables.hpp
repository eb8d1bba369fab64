#pragma once
// The complementor species around the platforms: logistics providers,
// finance providers, regulators (customs), creators, service providers and
// advertisers. Each is a small struct-of-arrays table.
#include <cstdint>
#include <vector>

#include "core/ledger.hpp"
#include "world/world.hpp"

namespace mercator {

// One carrier per logistics mode.
struct CarrierTable {
  std::vector<AccountId> account;
  std::vector<float> cost_factor;
  std::vector<float> time_factor;
  std::vector<float> loss_factor;
  std::vector<float> load_today;      // parcels handed over today
  std::vector<float> congestion;      // transit-time multiplier from yesterday's load
  std::vector<Money> retained;        // balance kept after paying yesterday's costs
  size_t size() const { return account.size(); }
};

// The integrity-capital lender (one per run, serving every platform).
struct LenderTable {
  AccountId account = 0;
  int64_t loans_issued = 0;
  int64_t loans_defaulted = 0;
  int64_t loans_repaid = 0;
  Money outstanding = 0;
};

// One customs authority / regulator per market.
struct RegulatorTable {
  std::vector<AccountId> account;
  std::vector<float> inspection_rate;
};

struct CreatorTable {
  std::vector<MarketId> market;
  std::vector<uint8_t> platform;      // 255: not on any platform yet
  std::vector<float> content_quality;
  std::vector<float> followers;       // agent buyers following
  std::vector<AccountId> account;     // one shared account per market
  std::vector<AccountId> market_account;
  size_t size() const { return market.size(); }
};

struct ServiceProviderTable {
  std::vector<MarketId> market;
  std::vector<uint8_t> alive;
  std::vector<int32_t> clients;
  std::vector<AccountId> market_account;  // one shared account per market
  size_t size() const { return market.size(); }
};

struct AdvertiserTable {
  std::vector<MarketId> market;
  std::vector<float> budget_per_day;  // US$ agent units
  size_t size() const { return market.size(); }
};

}  // namespace mercator
