#pragma once
#include "market/ecosystem_state.hpp"

namespace mercator {

// Morning: resets the day's counters; sellers on their reorder day buy stock
// for the coming period, paying suppliers upfront.
void restock_sellers(EcosystemState& state);
// Phase 3 for sellers: new sellers enter the pool's free rows and join the
// most attractive platform; listed sellers may also join a second platform.
void run_seller_entry(EcosystemState& state);
// Phase 6: costs, moving sums, price competition, imitation (Fermi rule),
// exit when broke or after sustained losses.
void update_sellers(EcosystemState& state);
// Brings `count` established merchants (registered businesses) of an
// outside shop system onto a platform, homed in `home`; returns how many
// found a free row.
size_t bring_in_merchants(EcosystemState& state, int platform, MarketId home, size_t count);
// Takes a seller out: repays or defaults its loan, settles its cash.
void retire_seller(EcosystemState& state, SellerId seller, const char* why);

}  // namespace mercator
