// Innovation: the platform's algorithm learns from accumulated order data
// with diminishing returns, q = q_max - (q_max - q_0) exp(-data / scale);
// the platform spends on R&D and new monetization channels arrive (festivals, live commerce,
// mobile payment, pre-sale), which raise shopping sessions. Dated
// `innovation` events bring channels too. Off: the algorithm stays at q_0
// and no channel arrives.
#include <array>
#include <bit>
#include <cmath>
#include <cstdint>
#include <vector>

#include "core/random_stream.hpp"
#include "mechanisms/mechanism.hpp"
#include "mechanisms/mechanism_set.hpp"
#include "simulation/simulation_config.hpp"

namespace mercator {
namespace {

constexpr int kChannels = 4;
// Every set of platforms a seller can be on (SellerTable::platforms, a byte).
constexpr unsigned kMemberships = 256;
constexpr double kChannelArrivalPerDay = 1.0 / (3.0 * 365.0);  // about one new channel in three years
constexpr const char* kChannelNames[kChannels] = {"festival", "live_commerce", "mobile_payment", "presale"};

class Innovation final : public Mechanism {
 public:
  explicit Innovation(const InnovationConfig& config) : config_(config) {}
  std::string_view name() const override { return "innovation"; }
  void on_setup(EcosystemState& state) override { state.policy.innovation = true; }

  void on_settle(EcosystemState& state, std::span<const Order> new_orders, std::span<const Order>) override {
    for (const Order& order : new_orders) state.platforms[order.platform].data_orders += 1;
  }

  // Sellers take up the channels their platforms offer (a diffusion at
  // channel_diffusion_per_day); a platform's sessions grow with the uptake.
  void on_update(EcosystemState& state) override {
    SellerTable& sellers = state.sellers;
    const int platforms = state.platform_count();
    RandomStream random(state.seed, Purpose::Innovation, state.day, uint64_t(1) << 32);
    // The channels offered to a seller, by the set of platforms it is on.
    std::array<uint8_t, kMemberships> offered{};
    for (unsigned member_of = 1; member_of < kMemberships; ++member_of) {
      const int platform = std::countr_zero(member_of);
      offered[member_of] = offered[member_of & (member_of - 1)] |
                           (platform < platforms ? state.platforms[platform].channels : uint8_t(0));
    }
    // Sellers counted by kind, (platforms, channels taken up): a handful of
    // kinds occur, so the uptake is summed per kind afterwards instead of
    // per seller and platform. In integers: the same sums as in doubles.
    sellers.for_each_living([&](SellerId seller) {
      const uint8_t member_of = sellers.platforms[seller];
      const uint8_t missing = offered[member_of] & uint8_t(~sellers.channels[seller]);
      if (missing != 0 && random.bernoulli(config_.channel_diffusion_per_day)) {
        sellers.channels[seller] |= uint8_t(1u << std::countr_zero(unsigned(missing)));
      }
      const size_t kind = (size_t(member_of) << 8) | sellers.channels[seller];
      if (sellers_of_kind_[kind]++ == 0) kinds_seen_.push_back(uint16_t(kind));
    });
    std::vector<int64_t> adopted(platforms, 0), possible(platforms, 0);
    for (const uint16_t kind : kinds_seen_) {
      const int64_t count = sellers_of_kind_[kind];
      sellers_of_kind_[kind] = 0;
      const auto taken_up = uint8_t(kind & 0xFF);
      for (unsigned rest = kind >> 8; rest != 0; rest &= rest - 1) {
        const int platform = std::countr_zero(rest);
        const uint8_t arrived = state.platforms[platform].channels;
        possible[platform] += count * std::popcount(arrived);
        adopted[platform] += count * std::popcount(uint8_t(arrived & taken_up));
      }
    }
    kinds_seen_.clear();
    for (int platform = 0; platform < platforms; ++platform) {
      state.platforms[platform].channel_uptake =
          float(possible[platform] > 0 ? double(adopted[platform]) / double(possible[platform]) : 0.0);
    }
  }

  void on_govern(EcosystemState& state) override {
    for (int platform = 0; platform < state.platform_count(); ++platform) {
      PlatformState& owner = state.platforms[platform];
      if (state.day < owner.launch_day) continue;
      const PlatformConfig& platform_config = state.config->platforms[platform];
      if (config_.learning) {
        const double q0 = platform_config.algorithm_quality_initial;
        const double q_max = platform_config.algorithm_quality_max;
        owner.algorithm_quality = q_max - (q_max - q0) * std::exp(-owner.data_orders / platform_config.data_scale_orders);
      }
      state.ledger.transfer(owner.account, state.suppliers_account, to_money(config_.rd_cost_usd_per_day),
                            Reason::PlatformCost);
      RandomStream random(state.seed, Purpose::Innovation, state.day, platform);
      if (std::popcount(owner.channels) < kChannels && random.bernoulli(kChannelArrivalPerDay)) {
        const int channel = std::countr_one(unsigned(owner.channels));
        owner.channels |= uint8_t(1u << channel);
        state.log_event("ALL", owner.name, "innovation", kChannelNames[channel]);
      }
    }
  }

 private:
  const InnovationConfig& config_;
  // Scratch for on_update, zero between days: sellers per kind (platforms
  // in the high byte, channels taken up in the low one), and the kinds seen.
  std::vector<int32_t> sellers_of_kind_ = std::vector<int32_t>(kMemberships * 256, 0);
  std::vector<uint16_t> kinds_seen_;
};

}  // namespace

std::unique_ptr<Mechanism> make_innovation(const SimulationConfig& config) {
  return std::make_unique<Innovation>(config.mechanisms.innovation);
}

}  // namespace mercator
