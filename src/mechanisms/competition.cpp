// Competition: sellers compete on price (markups fall when sales dry up and
// rise when they sell out; market/seller_dynamics.cpp), buyers and sellers
// may multi-home across platforms, and platforms answer a loss of buyer share
// with higher subsidies to new sellers.
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
