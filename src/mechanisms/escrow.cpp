// Escrow (Alibaba book: Alipay from 2003): buyers' payments are held by the
// platform and released to the seller only when the buyer confirms receipt;
// disputes are refunded from the held funds. The money flow lives in
// market/fulfilment.cpp behind policy.escrow; buyers' trust in a platform
// with escrow is raised by trust_boost (market/platform_decisions.cpp).
#include "mechanisms/mechanism.hpp"
#include "mechanisms/mechanism_set.hpp"
#include "simulation/simulation_config.hpp"

namespace mercator {
namespace {

class Escrow final : public Mechanism {
 public:
  explicit Escrow(const EscrowConfig& config) : config_(config) {}
  std::string_view name() const override { return "escrow"; }
  void on_setup(EcosystemState& state) override { state.policy.escrow = true; }

 private:
  const EscrowConfig& config_;
};

}  // namespace

std::unique_ptr<Mechanism> make_escrow(const SimulationConfig& config) {
  return std::make_unique<Escrow>(config.mechanisms.escrow);
}

}  // namespace mercator
