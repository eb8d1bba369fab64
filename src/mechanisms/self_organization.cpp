// Self-organization (AliExpress paper): an information-sharing pool shows
// where demand goes unmet; struggling sellers read it and move to
// under-served categories; service providers appear in markets where sellers
// need services and are not served, and the sellers they serve save costs.
#include <algorithm>
#include <cstdint>
#include <numeric>
#include <vector>

#include "core/random_stream.hpp"
#include "mechanisms/mechanism.hpp"
#include "mechanisms/mechanism_set.hpp"
#include "simulation/simulation_config.hpp"

namespace mercator {
namespace {

class SelfOrganization final : public Mechanism {
 public:
  explicit SelfOrganization(const SelfOrganizationConfig& config) : config_(config) {}
  std::string_view name() const override { return "self_organization"; }
  void on_setup(EcosystemState& state) override { state.policy.self_organization = true; }

  void on_update(EcosystemState& state) override {
    const auto interval = std::max<int32_t>(1, int32_t(config_.read_interval_days));
    if (state.day % interval != 0) return;
    const std::vector<double> gap = demand_per_seller(state);
    const int best = int(std::max_element(gap.begin(), gap.end()) - gap.begin());
    SellerTable& sellers = state.sellers;
    RandomStream random(state.seed, Purpose::Providers, state.day, 4);
    sellers.for_each_living([&](SellerId seller) {
      if (sellers.orders_30d[seller] >= 1.0f) return;
      if (random.bernoulli(config_.retarget_probability)) sellers.category[seller] = uint8_t(best);
    });
  }

  void on_providers(EcosystemState& state) override {
    ServiceProviderTable& providers = state.service_providers;
    SellerTable& sellers = state.sellers;
    const size_t markets = state.market_count();
    // Counted in integers, then read as doubles: the same values.
    std::vector<int64_t> sellers_counted(markets, 0);
    sellers.for_each_living([&](SellerId seller) { sellers_counted[sellers.home[seller]] += 1; });
    std::vector<double> sellers_by_market(sellers_counted.begin(), sellers_counted.end());
    std::vector<double> providers_by_market(markets, 0.0);
    for (size_t p = 0; p < providers.size(); ++p) {
      if (providers.alive[p]) providers_by_market[providers.market[p]] += 1;
    }
    RandomStream random(state.seed, Purpose::Providers, state.day, 5);
    for (size_t p = 0; p < providers.size(); ++p) {
      if (providers.alive[p]) continue;
      const MarketId m = providers.market[p];
      const double unmet = sellers_by_market[m] / config_.sellers_per_provider - providers_by_market[m];
      if (unmet <= 0 || !random.bernoulli(std::min(1.0, config_.provider_entry_rate * unmet))) continue;
      providers.alive[p] = 1;
      providers_by_market[m] += 1;
    }
    serve(state, providers_by_market, random);
  }

 private:
  // Demand share per category over sellers listed in it: the pool's signal.
  std::vector<double> demand_per_seller(const EcosystemState& state) const {
    const int categories = state.catalog.categories;
    std::vector<double> demand(categories, 0.0), supply(categories, 1.0);
    for (size_t m = 0; m < state.market_count(); ++m) {
      for (int c = 0; c < categories; ++c) demand[c] += state.demand.category_demand[m * categories + c];
    }
    state.sellers.for_each_living([&](SellerId seller) { supply[state.sellers.category[seller]] += 1; });
    for (int c = 0; c < categories; ++c) demand[c] /= supply[c];
    return demand;
  }

  // Sellers in markets with providers outsource and save costs, for a fee.
  void serve(EcosystemState& state, const std::vector<double>& providers_by_market, RandomStream& random) {
    SellerTable& sellers = state.sellers;
    const Money fee = to_money(config_.service_fee_usd_per_day);
    sellers.for_each_living([&](SellerId seller) {
      const MarketId m = sellers.home[seller];
      if (!sellers.outsourced[seller]) {
        if (providers_by_market[m] > 0 && random.bernoulli(0.01)) {
          sellers.outsourced[seller] = 1;
          sellers.unit_cost[seller] *= float(1.0 - config_.service_cost_saving);
        }
        return;
      }
      state.ledger.transfer(sellers.account[seller], state.service_accounts[m], fee, Reason::ServiceFee);
    });
  }

  const SelfOrganizationConfig& config_;
};

}  // namespace

std::unique_ptr<Mechanism> make_self_organization(const SimulationConfig& config) {
  return std::make_unique<SelfOrganization>(config.mechanisms.self_organization);
}

}  // namespace mercator
