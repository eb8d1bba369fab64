#pragma once
#include <vector>

#include "market/ecosystem_state.hpp"

namespace mercator {

struct SimulationConfig;

// Phase 1: dated events and the slow drift of the environment (internet
// growth, category demand). Returns true when a `set` event switched a
// mechanism on or off, so the engine rebuilds its mechanism list.
bool run_calendar(EcosystemState& state, SimulationConfig& live_config);

}  // namespace mercator
