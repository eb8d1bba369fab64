// Money is counted, not estimated (DESIGN.md principle 4): the ledger's own
// arithmetic, the books of the default scenario balanced on every day, and
// the identities that say where the households' money went. Every check here
// is exact (integer cents), except the comparison with the floating-point
// metrics, whose rounding bound is derived where it is made.
#include "core/ledger.hpp"

#include <gtest/gtest.h>

#include <cfloat>
#include <cmath>
#include <nlohmann/json.hpp>
#include <vector>

#include "mercator/scenario.hpp"
#include "simulation/simulation_engine.hpp"
#include "test_support.hpp"

namespace mercator {
namespace {

using test_support::series;
using test_support::sum_series;

constexpr size_t kKinds = size_t(AccountKind::Count);
constexpr size_t kReasons = size_t(Reason::Count);

// ---------------------------------------------------------------------------
// The ledger on its own
// ---------------------------------------------------------------------------

TEST(Ledger, TransferMovesMoneyAndKeepsTheBooksBalanced) {
  Ledger ledger;
  const AccountId wallet = ledger.open(AccountKind::Households);
  const AccountId seller = ledger.open(AccountKind::Seller);
  EXPECT_EQ(ledger.account_count(), 2u);
  EXPECT_EQ(ledger.kind(wallet), AccountKind::Households);
  EXPECT_EQ(ledger.kind(seller), AccountKind::Seller);
  EXPECT_EQ(ledger.balance(wallet), 0);
  ledger.transfer(wallet, seller, 1234, Reason::Purchase);
  EXPECT_EQ(ledger.balance(wallet), -1234);
  EXPECT_EQ(ledger.balance(seller), 1234);
  EXPECT_TRUE(ledger.balanced());
  ledger.transfer(seller, wallet, 34, Reason::Refund);
  EXPECT_EQ(ledger.balance(wallet), -1200);
  EXPECT_EQ(ledger.balance(seller), 1200);
  EXPECT_TRUE(ledger.balanced());
}

TEST(Ledger, ReopenedAccountStartsFromZeroAndTheOldBalanceStaysInTheBooks) {
  Ledger ledger;
  const AccountId wallet = ledger.open(AccountKind::Households);
  const AccountId seller = ledger.open(AccountKind::Seller);
  ledger.transfer(wallet, seller, 300, Reason::Purchase);
  // The seller left; a late settlement arrived after it, then a newcomer
  // takes the row and its account.
  const AccountId newcomer = ledger.reopen(seller);
  EXPECT_EQ(newcomer, seller);
  EXPECT_EQ(ledger.account_count(), 2u);
  EXPECT_EQ(ledger.kind(newcomer), AccountKind::Seller);
  EXPECT_EQ(ledger.balance(newcomer), 0);
  EXPECT_EQ(ledger.holdings(AccountKind::Seller), 300);
  EXPECT_TRUE(ledger.balanced());
  ledger.transfer(wallet, newcomer, 50, Reason::Capital);
  EXPECT_EQ(ledger.balance(newcomer), 50);
  EXPECT_EQ(ledger.holdings(AccountKind::Seller), 350);
  EXPECT_EQ(ledger.holdings(AccountKind::Households), -350);
  EXPECT_TRUE(ledger.balanced());
}

TEST(Ledger, FlowsAccumulateByReasonAndByKinds) {
  Ledger ledger;
  const AccountId wallet = ledger.open(AccountKind::Households);
  const AccountId escrow = ledger.open(AccountKind::Escrow);
  const AccountId seller_a = ledger.open(AccountKind::Seller);
  const AccountId seller_b = ledger.open(AccountKind::Seller);
  const AccountId carrier = ledger.open(AccountKind::Carrier);
  ledger.transfer(wallet, escrow, 1000, Reason::Purchase);
  ledger.transfer(wallet, seller_a, 500, Reason::Purchase);
  ledger.transfer(escrow, carrier, 200, Reason::Shipping);
  ledger.transfer(seller_a, carrier, 50, Reason::Shipping);
  ledger.transfer(escrow, seller_b, 700, Reason::SaleRelease);

  EXPECT_EQ(ledger.flow(Reason::Purchase), 1500);
  EXPECT_EQ(ledger.flow(Reason::Shipping), 250);
  EXPECT_EQ(ledger.flow(Reason::SaleRelease), 700);
  EXPECT_EQ(ledger.flow(Reason::Refund), 0);
  EXPECT_EQ(ledger.flow(Reason::Purchase, AccountKind::Households, AccountKind::Escrow), 1000);
  EXPECT_EQ(ledger.flow(Reason::Purchase, AccountKind::Households, AccountKind::Seller), 500);
  EXPECT_EQ(ledger.flow(Reason::Shipping, AccountKind::Escrow, AccountKind::Carrier), 200);
  EXPECT_EQ(ledger.flow(Reason::Shipping, AccountKind::Seller, AccountKind::Carrier), 50);
  EXPECT_EQ(ledger.flow(Reason::Shipping, AccountKind::Carrier, AccountKind::Escrow), 0);
  EXPECT_EQ(ledger.flow(Reason::SaleRelease, AccountKind::Escrow, AccountKind::Seller), 700);

  EXPECT_EQ(ledger.holdings(AccountKind::Households), -1500);
  EXPECT_EQ(ledger.holdings(AccountKind::Escrow), 100);
  EXPECT_EQ(ledger.holdings(AccountKind::Seller), 450 + 700);
  EXPECT_EQ(ledger.holdings(AccountKind::Carrier), 250);
  EXPECT_EQ(ledger.holdings(AccountKind::Platform), 0);
  EXPECT_TRUE(ledger.balanced());
}

TEST(Ledger, JournalPostsInOrderAndSkipsZeroAmounts) {
  Ledger ledger;
  const AccountId a = ledger.open(AccountKind::Seller);
  const AccountId b = ledger.open(AccountKind::Platform);
  Journal journal;
  journal.transfer(a, b, 0, Reason::Commission);
  EXPECT_TRUE(journal.transfers().empty());
  journal.transfer(a, b, 30, Reason::Commission);
  journal.transfer(b, a, 10, Reason::Subsidy);
  ASSERT_EQ(journal.transfers().size(), 2u);
  EXPECT_EQ(journal.transfers()[0].amount, 30);
  EXPECT_EQ(journal.transfers()[1].reason, Reason::Subsidy);
  ledger.post(journal);
  EXPECT_EQ(ledger.balance(a), -20);
  EXPECT_EQ(ledger.balance(b), 20);
  EXPECT_EQ(ledger.flow(Reason::Commission, AccountKind::Seller, AccountKind::Platform), 30);
  EXPECT_EQ(ledger.flow(Reason::Subsidy, AccountKind::Platform, AccountKind::Seller), 10);
  journal.clear();
  EXPECT_TRUE(journal.transfers().empty());
}

// to_money and share_of round as std::llround does (halves away from zero),
// on the cases where a shortcut would differ: halves, the doubles next to
// them, negative values, and amounts too large to have a fraction.
TEST(Money, RoundingMatchesLlroundOnHalvesNeighboursAndLargeValues) {
  std::vector<double> values = {0.0, -0.0, 0.5, -0.5, 1.5, -1.5, 2.5, -2.5, 0.49999999999999994,
                                -0.49999999999999994, 1e15 + 0.5, -1e15 - 0.5, 4503599627370495.5,
                                4503599627370497.0, -4503599627370497.0, 9.2e18, -9.2e18};
  for (double half = 0.5; half < 1e12; half = half * 3.0 + 1.0) {
    for (double x : {half, std::nextafter(half, 0.0), std::nextafter(half, 1e300)}) {
      values.push_back(x);
      values.push_back(-x);
    }
  }
  for (int k = 0; k < 2000; ++k) values.push_back((k - 1000) * 0.005 + 1e-3 * std::sin(k));
  for (double x : values) {
    EXPECT_EQ(mercator::round_half_away(x), std::llround(x)) << std::hexfloat << x;
  }
  EXPECT_EQ(mercator::to_money(12.345), std::llround(12.345 * 100.0));
  EXPECT_EQ(mercator::share_of(1001, 0.5), 501);
  EXPECT_EQ(mercator::share_of(-1001, 0.5), -501);
}

TEST(Ledger, NamesCoverEveryKindAndReason) {
  for (size_t kind = 0; kind < kKinds; ++kind) EXPECT_FALSE(account_kind_name(AccountKind(kind)).empty());
  for (size_t reason = 0; reason < kReasons; ++reason) EXPECT_FALSE(reason_name(Reason(reason)).empty());
  EXPECT_EQ(reason_name(Reason::Purchase), "purchase");
  EXPECT_EQ(account_kind_name(AccountKind::Escrow), "escrow");
}

// ---------------------------------------------------------------------------
// Identities of a run's books
// ---------------------------------------------------------------------------

Money flow_between(const Ledger& ledger, Reason reason, AccountKind from, AccountKind to) {
  return ledger.flow(reason, from, to);
}

// The by-kind flows are the ledger: they sum to the per-reason flows, and
// every kind's holdings are its inflows minus its outflows.
void expect_flows_explain_holdings(const Ledger& ledger) {
  for (size_t reason = 0; reason < kReasons; ++reason) {
    Money total = 0;
    for (size_t from = 0; from < kKinds; ++from) {
      for (size_t to = 0; to < kKinds; ++to) total += ledger.flow(Reason(reason), AccountKind(from), AccountKind(to));
    }
    EXPECT_EQ(total, ledger.flow(Reason(reason))) << reason_name(Reason(reason));
  }
  for (size_t kind = 0; kind < kKinds; ++kind) {
    Money net = 0;
    for (size_t reason = 0; reason < kReasons; ++reason) {
      for (size_t other = 0; other < kKinds; ++other) {
        net += ledger.flow(Reason(reason), AccountKind(other), AccountKind(kind));
        net -= ledger.flow(Reason(reason), AccountKind(kind), AccountKind(other));
      }
    }
    EXPECT_EQ(net, ledger.holdings(AccountKind(kind))) << account_kind_name(AccountKind(kind));
  }
}

// Where the households' money goes (src/market/fulfilment.cpp): a purchase
// is paid into escrow (or, without escrow, to the seller); escrow pays out
// only carrier, customs, commission, the seller's release and refunds, and
// holds the rest for orders in flight. So, exactly, in cents:
//   Purchase(households -> escrow) = escrow outflows + escrow held
//   Purchase(households -> any)    = refunds from escrow + to sellers + to the
//                                    platform + to carriers + to customs + held
void expect_escrow_identities(const Ledger& ledger) {
  using K = AccountKind;
  using R = Reason;
  // Money enters escrow only as households' purchases...
  for (size_t reason = 0; reason < kReasons; ++reason) {
    for (size_t from = 0; from < kKinds; ++from) {
      if (Reason(reason) == R::Purchase && AccountKind(from) == K::Households) continue;
      EXPECT_EQ(ledger.flow(Reason(reason), AccountKind(from), K::Escrow), 0)
          << reason_name(Reason(reason)) << " from " << account_kind_name(AccountKind(from)) << " into escrow";
    }
  }
  // ...and leaves it only for these five destinations.
  const std::pair<R, K> escrow_outflows[] = {{R::Shipping, K::Carrier},       {R::Duty, K::Customs},
                                             {R::Commission, K::Platform},    {R::SaleRelease, K::Seller},
                                             {R::Refund, K::Households}};
  Money paid_out = 0;
  for (size_t reason = 0; reason < kReasons; ++reason) {
    for (size_t to = 0; to < kKinds; ++to) {
      const Money amount = ledger.flow(Reason(reason), K::Escrow, AccountKind(to));
      bool allowed = false;
      for (const auto& [r, k] : escrow_outflows) allowed |= r == Reason(reason) && k == AccountKind(to);
      if (!allowed) {
        EXPECT_EQ(amount, 0) << reason_name(Reason(reason)) << " from escrow to " << account_kind_name(AccountKind(to));
      }
      paid_out += amount;
    }
  }
  // Purchases come only from households, and go only to escrow or a seller.
  for (size_t from = 0; from < kKinds; ++from) {
    for (size_t to = 0; to < kKinds; ++to) {
      if (AccountKind(from) == K::Households && (AccountKind(to) == K::Escrow || AccountKind(to) == K::Seller)) continue;
      EXPECT_EQ(ledger.flow(R::Purchase, AccountKind(from), AccountKind(to)), 0)
          << "purchase from " << account_kind_name(AccountKind(from)) << " to " << account_kind_name(AccountKind(to));
    }
  }
  const Money into_escrow = flow_between(ledger, R::Purchase, K::Households, K::Escrow);
  const Money held = ledger.holdings(K::Escrow);
  EXPECT_EQ(into_escrow, paid_out + held);
  EXPECT_GE(held, 0);

  const Money paid_by_households = ledger.flow(R::Purchase);
  const Money accounted = flow_between(ledger, R::Refund, K::Escrow, K::Households) +
                          flow_between(ledger, R::SaleRelease, K::Escrow, K::Seller) +
                          flow_between(ledger, R::Purchase, K::Households, K::Seller) +
                          flow_between(ledger, R::Commission, K::Escrow, K::Platform) +
                          flow_between(ledger, R::Shipping, K::Escrow, K::Carrier) +
                          flow_between(ledger, R::Duty, K::Escrow, K::Customs) + held;
  EXPECT_EQ(paid_by_households, accounted);
  // Households pay nothing but purchases, and receive nothing but refunds.
  for (size_t reason = 0; reason < kReasons; ++reason) {
    for (size_t other = 0; other < kKinds; ++other) {
      if (Reason(reason) != R::Purchase) {
        EXPECT_EQ(ledger.flow(Reason(reason), K::Households, AccountKind(other)), 0) << reason_name(Reason(reason));
      }
      if (Reason(reason) != R::Refund) {
        EXPECT_EQ(ledger.flow(Reason(reason), AccountKind(other), K::Households), 0) << reason_name(Reason(reason));
      }
    }
  }
}

// Escrow holds exactly the orders in flight, platform by platform: against
// a fresh pass over the orders, and against the order book's running sums
// (what the engine's daily check reads).
void expect_escrow_matches_orders(const EcosystemState& state) {
  std::vector<Money> scanned(size_t(state.platform_count()), 0);
  state.orders.for_each([&](const Order& order) {
    if (order.escrowed) scanned[order.platform] += order.price + order.shipping + order.duty;
  });
  const std::vector<Money> held = state.orders.escrow_held(size_t(state.platform_count()));
  for (int p = 0; p < state.platform_count(); ++p) {
    EXPECT_EQ(state.ledger.balance(state.platforms[p].escrow_account), scanned[size_t(p)])
        << state.platforms[p].name;
    EXPECT_EQ(held[size_t(p)], scanned[size_t(p)]) << state.platforms[p].name;
  }
}

// The metrics count the same money the ledger moved: the households' payments
// are GMV + shipping + duty, their refunds the refunds series, both scaled by
// buyers_per_agent. The metrics add dollar doubles (to_dollars of each
// order's cents) for every order, then over days and markets: each addition
// rounds by at most 2^-53 of the running total, so the relative error is at
// most (number of additions) x 2^-53; we allow (3 x orders + 4 x rows) x DBL_EPSILON.
void expect_metrics_match_ledger(const Ledger& ledger, const RunResults& results) {
  const MetricsTable& table = results.metrics;
  const double scale = results.buyers_per_agent;
  const double orders = sum_series(table, "orders") / scale;
  const double additions = 3.0 * orders + 4.0 * double(table.row_count());
  const double paid = (sum_series(table, "gmv_usd") + sum_series(table, "shipping_usd") + sum_series(table, "duty_usd")) / scale;
  EXPECT_NEAR(paid, to_dollars(ledger.flow(Reason::Purchase)), additions * DBL_EPSILON * paid);
  const double refunds = sum_series(table, "refunds_usd") / scale;
  EXPECT_NEAR(refunds, to_dollars(ledger.flow(Reason::Refund, AccountKind::Escrow, AccountKind::Households) +
                                  ledger.flow(Reason::Refund, AccountKind::Seller, AccountKind::Households)),
              additions * DBL_EPSILON * std::max(1.0, refunds));
  EXPECT_GT(orders, 0.0);
}

// Runs a scenario day by day through the engine, to reach its final state.
struct EngineRun {
  Scenario scenario;
  std::unique_ptr<SimulationEngine> engine;
};

EngineRun run_engine(const std::string& path, const std::vector<std::string>& overrides, unsigned threads) {
  EngineRun run{load_scenario(path, overrides), nullptr};
  run.engine = std::make_unique<SimulationEngine>(run.scenario.config, threads);
  while (run.engine->step()) {
  }
  return run;
}

// The default scenario in full, with the books checked every day: check_books
// throws std::logic_error on the first day they do not balance or escrow
// differs from the orders in flight.
TEST(LedgerDefaultScenario, BooksBalanceEveryDayOfTheDefaultScenario) {
  EngineRun run;
  ASSERT_NO_THROW(run = run_engine("scenarios/default.toml", {"run.check_ledger_daily=true"}, 2));
  ASSERT_TRUE(run.scenario.config.run.check_ledger_daily);
  const RunResults& results = run.engine->results();
  const EcosystemState& state = run.engine->state();
  EXPECT_EQ(state.day, state.total_days);

  const nlohmann::json summary = nlohmann::json::parse(results.summary_json);
  ASSERT_TRUE(summary.contains("ledger_balanced"));
  EXPECT_EQ(summary["ledger_balanced"], true);
  const std::vector<double> balanced = series(results.metrics, "ledger_balanced");
  ASSERT_EQ(balanced.size(), size_t(state.total_days));
  for (size_t day = 0; day < balanced.size(); ++day) ASSERT_EQ(balanced[day], 1.0) << "day " << day;

  EXPECT_TRUE(state.ledger.balanced());
  expect_flows_explain_holdings(state.ledger);
  expect_escrow_identities(state.ledger);
  expect_escrow_matches_orders(state);
  expect_metrics_match_ledger(state.ledger, results);
}

// A small run with escrow on, and the same without: then purchases go
// straight to sellers and nothing is ever held.
class LedgerSmallRun : public ::testing::TestWithParam<bool> {};

TEST_P(LedgerSmallRun, PurchasesAreAccountedFor) {
  const bool escrow = GetParam();
  const EngineRun run = run_engine("tests/scenarios/mechanisms.toml",
                                   {"run.end_date=2010-12-31", std::string("mechanisms.escrow.enabled=") + (escrow ? "true" : "false")},
                                   2);
  const Ledger& ledger = run.engine->state().ledger;
  EXPECT_TRUE(ledger.balanced());
  expect_flows_explain_holdings(ledger);
  expect_escrow_identities(ledger);
  expect_escrow_matches_orders(run.engine->state());
  expect_metrics_match_ledger(ledger, run.engine->results());
  const Money into_escrow = ledger.flow(Reason::Purchase, AccountKind::Households, AccountKind::Escrow);
  const Money to_sellers = ledger.flow(Reason::Purchase, AccountKind::Households, AccountKind::Seller);
  if (escrow) {
    EXPECT_GT(into_escrow, 0);
    EXPECT_EQ(to_sellers, 0);
    // Escrow refunds happen; sellers refund nothing themselves.
    EXPECT_GT(ledger.flow(Reason::Refund, AccountKind::Escrow, AccountKind::Households), 0);
    EXPECT_EQ(ledger.flow(Reason::Refund, AccountKind::Seller, AccountKind::Households), 0);
  } else {
    EXPECT_EQ(into_escrow, 0);
    EXPECT_GT(to_sellers, 0);
    EXPECT_EQ(ledger.holdings(AccountKind::Escrow), 0);
    EXPECT_GT(ledger.flow(Reason::Refund, AccountKind::Seller, AccountKind::Households), 0);
  }
}

INSTANTIATE_TEST_SUITE_P(Escrow, LedgerSmallRun, ::testing::Bool(),
                         [](const ::testing::TestParamInfo<bool>& info) {
                           return info.param ? std::string("EscrowOn") : std::string("EscrowOff");
                         });

}  // namespace
}  // namespace mercator
