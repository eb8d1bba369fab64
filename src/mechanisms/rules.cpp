// Rules (MODEL.md 4.1): admission, IP / counterfeit enforcement with
// penalty points and delisting, fines, public supervision of disputes, and
// rule adaptation when dispute rates cross a threshold. Admission, the jury
// and identity checks act inside the core flow through policy.rules.
#include <algorithm>
#include <cmath>

#include "core/random_stream.hpp"
#include "market/seller_dynamics.hpp"
#include "mechanisms/mechanism.hpp"
#include "mechanisms/mechanism_set.hpp"
#include "simulation/simulation_config.hpp"

namespace mercator {
namespace {

class Rules final : public Mechanism {
 public:
  explicit Rules(const RulesConfig& config) : config_(config) {}
  std::string_view name() const override { return "rules"; }

  void on_setup(EcosystemState& state) override { state.policy.rules = true; }

  // After-sale detection: counterfeit sales caught, honest sellers sometimes flagged.
  void on_settle(EcosystemState& state, std::span<const Order> new_orders,
                 std::span<const Order>) override {
    RandomStream random(state.seed, Purpose::Governance, state.day, 0);
    for (const Order& order : new_orders) {
      const double detection = state.platforms[order.platform].detection_per_sale;
      const bool counterfeit = order.quality == uint8_t(GoodsQuality::Counterfeit);
      const bool flagged = random.bernoulli(counterfeit ? detection : config_.false_positive_rate);
      if (!flagged) continue;
      penalise(state, order.seller, order.platform);
    }
  }

  void on_govern(EcosystemState& state) override {
    decay_and_delist(state);
    for (int platform = 0; platform < state.platform_count(); ++platform) adapt(state, platform);
  }

 private:
  void penalise(EcosystemState& state, SellerId seller, int platform) {
    SellerTable& sellers = state.sellers;
    if (!sellers.alive[seller]) return;
    sellers.penalty_points[seller] += float(config_.points_per_violation);
    state.ledger.transfer(sellers.account[seller], state.platforms[platform].account,
                          to_money(config_.penalty_usd), Reason::Penalty);
    state.tally.markets[sellers.home[seller]].violations_detected += 1;
  }

  void decay_and_delist(EcosystemState& state) {
    SellerTable& sellers = state.sellers;
    const float keep = float(std::exp2(-1.0 / std::max(1.0, config_.points_half_life_days)));
    sellers.for_each_living([&](SellerId seller) {
      sellers.penalty_points[seller] *= keep;
      if (sellers.penalty_points[seller] < config_.delisting_points) return;
      state.tally.markets[sellers.home[seller]].delistings += 1;
      retire_seller(state, seller, "delisted");
    });
  }

  // Tighten enforcement when buyers' disputes cross the threshold.
  void adapt(EcosystemState& state, int platform) {
    PlatformState& owner = state.platforms[platform];
    if (!config_.adaptation || state.day - owner.last_adaptation_day < config_.adaptation_interval_days) return;
    owner.last_adaptation_day = state.day;
    double disputes = 0;
    int markets = 0;
    for (MarketId m = 0; m < state.market_count(); ++m) {
      if (!owner.present[m]) continue;
      disputes += owner.dispute_rate[m];
      ++markets;
    }
    if (markets == 0 || disputes / markets <= config_.adaptation_dispute_threshold) return;
    owner.detection_at_listing = std::min(config_.detection_max, owner.detection_at_listing + config_.adaptation_step);
    owner.detection_per_sale = std::min(config_.detection_max, owner.detection_per_sale + config_.adaptation_step / 3);
    state.log_event("ALL", owner.name, "rule_tightened",
                    "detection at listing " + std::to_string(owner.detection_at_listing));
  }

  const RulesConfig& config_;
};

}  // namespace

std::unique_ptr<Mechanism> make_rules(const SimulationConfig& config) {
  return std::make_unique<Rules>(config.mechanisms.rules);
}

}  // namespace mercator
