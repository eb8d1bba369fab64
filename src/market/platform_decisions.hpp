#pragma once
#include "market/ecosystem_state.hpp"

namespace mercator {

// Phase 2: each platform launches, enters markets, localizes, spends on
// acquisition and sets today's adoption and churn hazards per market.
void run_platform_decisions(EcosystemState& state);

// Enters a market (logged as an event); idempotent.
void enter_market(EcosystemState& state, int platform, MarketId market, const char* why);

// Active buyers of a platform in a market as a share of the market's buyers.
double penetration(const EcosystemState& state, int platform, MarketId market);

}  // namespace mercator
