#include "mercator/simulation.hpp"

#include "simulation/simulation_engine.hpp"

namespace mercator {

Simulation::Simulation(const SimulationConfig& config, unsigned threads,
                       const SeriesSelection& series)
    : engine_(std::make_unique<SimulationEngine>(config, threads, series)) {}

Simulation::~Simulation() = default;

void Simulation::run(const std::function<void(int32_t, int32_t)>& progress) {
  while (engine_->step()) {
    if (progress) progress(engine_->state().day, engine_->total_days());
  }
}

bool Simulation::step() { return engine_->step(); }

const RunResults& Simulation::results() const { return engine_->results(); }

int32_t Simulation::total_days() const { return engine_->total_days(); }

}  // namespace mercator
