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
  std::vector<uint8_t> in_potential;        // could ever adopt (Bass market potential)
  std::vector<BuyerId> ties;                // [buyer * ties_per_buyer + k], same market
  // Per market: [first, last) buyer ids.
  std::vector<BuyerId> market_first;
  std::vector<BuyerId> market_end;
  // Counts kept up to date by set_state, so no phase has to scan every buyer.
  // Only the task that owns a market changes its buyers, so the counters of a
  // market are never written by two threads at once.
  std::vector<int32_t> active_count;   // [market * platform_count + platform]
  std::vector<int32_t> aware_any;      // per market: aware of at least one platform
  std::vector<int32_t> churned_only;   // per market: churned somewhere, active nowhere
  // Per market, the buyers active on at least one platform (a leaver's place
  // goes to the list's last), kept by set_state like the counts, so its size
  // is the market's count of active buyers; and each buyer's place in its
  // market's list. Shopping draws its sessions here, so it never visits a
  // buyer who shops nowhere.
  std::vector<std::vector<BuyerId>> active_buyers;
  std::vector<uint32_t> active_place;  // per buyer; kUnlisted when active nowhere
  static constexpr uint32_t kUnlisted = UINT32_MAX;
  // Per market, the buyers in the market potential in ascending order, fixed
  // at setup: the only ones adoption can win.
  std::vector<std::vector<BuyerId>> potential_buyers;

  size_t size() const { return market.size(); }
  Adoption state(BuyerId buyer, int platform) const {
    return static_cast<Adoption>(adoption[size_t(buyer) * platform_count + platform]);
  }
  void set_state(BuyerId buyer, int platform, Adoption value) {
    const MarketId m = market[buyer];
    const Adoption before = state(buyer, platform);
    const Summary old_summary = summarize(buyer);
    adoption[size_t(buyer) * platform_count + platform] = static_cast<uint8_t>(value);
    const Summary new_summary = summarize(buyer);
    active_count[size_t(m) * platform_count + platform] +=
        int(value == Adoption::Active) - int(before == Adoption::Active);
    aware_any[m] += int(new_summary.aware) - int(old_summary.aware);
    churned_only[m] += int(new_summary.churned_only) - int(old_summary.churned_only);
    if (new_summary.active && !old_summary.active) list_active(buyer);
    if (old_summary.active && !new_summary.active) unlist_active(buyer);
  }
  // Sizes the counters once the markets and platforms are known (all zero:
  // every buyer starts unaware).
  void reset_counts(size_t market_count) {
    active_count.assign(market_count * platform_count, 0);
    aware_any.assign(market_count, 0);
    churned_only.assign(market_count, 0);
    active_buyers.assign(market_count, {});
    active_place.assign(size(), kUnlisted);
  }
  struct Summary {
    bool aware = false, active = false, churned_only = false;
  };
  // A buyer's standing across platforms.
  Summary summarize(BuyerId buyer) const {
    Summary summary;
    bool churned = false;
    for (int p = 0; p < platform_count; ++p) {
      const Adoption a = state(buyer, p);
      summary.aware |= a != Adoption::Unaware;
      summary.active |= a == Adoption::Active;
      churned |= a == Adoption::Churned;
    }
    summary.churned_only = churned && !summary.active;
    return summary;
  }
  bool active_anywhere(BuyerId buyer) const {
    for (int platform = 0; platform < platform_count; ++platform) {
      if (state(buyer, platform) == Adoption::Active) return true;
    }
    return false;
  }
  // Bytes of hot state per buyer, reported by the benchmark.
  size_t bytes_per_buyer() const {
    return sizeof(MarketId) + platform_count + sizeof(float) + sizeof(uint8_t) +
           ties_per_buyer * sizeof(BuyerId);
  }

 private:
  void list_active(BuyerId buyer) {
    std::vector<BuyerId>& list = active_buyers[market[buyer]];
    active_place[buyer] = static_cast<uint32_t>(list.size());
    list.push_back(buyer);
  }
  void unlist_active(BuyerId buyer) {
    std::vector<BuyerId>& list = active_buyers[market[buyer]];
    const uint32_t place = active_place[buyer];
    list[place] = list.back();
    active_place[list[place]] = place;
    list.pop_back();
    active_place[buyer] = kUnlisted;
  }
};

}  // namespace mercator
