#include "analysis/advantage_index.hpp"

#include <algorithm>

namespace mercator {
namespace {

double ratio(double numerator, double denominator) {
  return denominator > 0 ? numerator / denominator : 0.0;
}

}  // namespace

double technology_index(const EcosystemIndexInputs& inputs) {
  // Weighted by where the buyers are; a market nobody is active in yet still
  // has the algorithm of the platforms present.
  if (inputs.need_match_weight > 0) return inputs.need_match_weighted / inputs.need_match_weight;
  return ratio(inputs.need_match_plain, inputs.need_match_platforms);
}

double relationship_index(const EcosystemIndexInputs& inputs) {
  // A merger can make buyers outside the market potential active: capped at 1.
  return std::min(1.0, ratio(inputs.active_buyers, inputs.potential_buyers));
}

double innovation_index(const EcosystemIndexInputs& inputs) {
  return ratio(inputs.channels_in_use_weighted, inputs.channel_weight * kMonetizationChannels);
}

double connectivity_index(const EcosystemIndexInputs& inputs) {
  return ratio(inputs.matched_sessions, inputs.sessions) *
         ratio(inputs.happy_orders, inputs.delivered_orders);
}

double interconnectivity_index(const EcosystemIndexInputs& inputs) {
  return ratio(inputs.cross_side_hazard, inputs.adoption_hazard);
}

double aggregation_index(const EcosystemIndexInputs& inputs) {
  return std::clamp(inputs.connected_kinds / kConnectedKinds, 0.0, 1.0);
}

}  // namespace mercator
