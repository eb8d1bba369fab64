#pragma once
#include "market/ecosystem_state.hpp"

namespace mercator {

// Phase 3 for buyers: Bass adoption on the social graph and churn, per
// platform and market. Candidates are sampled by Poisson thinning: with the
// largest possible hazard h_max, each buyer is picked Poisson(h_max) times
// and each pick is kept with probability h_i / h_max, so a buyer adopts with
// probability exactly 1 - exp(-h_i) while only the picked buyers are touched.
void run_buyer_adoption(EcosystemState& state);

// The share of a buyer's ties active on a platform (the market's active
// share when the graph has no ties: the fully mixed Bass limit).
double active_tie_share(const EcosystemState& state, BuyerId buyer, int platform,
                        double market_active_share);

}  // namespace mercator
