// Integrity-capital microfinance (Alibaba book): a logistic scorecard on a
// seller's platform record (sales, ratings, disputes, tenure); small loans
// without collateral above a cutoff, sized to recent sales; repayment
// deducted automatically from the seller's account when due; default after
// a grace period. Loans bridge the cash gap between paying for goods and
// the escrow release, which is what keeps young sellers alive.
#include <algorithm>
#include <cmath>

#include "core/rota.hpp"
#include "mechanisms/mechanism.hpp"
#include "mechanisms/mechanism_set.hpp"
#include "simulation/simulation_config.hpp"

namespace mercator {
namespace {

class Microfinance final : public Mechanism {
 public:
  explicit Microfinance(const MicrofinanceConfig& config) : config_(config) {}
  std::string_view name() const override { return "microfinance"; }
  void on_setup(EcosystemState& state) override { state.policy.microfinance = true; }

  void on_update(EcosystemState& state) override {
    SellerTable& sellers = state.sellers;
    const Rota weekly(7, uint32_t(state.day));
    sellers.for_each_living([&](SellerId seller) {
      if (sellers.loan_balance[seller] > 0) {
        collect(state, seller);
      } else if (weekly.due(seller)) {
        sellers.credit_score[seller] = float(score(state, seller));
        maybe_lend(state, seller);
      }
    });
  }

 private:
  double score(const EcosystemState& state, SellerId seller) const {
    const SellerTable& sellers = state.sellers;
    const double orders = sellers.orders_30d[seller];
    const double dispute_rate = sellers.disputes_30d[seller] / std::max(1.0, orders);
    const double years = (state.day - sellers.entry_day[seller]) / 365.0;
    const double z = config_.score_intercept + config_.score_sales_weight * std::log1p(orders) +
                     config_.score_rating_weight * (sellers.displayed_rating[seller] - 0.5) +
                     config_.score_dispute_weight * dispute_rate + config_.score_tenure_weight * years;
    return 1.0 / (1.0 + std::exp(-z));
  }

  // A seller whose cash cannot pay for its next period's stock and running
  // costs borrows, when its score clears the cutoff, up to its monthly sales.
  void maybe_lend(EcosystemState& state, SellerId seller) {
    SellerTable& sellers = state.sellers;
    const SellerConfig& seller_config = state.config->sellers;
    const double cash = to_dollars(state.ledger.balance(sellers.account[seller]));
    const double daily_orders = sellers.orders_30d[seller] / 30.0;
    const double period_need = seller_config.restock_interval_days *
                               (daily_orders * sellers.unit_cost[seller] + seller_config.daily_overhead_usd);
    if (cash >= period_need || sellers.credit_score[seller] < config_.approval_cutoff) return;
    const double monthly_sales = sellers.orders_30d[seller] * sellers.unit_cost[seller] * (1.0 + sellers.markup[seller]);
    const double amount = std::min(config_.max_loan_usd, config_.loan_to_monthly_sales * monthly_sales);
    if (amount < config_.min_loan_usd) return;
    const Money principal = to_money(amount);
    state.ledger.transfer(state.lender.account, sellers.account[seller], principal, Reason::LoanDisbursement);
    sellers.loan_balance[seller] = to_money(amount * (1.0 + config_.interest_per_day * config_.term_days));
    sellers.loan_due_day[seller] = state.day + int32_t(config_.term_days);
    state.lender.loans_issued += 1;
    state.lender.outstanding += sellers.loan_balance[seller];
    MarketTally& tally = state.tally.markets[sellers.home[seller]];
    tally.loans_issued += 1;
    tally.loan_amount += amount;
  }

  // Automatic deduction: whatever the account holds goes to the loan from the
  // due day on; after the grace period the rest is written off.
  void collect(EcosystemState& state, SellerId seller) {
    SellerTable& sellers = state.sellers;
    if (state.day < sellers.loan_due_day[seller]) return;
    const Money available = std::max<Money>(0, state.ledger.balance(sellers.account[seller]));
    const Money paid = std::min(available, sellers.loan_balance[seller]);
    state.ledger.transfer(sellers.account[seller], state.lender.account, paid, Reason::LoanRepayment);
    sellers.loan_balance[seller] -= paid;
    state.lender.outstanding -= paid;
    if (sellers.loan_balance[seller] == 0) {
      state.lender.loans_repaid += 1;
      return;
    }
    if (state.day < sellers.loan_due_day[seller] + config_.grace_days) return;
    state.lender.outstanding -= sellers.loan_balance[seller];
    sellers.loan_balance[seller] = 0;
    state.lender.loans_defaulted += 1;
    state.tally.markets[sellers.home[seller]].loan_defaults += 1;
  }

  const MicrofinanceConfig& config_;
};

}  // namespace

std::unique_ptr<Mechanism> make_microfinance(const SimulationConfig& config) {
  return std::make_unique<Microfinance>(config.mechanisms.microfinance);
}

}  // namespace mercator
