#pragma once
// A driving mechanism (MODEL.md section 4) is a module that registers hooks
// on the phases of the day. A mechanism switched off is never constructed,
// so it runs nothing and costs nothing. Hooks see whole batches (today's new
// orders, all sellers), never one call per agent.
#include <memory>
#include <span>
#include <string_view>
#include <vector>

#include "market/ecosystem_state.hpp"
#include "market/order_book.hpp"

namespace mercator {

struct SimulationConfig;

class Mechanism {
 public:
  virtual ~Mechanism() = default;
  virtual std::string_view name() const = 0;

  // Once, after the ecosystem is built: switch on the policies the core flow reads.
  virtual void on_setup(EcosystemState&) {}
  // Phase 1-2: calendar and platform decisions.
  virtual void on_calendar(EcosystemState&) {}
  virtual void on_decide(EcosystemState&) {}
  // Phase 3: adoption and entry (after buyers adopted, before shopping).
  virtual void on_adopt(EcosystemState&) {}
  // Phase 4: before sessions are ranked (displayed scores, tiers).
  virtual void on_rank(EcosystemState&) {}
  // Phase 5: today's new orders and today's settled orders.
  virtual void on_settle(EcosystemState&, std::span<const Order> /*new_orders*/,
                         std::span<const Order> /*settled_orders*/) {}
  // Phase 6-8.
  virtual void on_update(EcosystemState&) {}
  virtual void on_govern(EcosystemState&) {}
  virtual void on_providers(EcosystemState&) {}
};

// The enabled mechanisms, in the order of mechanism_names().
std::vector<std::unique_ptr<Mechanism>> make_enabled_mechanisms(const SimulationConfig& config);

}  // namespace mercator
