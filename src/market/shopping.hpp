#pragma once
#include <vector>

#include "market/choice.hpp"
#include "market/ecosystem_state.hpp"

namespace mercator {

// Phase 4: active buyers open sessions, the platform ranks a consideration
// set, the buyer chooses by logit or leaves. Runs in parallel by market,
// reading seller state as it was this morning; returns today's purchases
// per market, in session order (not yet paid or shipped).
std::vector<std::vector<Order>> run_shopping(EcosystemState& state);

// The order terms a seller offers a buyer in a market on a platform (price,
// shipping, duty, expected days, mode), from the same figures shopping
// prices the listings shown with; written only for the listing chosen.
Order order_terms(const EcosystemState& state, SellerId seller, int platform, MarketId buyer_market);

}  // namespace mercator
