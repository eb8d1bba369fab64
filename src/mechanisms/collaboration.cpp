// Collaboration (AliExpress paper): collaborative demand forecasting (sellers'
// stock errors shrink: market/seller_dynamics.cpp) and overseas warehouses
// that turn a cross-border delivery into a domestic one. Platforms open a
// warehouse in a market once its cross-border orders are large enough;
// high-volume sellers then stock there.
#include "core/random_stream.hpp"
#include "mechanisms/mechanism.hpp"
#include "mechanisms/mechanism_set.hpp"
#include "simulation/simulation_config.hpp"

namespace mercator {
namespace {

constexpr double kWarehouseOrdersPerDay = 20.0;  // cross-border orders that justify a warehouse

class Collaboration final : public Mechanism {
 public:
  explicit Collaboration(const CollaborationConfig& config) : config_(config) {}
  std::string_view name() const override { return "collaboration"; }
  void on_setup(EcosystemState& state) override { state.policy.collaboration = true; }

  void on_settle(EcosystemState& state, std::span<const Order> new_orders, std::span<const Order>) override {
    if (cross_border_.empty()) cross_border_.assign(state.market_count() * state.platform_count(), 0.0);
    for (double& volume : cross_border_) volume *= 29.0 / 30.0;
    for (const Order& order : new_orders) {
      if (order.seller_market != order.buyer_market) {
        cross_border_[size_t(order.platform) * state.market_count() + order.buyer_market] += 1.0 / 30.0;
      }
    }
  }

  void on_update(EcosystemState& state) override {
    open_warehouses(state);
    SellerTable& sellers = state.sellers;
    RandomStream random(state.seed, Purpose::Providers, state.day, 3);
    const Money warehouse_cost = to_money(config_.warehouse_cost_usd_per_day);
    const AccountId warehouse_carrier = state.carriers.account[int(LogisticsMode::Warehouse)];
    sellers.for_each_living([&](SellerId seller) {
      if (sellers.logistics_mode[seller] == uint8_t(LogisticsMode::Warehouse)) {
        state.ledger.transfer(sellers.account[seller], warehouse_carrier, warehouse_cost, Reason::Shipping);
        return;
      }
      if (sellers.orders_30d[seller] < config_.warehouse_min_monthly_orders) return;
      if (random.bernoulli(config_.warehouse_adoption_per_day)) {
        sellers.logistics_mode[seller] = uint8_t(LogisticsMode::Warehouse);
      }
    });
  }

 private:
  void open_warehouses(EcosystemState& state) {
    if (cross_border_.empty()) return;
    for (int platform = 0; platform < state.platform_count(); ++platform) {
      PlatformState& owner = state.platforms[platform];
      for (MarketId m = 0; m < state.market_count(); ++m) {
        if (owner.has_warehouse[m] || !owner.present[m]) continue;
        if (cross_border_[size_t(platform) * state.market_count() + m] < kWarehouseOrdersPerDay) continue;
        owner.has_warehouse[m] = 1;
        state.log_event(state.world->market(m).country.code, owner.name, "warehouse_opened", "");
      }
    }
  }

  const CollaborationConfig& config_;
  std::vector<double> cross_border_;  // per platform and market, orders a day (30-day average)
};

}  // namespace

std::unique_ptr<Mechanism> make_collaboration(const SimulationConfig& config) {
  return std::make_unique<Collaboration>(config.mechanisms.collaboration);
}

}  // namespace mercator
