#pragma once
// Which sellers a platform lists, by category: rebuilt each morning from the
// seller table so that ranking samples from flat arrays.
#include <vector>

#include "agents/seller_table.hpp"

namespace mercator {

// A listing as the ranking compares it: the seller and its displayed score.
// The tournament draws listings at random, so the score sits next to the
// seller's id, one read instead of three dependent ones.
struct Listing {
  SellerId seller = 0;
  float score = 0;  // displayed rating plus the tier bonus, as of rank()
};

struct Catalog {
  int categories = 0;
  // [platform * categories + category] -> listed sellers, in row order.
  std::vector<std::vector<Listing>> listings;
  std::vector<std::vector<SellerId>> all_listings;  // per platform

  // Each morning, before sellers restock and reputations are updated.
  void rebuild(const SellerTable& sellers, int platform_count, int category_count);
  // The listings' scores from today's displayed ratings and tiers, just
  // before shopping; tier_bonus[platform]: whether that platform ranks tiers.
  void rank(const SellerTable& sellers, const std::vector<bool>& tier_bonus);
  const std::vector<Listing>& in_category(int platform, int category) const {
    return listings[size_t(platform) * categories + category];
  }
};

}  // namespace mercator
