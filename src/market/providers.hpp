#pragma once
#include "market/ecosystem_state.hpp"

namespace mercator {

// Phase 8: carriers' congestion from today's load; creators join platforms
// and gain followers (their reach adds to the platform's awareness);
// advertisers buy attention in proportion to each platform's active users.
void update_providers(EcosystemState& state);

}  // namespace mercator
