#include "market/catalog.hpp"

namespace mercator {

void Catalog::rebuild(const SellerTable& sellers, int platform_count, int category_count) {
  categories = category_count;
  listings.resize(size_t(platform_count) * category_count);
  all_listings.resize(platform_count);
  for (auto& list : listings) list.clear();
  for (auto& list : all_listings) list.clear();
  sellers.for_each_living([&](SellerId seller) {
    for (int platform = 0; platform < platform_count; ++platform) {
      if (!(sellers.platforms[seller] & (1u << platform))) continue;
      listings[size_t(platform) * categories + sellers.category[seller]].push_back(seller);
      all_listings[platform].push_back(seller);
    }
  });
}

}  // namespace mercator
