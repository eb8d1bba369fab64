// Profit distribution: how the surplus is split among species. New sellers
// get a joining subsidy and a commission-free start while the platform is
// small (market/seller_dynamics.cpp, market/fulfilment.cpp); creators get a
// share of the platform's advertising revenue and an affiliate cut of the
// sales they bring.
#include "mechanisms/mechanism.hpp"
#include "mechanisms/mechanism_set.hpp"
#include "simulation/simulation_config.hpp"

namespace mercator {
namespace {

class ProfitDistribution final : public Mechanism {
 public:
  explicit ProfitDistribution(const ProfitDistributionConfig& config) : config_(config) {}
  std::string_view name() const override { return "profit_distribution"; }
  void on_setup(EcosystemState& state) override { state.policy.profit_distribution = true; }

  // Creators' share of the commission on today's sales in markets where
  // creators are active on the platform.
  void on_settle(EcosystemState& state, std::span<const Order> new_orders, std::span<const Order>) override {
    if (new_orders.empty()) return;
    const std::vector<uint8_t> active = markets_with_creators(state);
    for (const Order& order : new_orders) {
      if (!active[size_t(order.platform) * state.market_count() + order.buyer_market]) continue;
      const Money cut = share_of(order.commission, config_.affiliate_commission);
      state.ledger.transfer(state.platforms[order.platform].account, state.creator_accounts[order.buyer_market],
                            cut, Reason::CreatorShare);
      state.tally.markets[order.buyer_market].creator_sales += 1;
    }
  }

 private:
  static std::vector<uint8_t> markets_with_creators(const EcosystemState& state) {
    std::vector<uint8_t> active(state.market_count() * state.platform_count(), 0);
    for (size_t row = 0; row < state.creators.size(); ++row) {
      if (state.creators.platform[row] == 255) continue;
      active[size_t(state.creators.platform[row]) * state.market_count() + state.creators.market[row]] = 1;
    }
    return active;
  }

  const ProfitDistributionConfig& config_;
};
}  // namespace

std::unique_ptr<Mechanism> make_profit_distribution(const SimulationConfig& config) {
  return std::make_unique<ProfitDistribution>(config.mechanisms.profit_distribution);
}

}  // namespace mercator
