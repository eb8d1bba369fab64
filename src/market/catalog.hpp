#pragma once
// Which sellers a platform lists, by category: rebuilt each morning from the
// seller table so that ranking samples from flat arrays.
#include <vector>

#include "agents/seller_table.hpp"

namespace mercator {

struct Catalog {
  int categories = 0;
  // [platform * categories + category] -> listed sellers, in row order.
  std::vector<std::vector<SellerId>> listings;
  std::vector<std::vector<SellerId>> all_listings;  // per platform

  void rebuild(const SellerTable& sellers, int platform_count, int category_count);
  const std::vector<SellerId>& in_category(int platform, int category) const {
    return listings[size_t(platform) * categories + category];
  }
};

}  // namespace mercator
