#include "market/catalog.hpp"

#include <bit>

namespace mercator {

void Catalog::rebuild(const SellerTable& sellers, int platform_count, int category_count) {
  categories = category_count;
  listings.resize(size_t(platform_count) * category_count);
  all_listings.resize(platform_count);
  for (auto& list : listings) list.clear();
  for (auto& list : all_listings) list.clear();
  sellers.for_each_living([&](SellerId seller) {
    // The platforms the seller is on, lowest first: most sellers are on one.
    for (unsigned rest = sellers.platforms[seller]; rest != 0; rest &= rest - 1) {
      const int platform = std::countr_zero(rest);
      listings[size_t(platform) * categories + sellers.category[seller]].push_back({seller, 0.0f});
      all_listings[platform].push_back(seller);
    }
  });
}

void Catalog::rank(const SellerTable& sellers, const std::vector<bool>& tier_bonus) {
  for (size_t list = 0; list < listings.size(); ++list) {
    const bool tiers = tier_bonus[list / size_t(categories)];
    for (Listing& listing : listings[list]) {
      listing.score = sellers.displayed_rating[listing.seller] +
                      (tiers ? 0.05f * sellers.tier[listing.seller] : 0.0f);
    }
  }
}

}  // namespace mercator
