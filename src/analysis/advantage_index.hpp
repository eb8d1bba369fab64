#pragma once
// Ecosystem advantages of a platform that internationalizes (the TikTok
// paper; MODEL.md section 5): resources (technology, relationship,
// innovation) and structure (connectivity, interconnectivity, aggregation).
// Each maps one day's inputs of a market (or ALL) to [0, 1]; 0 where the
// inputs are empty, like every rate of metrics.csv. docs/analysis.md gives
// each formula and its source concept.
#include "analysis/ecosystem_index_inputs.hpp"

namespace mercator {

// Match quality of the ranking algorithm: the expected share of the
// consideration set that matches the buyer's need.
double technology_index(const EcosystemIndexInputs& inputs);
// Active, retained user base: active buyers / buyers who could ever adopt.
double relationship_index(const EcosystemIndexInputs& inputs);
// Monetization channels in use: channels arrived x sellers' uptake / 4.
double innovation_index(const EcosystemIndexInputs& inputs);
// Sessions that end in a satisfying match: match rate x happy share of deliveries.
double connectivity_index(const EcosystemIndexInputs& inputs);
// Share of today's adoption hazard that comes from the cross-side network term.
double interconnectivity_index(const EcosystemIndexInputs& inputs);
// Complementor kinds and partners connected, out of 7.
double aggregation_index(const EcosystemIndexInputs& inputs);

}  // namespace mercator
