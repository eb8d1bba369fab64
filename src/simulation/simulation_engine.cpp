#include "simulation/simulation_engine.hpp"

#include <chrono>
#include <stdexcept>

#include "analysis/robustness_index.hpp"
#include "analysis/stage_table.hpp"
#include "market/adoption.hpp"
#include "market/ecosystem_builder.hpp"
#include "market/fulfilment.hpp"
#include "market/platform_decisions.hpp"
#include "market/providers.hpp"
#include "market/seller_dynamics.hpp"
#include "market/shopping.hpp"
#include "metrics/collector.hpp"
#include "metrics/run_summary.hpp"
#include "simulation/calendar_phase.hpp"

namespace mercator {
namespace {
double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

// The daily series the run reads once it is over (finish()).
std::vector<std::string> read_after_run(const SimulationConfig& config) {
  std::vector<std::string> names = summary_series();
  for (std::string& name : stage_series(config.analysis.stages)) names.push_back(std::move(name));
  return names;
}

}  // namespace

SimulationEngine::SimulationEngine(const SimulationConfig& config, unsigned threads,
                                   const SeriesSelection& series)
    : config_(config), pool_(threads == 0 ? 1 : threads) {
  const auto start = std::chrono::steady_clock::now();
  state_.pool = &pool_;
  build_ecosystem(state_, config_);
  install_mechanisms();
  state_.buyer_counts.resize(state_.market_count());
  results_.metrics.series_names = recorded_series(series, read_after_run(config_));
  collector_ = std::make_unique<MetricsCollector>(state_, results_.metrics.series_names);
  for (MarketId m = 0; m < state_.market_count(); ++m) {
    results_.metrics.market_codes.push_back(state_.world->market(m).country.code);
  }
  results_.metrics.market_codes.push_back("ALL");
  results_.buyers_per_agent = state_.buyers_per_agent;
  results_.sellers_per_agent = config_.population.sellers_per_agent;
  results_.timings.setup_seconds = seconds_since(start);
}

// Policies are rebuilt from scratch so a mechanism switched off by a
// scheduled event stops acting at once.
void SimulationEngine::install_mechanisms() {
  mechanisms_ = make_enabled_mechanisms(config_);
  state_.policy = EcosystemState::Policy{};
  each_mechanism([&](Mechanism& mechanism) { mechanism.on_setup(state_); });
}

// Buyer counts are kept by BuyerTable::set_state; this copies them to where
// the platforms and the metrics read them.
void SimulationEngine::count_buyers() {
  const BuyerTable& buyers = state_.buyers;
  const int platforms = state_.platform_count();
  for (MarketId m = 0; m < state_.market_count(); ++m) {
    state_.buyer_counts[m] = {double(buyers.aware_any[m]), double(buyers.active_buyers[m].size()),
                              double(buyers.churned_only[m])};
    for (int p = 0; p < platforms; ++p) {
      state_.platforms[p].active_by_market[m] = buyers.active_count[size_t(m) * platforms + p];
    }
  }
  for (PlatformState& owner : state_.platforms) {
    owner.active_buyers = 0;
    for (int32_t count : owner.active_by_market) owner.active_buyers += count;
  }
}

// The books: double entry balances, and every unit in escrow belongs to an
// order still in flight.
void SimulationEngine::check_books(bool balanced) const {
  if (!balanced) throw std::logic_error("ledger out of balance on " + state_.today.iso());
  const std::vector<Money> in_flight = state_.orders.escrow_held(size_t(state_.platform_count()));
  for (int p = 0; p < state_.platform_count(); ++p) {
    const Money held = state_.ledger.balance(state_.platforms[p].escrow_account);
    if (held != in_flight[size_t(p)]) {
      throw std::logic_error("escrow of " + state_.platforms[p].name + " does not match orders in flight on " +
                             state_.today.iso());
    }
  }
}

bool SimulationEngine::step() {
  if (state_.day >= state_.total_days) {
    finish();
    return false;
  }
  const auto start = std::chrono::steady_clock::now();
  state_.today = state_.calendar.date_of(state_.day);
  state_.tally.reset(state_.market_count());

  // 1. Calendar.
  if (run_calendar(state_, config_)) install_mechanisms();
  each_mechanism([&](Mechanism& m) { m.on_calendar(state_); });
  // 2. Platforms decide.
  each_mechanism([&](Mechanism& m) { m.on_decide(state_); });
  run_platform_decisions(state_);
  // 3. Adoption and entry.
  run_buyer_adoption(state_);
  run_seller_entry(state_);
  each_mechanism([&](Mechanism& m) { m.on_adopt(state_); });
  // 4. Shopping: rank and choose.
  state_.catalog.rebuild(state_.sellers, state_.platform_count(), int(config_.sellers.categories));
  restock_sellers(state_);
  each_mechanism([&](Mechanism& m) { m.on_rank(state_); });
  const auto purchases = run_shopping(state_);
  // 5. Order flow.
  const std::vector<Order> accepted = accept_orders(state_, purchases);
  std::vector<Order> settled = settle_due_orders(state_);
  each_mechanism([&](Mechanism& m) { m.on_settle(state_, accepted, settled); });
  state_.orders.recycle(std::move(settled));
  // 6. Sellers update.
  update_sellers(state_);
  each_mechanism([&](Mechanism& m) { m.on_update(state_); });
  // 7. Governance.
  each_mechanism([&](Mechanism& m) { m.on_govern(state_); });
  // 8. Providers.
  update_providers(state_);
  each_mechanism([&](Mechanism& m) { m.on_providers(state_); });
  // 9. Measure.
  count_buyers();
  // One pass over every balance a day, read by the check and the metrics.
  const bool balanced = state_.ledger.balanced();
  if (config_.run.check_ledger_daily) check_books(balanced);
  collector_->collect(state_, balanced, results_.metrics);

  state_.day += 1;
  results_.timings.simulate_seconds += seconds_since(start);
  return true;
}

void SimulationEngine::finish() {
  if (finished_) return;
  finished_ = true;
  results_.events = state_.events;
  // Post-run measures (MODEL.md section 3, step 9): they read the whole table.
  fill_robustness_index(results_.metrics, config_.analysis.indices);
  results_.stages = detect_run_stages(results_.metrics, config_.analysis.stages);
  add_stage_transitions(results_.events, results_.stages, results_.metrics.day_dates);
  results_.summary_json = summarize_run(state_, results_);
}

}  // namespace mercator
