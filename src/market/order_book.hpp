#pragma once
// Orders in flight: paid, shipped, not yet settled. Each is filed under the
// day it settles (delivery + confirmation), so a day touches only its own.
#include <cstdint>
#include <vector>

#include "agents/buyer_table.hpp"
#include "agents/seller_table.hpp"
#include "core/money.hpp"

namespace mercator {

struct Order {
  BuyerId buyer = 0;
  SellerId seller = 0;
  uint8_t platform = 0;
  uint8_t quality = 0;        // GoodsQuality at the time of sale
  uint8_t mode = 0;           // LogisticsMode
  uint8_t lost = 0;
  uint8_t escrowed = 0;
  uint8_t seized = 0;         // customs seizure
  MarketId buyer_market = 0;
  MarketId seller_market = 0;
  Money price = 0;            // goods, to the seller (before commission)
  Money shipping = 0;
  Money duty = 0;
  Money commission = 0;       // platform's cut, decided at sale
  int32_t sale_day = 0;
  int32_t delivery_day = 0;
  int32_t settle_day = 0;
  float promised_days = 0;    // what the buyer expected
};

class OrderBook {
 public:
  static constexpr int32_t kHorizonDays = 256;  // longest sale-to-settlement span

  void file(const Order& order);
  // Moves out the orders settling on `day`, in the order they were filed.
  // The emptied bucket takes over the storage last handed back by
  // recycle(), so filing rarely has to grow a vector.
  std::vector<Order> take_due(int32_t day);
  // Hands back a vector take_due returned, once its orders are settled: a
  // day's settlements are about as many as a bucket fills with, so its
  // storage serves the next bucket (growing each bucket from empty by
  // doubling was about 1% of a run).
  void recycle(std::vector<Order>&& settled);
  size_t in_flight() const { return in_flight_; }
  // What each platform holds in escrow for its orders in flight, indexed by
  // platform (the daily books check reads it). Kept as orders are filed and
  // taken, which is exact: orders in flight cannot change in between.
  std::vector<Money> escrow_held(size_t platform_count) const;
  template <class Visit>
  void for_each(Visit visit) const {
    for (const auto& bucket : buckets_) for (const Order& order : bucket) visit(order);
  }

 private:
  std::vector<std::vector<Order>> buckets_ = std::vector<std::vector<Order>>(kHorizonDays);
  std::vector<Order> spare_;  // empty; storage for the next bucket take_due empties
  size_t in_flight_ = 0;
  std::vector<Money> escrow_by_platform_;  // grows to the highest platform index seen
};

}  // namespace mercator
