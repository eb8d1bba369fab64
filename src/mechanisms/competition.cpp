// Competition: sellers compete on price (weekly, a seller selling below its
// category's mean cuts its markup and one selling well above it while running
// out raises it; market/seller_dynamics.cpp), buyers and sellers may
// multi-home across platforms, and a platform short of its fair share of
// buyers raises its joining subsidy.
#include "mechanisms/mechanism.hpp"
#include "mechanisms/mechanism_set.hpp"
#include "simulation/simulation_config.hpp"

namespace mercator {
namespace {

class Competition final : public Mechanism {
 public:
  explicit Competition(const CompetitionConfig& config) : config_(config) {}
  std::string_view name() const override { return "competition"; }
  void on_setup(EcosystemState& state) override {
    state.policy.competition = true;
    state.policy.multi_homing = config_.multi_homing;
  }

 private:
  const CompetitionConfig& config_;
};

}  // namespace

std::unique_ptr<Mechanism> make_competition(const SimulationConfig& config) {
  return std::make_unique<Competition>(config.mechanisms.competition);
}

}  // namespace mercator
