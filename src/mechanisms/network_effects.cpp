// Network effects: cross-side (more sellers on offer raise buyers' adoption;
// more buyers raise sellers' entry) and same-side (penetration raises
// adoption and retention), which makes a market tip once penetration passes
// a critical level. The terms are computed in market/platform_decisions.cpp
// and market/seller_dynamics.cpp behind policy.network_effects.
#include "mechanisms/mechanism.hpp"
#include "mechanisms/mechanism_set.hpp"
#include "simulation/simulation_config.hpp"

namespace mercator {
namespace {

class NetworkEffects final : public Mechanism {
 public:
  std::string_view name() const override { return "network_effects"; }
  void on_setup(EcosystemState& state) override { state.policy.network_effects = true; }
};

}  // namespace

std::unique_ptr<Mechanism> make_network_effects(const SimulationConfig&) {
  return std::make_unique<NetworkEffects>();
}

}  // namespace mercator
