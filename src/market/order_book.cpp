#include "market/order_book.hpp"

#include <stdexcept>

namespace mercator {
namespace {

// What the buyer paid into escrow for an order.
Money escrow_of(const Order& order) { return order.price + order.shipping + order.duty; }

}  // namespace

void OrderBook::file(const Order& order) {
  if (order.settle_day - order.sale_day >= kHorizonDays) {
    throw std::logic_error("order settles beyond the order book's horizon");
  }
  buckets_[order.settle_day % kHorizonDays].push_back(order);
  ++in_flight_;
  if (order.escrowed) {
    if (escrow_by_platform_.size() <= order.platform) escrow_by_platform_.resize(order.platform + 1, 0);
    escrow_by_platform_[order.platform] += escrow_of(order);
  }
}

std::vector<Order> OrderBook::take_due(int32_t day) {
  std::vector<Order> due;
  due.swap(buckets_[day % kHorizonDays]);
  buckets_[day % kHorizonDays].swap(spare_);
  in_flight_ -= due.size();
  for (const Order& order : due) {
    if (order.escrowed) escrow_by_platform_[order.platform] -= escrow_of(order);
  }
  return due;
}

void OrderBook::recycle(std::vector<Order>&& settled) {
  settled.clear();
  spare_ = std::move(settled);
}

std::vector<Money> OrderBook::escrow_held(size_t platform_count) const {
  std::vector<Money> held(platform_count, 0);
  for (size_t p = 0; p < platform_count && p < escrow_by_platform_.size(); ++p) {
    held[p] = escrow_by_platform_[p];
  }
  return held;
}

}  // namespace mercator
