// Training (Alibaba book: the platform university): sellers enrol, each level
// lowers their unit cost and their buyers' unhappiness (market/fulfilment.cpp).
#include "core/random_stream.hpp"
#include "mechanisms/mechanism.hpp"
#include "mechanisms/mechanism_set.hpp"
#include "simulation/simulation_config.hpp"

namespace mercator {
namespace {

class Training final : public Mechanism {
 public:
  explicit Training(const TrainingConfig& config) : config_(config) {}
  std::string_view name() const override { return "training"; }
  void on_setup(EcosystemState& state) override { state.policy.training = true; }

  void on_update(EcosystemState& state) override {
    SellerTable& sellers = state.sellers;
    RandomStream random(state.seed, Purpose::Providers, state.day, 2);
    const uint64_t enrolments = random.poisson(double(sellers.size()) * config_.enrolment_per_day);
    for (uint64_t k = 0; k < enrolments; ++k) {
      const SellerId seller = random.below(uint32_t(sellers.size()));
      if (!sellers.alive[seller] || sellers.training_level[seller] >= config_.max_level) continue;
      sellers.training_level[seller] += 1;
      sellers.unit_cost[seller] *= float(1.0 - config_.cost_saving_per_level);
      const int platform = std::countr_zero(unsigned(sellers.platforms[seller]));
      if (platform >= state.platform_count()) continue;
      state.ledger.transfer(state.platforms[platform].account, state.suppliers_account,
                            to_money(config_.cost_usd_per_course), Reason::Training);
    }
  }

 private:
  const TrainingConfig& config_;
};

}  // namespace

std::unique_ptr<Mechanism> make_training(const SimulationConfig& config) {
  return std::make_unique<Training>(config.mechanisms.training);
}

}  // namespace mercator
