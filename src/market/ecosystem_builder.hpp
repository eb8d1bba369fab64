#pragma once
#include "core/random_stream.hpp"
#include "market/ecosystem_state.hpp"

namespace mercator {

// Builds the world, every species' table, the social graph and the ledger
// accounts of a run. Everything random here draws from Purpose::AgentSetup
// or SocialGraph streams keyed by row, so the build is thread-count free.
void build_ecosystem(EcosystemState& state, const SimulationConfig& config);

// Puts a seller into a free row of the pool; used at start-up and by entry.
// Returns the row.
SellerId place_seller(EcosystemState& state, SellerId row, int platform, RandomStream& random);

}  // namespace mercator
