#pragma once
#include <vector>

#include "market/ecosystem_state.hpp"

namespace mercator {

// Phase 5a: today's purchases become orders: stock check, payment (into
// escrow or straight to the seller), goods cost, shipment on a lane with a
// lognormal transit time, customs (duty, inspection), and filing under the
// settlement day. Sequential, in market then session order. Returns the
// orders that went through.
std::vector<Order> accept_orders(EcosystemState& state, const std::vector<std::vector<Order>>& purchases);

// Phase 5b: orders whose settlement day is today: delivery or loss, the
// buyer's evaluation, rating, dispute and its resolution, release of funds
// or refund. Returns the settled orders.
std::vector<Order> settle_due_orders(EcosystemState& state);

}  // namespace mercator
