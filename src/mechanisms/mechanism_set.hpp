#pragma once
// Factories of the mechanisms, one per file in this folder.
#include <memory>

#include "mechanisms/mechanism.hpp"

namespace mercator {

std::unique_ptr<Mechanism> make_rules(const SimulationConfig& config);
std::unique_ptr<Mechanism> make_contracts(const SimulationConfig& config);
std::unique_ptr<Mechanism> make_self_organization(const SimulationConfig& config);
std::unique_ptr<Mechanism> make_collaboration(const SimulationConfig& config);
std::unique_ptr<Mechanism> make_profit_distribution(const SimulationConfig& config);
std::unique_ptr<Mechanism> make_competition(const SimulationConfig& config);
std::unique_ptr<Mechanism> make_innovation(const SimulationConfig& config);
std::unique_ptr<Mechanism> make_cooperation(const SimulationConfig& config);
std::unique_ptr<Mechanism> make_reputation(const SimulationConfig& config);
std::unique_ptr<Mechanism> make_escrow(const SimulationConfig& config);
std::unique_ptr<Mechanism> make_microfinance(const SimulationConfig& config);
std::unique_ptr<Mechanism> make_training(const SimulationConfig& config);
std::unique_ptr<Mechanism> make_network_effects(const SimulationConfig& config);
std::unique_ptr<Mechanism> make_internationalization(const SimulationConfig& config);

}  // namespace mercator
