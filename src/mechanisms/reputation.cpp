// Reputation (Resnick & Zeckhauser 2002; Taobao's evaluation system): ratings
// after each order accumulate into a displayed score, a Beta-smoothed share
// of good ratings over a decaying window, which ranking and choice read.
// Dishonest sellers may buy fake reviews; tying ratings to escrow-confirmed
// receipt blocks most of them. Off: every seller shows the prior mean.
#include <cmath>

#include "core/random_stream.hpp"
#include "mechanisms/mechanism.hpp"
#include "mechanisms/mechanism_set.hpp"
#include "simulation/simulation_config.hpp"

namespace mercator {
namespace {

class Reputation final : public Mechanism {
 public:
  explicit Reputation(const ReputationConfig& config) : config_(config) {}
  std::string_view name() const override { return "reputation"; }
  void on_setup(EcosystemState& state) override { state.policy.reputation = true; }

  void on_rank(EcosystemState& state) override {
    SellerTable& sellers = state.sellers;
    const float keep = float(std::exp2(-1.0 / std::max(1.0, config_.window_half_life_days)));
    const double fake_rate = config_.fake_reviews_per_day *
                             (state.policy.escrow ? 1.0 - config_.escrow_blocks_fake_reviews : 1.0);
    sellers.for_each_living([&](SellerId seller) {
      if (sellers.entry_day[seller] == state.day) assign_fake_review_strategy(state, seller);
      sellers.rating_good[seller] *= keep;
      sellers.rating_medium[seller] *= keep;
      sellers.rating_poor[seller] *= keep;
      if (sellers.fakes_reviews[seller]) sellers.rating_good[seller] += float(fake_rate);
      sellers.displayed_rating[seller] = displayed(sellers, seller);
      assign_tier(sellers, seller);
    });
  }

 private:
  float displayed(const SellerTable& sellers, SellerId seller) const {
    const double good = sellers.rating_good[seller] + 0.5 * sellers.rating_medium[seller];
    const double total = sellers.rating_good[seller] + sellers.rating_medium[seller] + sellers.rating_poor[seller];
    return float((good + config_.prior_good) / (total + config_.prior_good + config_.prior_bad));
  }

  void assign_fake_review_strategy(const EcosystemState& state, SellerId seller) const {
    SellerTable& sellers = const_cast<EcosystemState&>(state).sellers;
    if (sellers.quality[seller] == uint8_t(GoodsQuality::Genuine)) return;
    RandomStream random(state.seed, Purpose::Governance, state.day, uint64_t(seller) + (uint64_t(1) << 33));
    sellers.fakes_reviews[seller] = random.bernoulli(config_.fake_review_share);
  }

  // Gold and silver tiers for traffic allocation (AliExpress from 2015).
  // Silver needs rating > 0.8 and volume > 5, gold > 0.9 and > 20 (so gold
  // is silver too): the tier counts the thresholds met. Counted without
  // branches, which would be mispredicted seller after seller.
  static void assign_tier(SellerTable& sellers, SellerId seller) {
    const float rating = sellers.displayed_rating[seller];
    const float volume = sellers.orders_30d[seller];
    const bool silver = (rating > 0.8f) & (volume > 5);
    const bool gold = (rating > 0.9f) & (volume > 20);
    sellers.tier[seller] = uint8_t(int(silver) + int(gold));
  }

  const ReputationConfig& config_;
};

}  // namespace

std::unique_ptr<Mechanism> make_reputation(const SimulationConfig& config) {
  return std::make_unique<Reputation>(config.mechanisms.reputation);
}

}  // namespace mercator
