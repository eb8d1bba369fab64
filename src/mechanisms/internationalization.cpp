// Internationalization strategy (TikTok paper): a platform starts at home
// (and its launch markets) and enters more markets by strategy: `gradual`
// enters the culturally nearest market not yet entered every
// entry_interval_days, only near ones during stage 1; `tiered` enters the
// S, A and B tiers at once and the rest later, spending by tier;
// `all_at_once` enters everywhere at launch. Stages: resource integration,
// then a "radiation leap" to value co-creation once enough markets are
// entered, then a "depth leap" to ecosystem innovation once mean penetration
// is high enough. Off: the platform stays where it launched.
#include <algorithm>
#include <numeric>

#include "market/platform_decisions.hpp"
#include "mechanisms/mechanism.hpp"
#include "mechanisms/mechanism_set.hpp"
#include "simulation/simulation_config.hpp"

namespace mercator {
namespace {

class Internationalization final : public Mechanism {
 public:
  explicit Internationalization(const InternationalizationConfig& config) : config_(config) {}
  std::string_view name() const override { return "internationalization"; }
  void on_setup(EcosystemState& state) override { state.policy.internationalization = true; }

  void on_decide(EcosystemState& state) override {
    for (int platform = 0; platform < state.platform_count(); ++platform) {
      PlatformState& owner = state.platforms[platform];
      if (state.day < owner.launch_day) continue;
      set_spend_by_tier(state, owner);
      enter_by_strategy(state, platform);
      advance_stage(state, platform);
    }
  }

 private:
  int tier_of(const EcosystemState& state, MarketId market) const {
    const std::string& code = state.world->market(market).country.code;
    auto in = [&](const std::vector<std::string>& tier) {
      return std::find(tier.begin(), tier.end(), code) != tier.end();
    };
    return in(config_.tier_s) ? 0 : in(config_.tier_a) ? 1 : in(config_.tier_b) ? 2 : 3;
  }

  void set_spend_by_tier(const EcosystemState& state, PlatformState& owner) const {
    if (config_.strategy != "tiered") return;
    const double spend[] = {config_.tier_s_spend, config_.tier_a_spend, config_.tier_b_spend, config_.tier_c_spend};
    for (MarketId m = 0; m < state.market_count(); ++m) owner.ad_spend_factor[m] = float(spend[tier_of(state, m)]);
  }

  void enter_by_strategy(EcosystemState& state, int platform) {
    PlatformState& owner = state.platforms[platform];
    const int32_t age = state.day - owner.launch_day;
    if (config_.strategy == "all_at_once") {
      for (MarketId m = 0; m < state.market_count(); ++m) enter_market(state, platform, m, "all_at_once");
      return;
    }
    if (config_.strategy == "tiered") {
      const int open_tier = age < config_.entry_interval_days ? 2 : 3;
      for (MarketId m = 0; m < state.market_count(); ++m) {
        if (tier_of(state, m) <= open_tier) enter_market(state, platform, m, "tier");
      }
      return;
    }
    const auto interval = std::max<int32_t>(1, int32_t(config_.entry_interval_days));
    if (age == 0 || age % interval != 0) return;
    const int next = nearest_unentered(state, platform);
    if (next >= 0) enter_market(state, platform, MarketId(next), "gradual");
  }

  // The culturally nearest market not yet entered (near ones only in stage 1).
  int nearest_unentered(const EcosystemState& state, int platform) const {
    const PlatformState& owner = state.platforms[platform];
    int best = -1;
    double best_distance = 2.0;
    for (MarketId m = 0; m < state.market_count(); ++m) {
      if (owner.present[m] || owner.banned[m]) continue;
      const double distance = state.world->cultural_distance(owner.home, m);
      if (owner.stage == InternationalStage::ResourceIntegration &&
          distance > config_.max_cultural_distance_stage1 && markets_present(owner) > 1) {
        continue;
      }
      if (distance < best_distance) {
        best_distance = distance;
        best = m;
      }
    }
    return best;
  }

  static int markets_present(const PlatformState& owner) {
    return std::accumulate(owner.present.begin(), owner.present.end(), 0);
  }

  void advance_stage(EcosystemState& state, int platform) {
    PlatformState& owner = state.platforms[platform];
    if (owner.stage == InternationalStage::ResourceIntegration &&
        markets_present(owner) >= config_.radiation_leap_markets) {
      owner.stage = InternationalStage::ValueCoCreation;
      state.log_event("ALL", owner.name, "radiation_leap", "stage 2: value co-creation");
    }
    if (owner.stage != InternationalStage::ValueCoCreation) return;
    double penetration_sum = 0;
    int markets = 0;
    for (MarketId m = 0; m < state.market_count(); ++m) {
      if (!owner.present[m]) continue;
      penetration_sum += penetration(state, platform, m);
      ++markets;
    }
    if (markets > 0 && penetration_sum / markets >= config_.depth_leap_penetration) {
      owner.stage = InternationalStage::EcosystemInnovation;
      state.log_event("ALL", owner.name, "depth_leap", "stage 3: ecosystem innovation");
    }
  }

  const InternationalizationConfig& config_;
};

}  // namespace

std::unique_ptr<Mechanism> make_internationalization(const SimulationConfig& config) {
  return std::make_unique<Internationalization>(config.mechanisms.internationalization);
}

}  // namespace mercator
