// Contracts (AliExpress paper): long-term ties between sellers and carriers
// cut shipping cost, loss and delay variance, and absorb most of a logistics
// shock. Sellers with enough volume sign; the terms act in quoted_offer() and ship().
#include "core/random_stream.hpp"
#include "mechanisms/mechanism.hpp"
#include "mechanisms/mechanism_set.hpp"
#include "simulation/simulation_config.hpp"

namespace mercator {
namespace {

class Contracts final : public Mechanism {
 public:
  explicit Contracts(const ContractsConfig& config) : config_(config) {}
  std::string_view name() const override { return "contracts"; }
  void on_setup(EcosystemState& state) override { state.policy.contracts = true; }

  void on_update(EcosystemState& state) override {
    SellerTable& sellers = state.sellers;
    RandomStream random(state.seed, Purpose::Providers, state.day, 1);
    sellers.for_each_living([&](SellerId seller) {
      if (sellers.contracted[seller]) return;
      if (sellers.orders_30d[seller] < config_.min_monthly_orders) return;
      if (!random.bernoulli(config_.signing_rate_per_day)) return;
      sellers.contracted[seller] = 1;
      if (sellers.logistics_mode[seller] == uint8_t(LogisticsMode::Economy)) {
        sellers.logistics_mode[seller] = uint8_t(LogisticsMode::Dedicated);
      }
    });
  }

 private:
  const ContractsConfig& config_;
};

}  // namespace

std::unique_ptr<Mechanism> make_contracts(const SimulationConfig& config) {
  return std::make_unique<Contracts>(config.mechanisms.contracts);
}

}  // namespace mercator
