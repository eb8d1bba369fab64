// Cooperation (AliExpress and TikTok papers): strategic alliances with
// outside ecosystems. Local partners cut the liability of foreignness
// (localization jumps); an external shop system brings its merchants;
// an acquisition moves a competitor's users over. Dated `alliance` and
// `merger` events take effect only when this mechanism is on (calendar
// phase); besides, a platform takes a local partner in each market it has
// been in for a year.
#include "mechanisms/mechanism.hpp"
#include "mechanisms/mechanism_set.hpp"
#include "simulation/simulation_config.hpp"

namespace mercator {
namespace {

constexpr int32_t kDaysBeforePartner = 365;

class Cooperation final : public Mechanism {
 public:
  explicit Cooperation(const CooperationConfig& config) : config_(config) {}
  std::string_view name() const override { return "cooperation"; }
  void on_setup(EcosystemState& state) override { state.policy.cooperation = true; }

  void on_decide(EcosystemState& state) override {
    for (PlatformState& owner : state.platforms) {
      int partners = 0;
      for (MarketId m = 0; m < state.market_count(); ++m) {
        if (!owner.present[m] || m == owner.home) continue;
        if (!owner.has_partner[m] && state.day - owner.entry_day[m] >= kDaysBeforePartner) {
          take_partner(state, owner, m, config_.partner_localization_boost);
        }
        partners += owner.has_partner[m];
      }
      state.ledger.transfer(owner.account, state.suppliers_account,
                            to_money(config_.partner_cost_usd_per_day * partners), Reason::PlatformCost);
    }
  }

  static void take_partner(EcosystemState& state, PlatformState& owner, MarketId market, double boost) {
    owner.has_partner[market] = 1;
    owner.localization[market] = std::min(1.0f, owner.localization[market] + float(boost));
    state.log_event(state.world->market(market).country.code, owner.name, "local_partner", "");
  }

 private:
  const CooperationConfig& config_;
};

}  // namespace

std::unique_ptr<Mechanism> make_cooperation(const SimulationConfig& config) {
  return std::make_unique<Cooperation>(config.mechanisms.cooperation);
}

}  // namespace mercator
