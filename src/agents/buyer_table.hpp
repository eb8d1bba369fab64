#pragma once
// Buyers: one row per buyer agent, struct of arrays. Buyers of a market hold
// a contiguous id range, so a market's buyers are sampled by index and a
// phase can be split by market without sharing rows.
#include <cstdint>
#include <vector>

#include "world/world.hpp"

namespace mercator {

using BuyerId = uint32_t;
constexpr int kMaxPlatforms = 8;

// Adoption state of a buyer for one platform (MODEL.md section 2).
enum class Adoption : uint8_t { Unaware = 0, Aware = 1, Active = 2, Churned = 3 };

struct BuyerTable {
  int ties_per_buyer = 8;
  int platform_count = 1;
  std::vector<MarketId> market;
  std::vector<uint8_t> adoption;            // [buyer * platform_count + platform]
  std::vector<float> price_sensitivity;     // multiplier of the market's price weight
  std::vector<BuyerId> ties;                // [buyer * ties_per_buyer + k], same market
  // Per market: [first, last) buyer ids.
  std::vector<BuyerId> market_first;
  std::vector<BuyerId> market_end;

  size_t size() const { return market.size(); }
  Adoption state(BuyerId buyer, int platform) const {
    return static_cast<Adoption>(adoption[size_t(buyer) * platform_count + platform]);
  }
  void set_state(BuyerId buyer, int platform, Adoption value) {
    adoption[size_t(buyer) * platform_count + platform] = static_cast<uint8_t>(value);
  }
  bool active_anywhere(BuyerId buyer) const {
    for (int platform = 0; platform < platform_count; ++platform) {
      if (state(buyer, platform) == Adoption::Active) return true;
    }
    return false;
  }
  // Bytes of hot state per buyer, reported by the benchmark.
  size_t bytes_per_buyer() const {
    return sizeof(MarketId) + platform_count + sizeof(float) + ties_per_buyer * sizeof(BuyerId);
  }
};

}  // namespace mercator
