#include "mechanisms/mechanism_set.hpp"

#include "simulation/simulation_config.hpp"

namespace mercator {

std::vector<std::unique_ptr<Mechanism>> make_enabled_mechanisms(const SimulationConfig& config) {
  const MechanismsConfig& m = config.mechanisms;
  std::vector<std::unique_ptr<Mechanism>> enabled;
  auto add = [&](bool on, auto factory) {
    if (on) enabled.push_back(factory(config));
  };
  // The order of mechanism_names().
  add(m.rules.enabled, make_rules);
  add(m.contracts.enabled, make_contracts);
  add(m.self_organization.enabled, make_self_organization);
  add(m.collaboration.enabled, make_collaboration);
  add(m.profit_distribution.enabled, make_profit_distribution);
  add(m.competition.enabled, make_competition);
  add(m.innovation.enabled, make_innovation);
  add(m.cooperation.enabled, make_cooperation);
  add(m.reputation.enabled, make_reputation);
  add(m.escrow.enabled, make_escrow);
  add(m.microfinance.enabled, make_microfinance);
  add(m.training.enabled, make_training);
  add(m.network_effects.enabled, make_network_effects);
  add(m.internationalization.enabled, make_internationalization);
  return enabled;
}

}  // namespace mercator
