#include "market/order_book.hpp"

#include <stdexcept>

namespace mercator {

void OrderBook::file(const Order& order) {
  if (order.settle_day - order.sale_day >= kHorizonDays) {
    throw std::logic_error("order settles beyond the order book's horizon");
  }
  buckets_[order.settle_day % kHorizonDays].push_back(order);
  ++in_flight_;
}

std::vector<Order> OrderBook::take_due(int32_t day) {
  std::vector<Order> due;
  due.swap(buckets_[day % kHorizonDays]);
  in_flight_ -= due.size();
  return due;
}

std::vector<Money> OrderBook::escrow_held(size_t platform_count) const {
  std::vector<Money> held(platform_count, 0);
  for_each([&](const Order& order) {
    if (order.escrowed) held[order.platform] += order.price + order.shipping + order.duty;
  });
  return held;
}

}  // namespace mercator
