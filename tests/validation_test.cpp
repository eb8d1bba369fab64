// Validation against known results (DESIGN.md "Testing"): the Bass diffusion
// limit of the adoption phase, multinomial-logit choice shares, and the
// statistics of the counter-based random streams. Every tolerance is derived
// from the sample size (or, for the closed form, from the discretization
// error), never tuned to make a run pass; each comment says how.
#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <vector>

#include "core/random_stream.hpp"
#include "market/choice.hpp"
#include "mercator/scenario.hpp"
#include "mercator/simulation.hpp"
#include "bass_reference.hpp"
#include "test_support.hpp"

namespace mercator {
namespace {

using test_support::series;
using namespace bass_reference;

constexpr const char* kBassScenario = "tests/scenarios/bass.toml";

// ---------------------------------------------------------------------------
// Bass diffusion
// ---------------------------------------------------------------------------

struct BassRun {
  double p = 0, q = 0, buyers = 0;
  std::vector<double> share;  // share[d]: active share at the end of day d (after d + 1 adoption steps)
  RunResults results;
};

BassRun run_bass(const std::vector<std::string>& overrides = {}) {
  const Scenario scenario = load_scenario(kBassScenario, overrides);
  Simulation simulation(scenario.config, 2);
  simulation.run();
  BassRun run;
  run.p = scenario.config.buyers.ad_reach_per_day;
  run.q = scenario.config.buyers.word_of_mouth_per_day;
  run.buyers = double(scenario.config.population.buyer_agents);
  run.results = simulation.results();
  run.share = series(run.results.metrics, "penetration");
  return run;
}

// The largest deviation of the simulated share from the recursion, in units
// of the path sd; also counts the days beyond `k` sd.
struct Deviation {
  double max_z = 0;
  int worst_day = -1;
  int days_beyond = 0;
};

Deviation deviation_from(const std::vector<double>& simulated, const std::vector<double>& reference,
                         const std::vector<double>& sd, double k) {
  Deviation result;
  for (size_t day = 0; day < simulated.size(); ++day) {
    const double z = std::fabs(simulated[day] - reference[day + 1]) / sd[day + 1];
    if (z > result.max_z) {
      result.max_z = z;
      result.worst_day = int(day);
    }
    result.days_beyond += z > k;
  }
  return result;
}

// k = 4 path sd at every one of the 365 days. The deviations of nearby days
// are strongly correlated (the path forgets a deviation on a time scale of
// 1/(p+q) ~ 45 days), so the year holds about 8 independent looks:
// P(max |Z| > 4) ~ 8 x 6.3e-5 = 5e-4 for a correct model (seeds 1-7 give a
// largest deviation of 1.2 to 2.5 sd). Power: a path shifted by one day is
// 10 sd away; a 5% error in p (ad budget 38 or 42 instead of 40) 5 sd. A
// hazard applied as h instead of 1 - exp(-h) moves it only 1.7 sd at this p
// and q, which is what the coarse-day test below is for.
constexpr double kPathSigmas = 4.0;

TEST(BassLimit, ScenarioIsTheBassLimit) {
  // The assumptions under which the comparison holds, read back from the run.
  const BassRun run = run_bass();
  const MetricsTable& table = run.results.metrics;
  ASSERT_EQ(table.market_codes.size(), 2u);  // one market + ALL
  for (double trust : series(table, "trust")) ASSERT_EQ(trust, 1.0);
  for (double localization : series(table, "localization")) ASSERT_EQ(localization, 1.0);
  for (double creators : series(table, "creators_active")) ASSERT_EQ(creators, 0.0);
  for (double sessions : series(table, "sessions")) ASSERT_EQ(sessions, 0.0);
  for (double churns : series(table, "churns")) ASSERT_EQ(churns, 0.0);
  ASSERT_EQ(run.share.size(), 365u);
}

TEST(BassLimit, DailyActiveShareFollowsTheDiscreteBassRecursion) {
  const BassRun run = run_bass();
  const int days = int(run.share.size());
  const std::vector<double> mean_field = bass_recursion(run.p, run.q, days);
  const std::vector<double> sd = bass_path_sd(run.p, run.q, run.buyers, days);
  const Deviation deviation = deviation_from(run.share, mean_field, sd, kPathSigmas);
  EXPECT_EQ(deviation.days_beyond, 0) << "largest deviation " << deviation.max_z << " sd on day "
                                      << deviation.worst_day;
  // The run passes the inflection (F = 1/2 - p/(2q) = 0.45) and nearly saturates.
  EXPECT_GT(run.share.back(), 0.99);
}

// With a coarser day (p, q five times larger, N = 200,000) the gap between
// the daily process and the continuous curve grows to many sd: the
// simulation must follow the daily recursion, and the closed form must be
// told apart from it. This is the test's power: it sees a hazard applied as
// h instead of 1 - exp(-h) (about 12 sd here).
TEST(BassLimit, CoarseDaysFollowTheRecursionNotTheContinuousCurve) {
  const BassRun run = run_bass({"buyers.ad_reach_per_day=0.01", "buyers.word_of_mouth_per_day=0.1",
                                "population.buyer_agents=200000", "run.end_date=2010-04-30"});
  const int days = int(run.share.size());
  ASSERT_EQ(days, 120);
  const std::vector<double> mean_field = bass_recursion(run.p, run.q, days);
  const std::vector<double> sd = bass_path_sd(run.p, run.q, run.buyers, days);
  const Deviation deviation = deviation_from(run.share, mean_field, sd, kPathSigmas);
  EXPECT_EQ(deviation.days_beyond, 0) << "largest deviation " << deviation.max_z << " sd on day "
                                      << deviation.worst_day;
  std::vector<double> continuous;
  for (int t = 0; t <= days; ++t) continuous.push_back(bass_closed_form(run.p, run.q, t));
  EXPECT_GT(deviation_from(run.share, continuous, sd, kPathSigmas).days_beyond, 0)
      << "the closed form should be distinguishable from the daily process at this step size";
}

// Creators bring their followers' attention: src/market/providers.cpp adds
// kCreatorReach x active creators x 1,000 / buyers to the platform's reach.
// With 400,000 creators joining at 2% x penetration a day, by day 100 about
// a quarter have joined and the reach is several times p, so the share on
// day 100 should exceed the creator-free run's by far more than
// 4 x sqrt(2) path sd (two independent runs, ~0.016). (Before db207c2 the
// reach was added after adoption and overwritten the next morning, and the
// adoption columns with 5,000 creators were byte-identical to those without.)
TEST(BassLimit, CreatorsAddReach) {
  const BassRun without = run_bass();
  const BassRun with = run_bass({"population.creator_agents=400000"});
  const std::vector<double> sd = bass_path_sd(without.p, without.q, without.buyers, 100);
  EXPECT_GT(with.share[99], without.share[99] + kPathSigmas * std::sqrt(2.0) * sd[100])
      << "with creators " << with.share[99] << ", without " << without.share[99];
}

// The closed form against the daily recursion, without simulation. The
// recursion is a first-order scheme for dF/dt = (p + qF)(1 - F): expanding one
// day of it against one day of the exact flow gives the local truncation
// error -q h (1-F)^2 / 2 (h = p + qF); carried by the linearized map
// (factor a_t, as in bass_path_sd) it predicts the global gap E_t between the
// curve and the recursion. The neglected terms are one order higher in
// h <= p + q per day (local O(h^3) terms, and the O(E^2) nonlinearity of the
// propagation), so |closed - recursion - E_t| <= 2 (p + q) max|E|.
// Separately, halving the step halves the gap (first-order convergence).
TEST(BassLimit, ClosedFormAgreesWithTheRecursionWithinItsDiscretizationError) {
  const Scenario scenario = load_scenario(kBassScenario);
  const double p = scenario.config.buyers.ad_reach_per_day;
  const double q = scenario.config.buyers.word_of_mouth_per_day;
  const int days = 365;
  const std::vector<double> daily = bass_recursion(p, q, days);

  std::vector<double> predicted_gap{0.0};
  double share = 0.0, gap = 0.0;
  for (int day = 0; day < days; ++day) {
    const double hazard = p + q * share;
    const double carry = std::exp(-hazard) * (1.0 + (1.0 - share) * q);
    gap = carry * gap + 0.5 * q * hazard * (1.0 - share) * (1.0 - share);
    share += (1.0 - share) * (1.0 - std::exp(-hazard));
    predicted_gap.push_back(gap);
  }
  const double largest_gap = *std::max_element(predicted_gap.begin(), predicted_gap.end());
  const double remainder_bound = 2.0 * (p + q) * largest_gap;
  for (int t = 0; t <= days; ++t) {
    const double actual_gap = bass_closed_form(p, q, t) - daily[t];
    ASSERT_NEAR(actual_gap, predicted_gap[t], remainder_bound) << "day " << t;
  }

  // First order: the largest gap halves with the step, up to O((p+q) dt).
  auto largest_error = [&](int steps_per_day) {
    const std::vector<double> path = bass_recursion(p, q, days, steps_per_day);
    double error = 0;
    for (int t = 0; t <= days; ++t) error = std::max(error, std::fabs(path[t] - bass_closed_form(p, q, t)));
    return error;
  };
  double previous = largest_error(1);
  for (int steps = 2; steps <= 64; steps *= 2) {
    const double error = largest_error(steps);
    EXPECT_NEAR(previous / error, 2.0, 2.0 * (p + q)) << steps << " steps a day";
    previous = error;
  }
}

// ---------------------------------------------------------------------------
// Multinomial logit choice
// ---------------------------------------------------------------------------

TEST(LogitChoice, SharesMatchSoftmaxWithinSamplingError) {
  const std::array<double, 5> utilities = {0.4, -0.3, 1.1, 0.0, -1.5};
  const double outside = 0.2;
  double total = std::exp(outside);
  for (double utility : utilities) total += std::exp(utility);

  constexpr int kDraws = 200000;
  std::array<int, 6> counts{};  // offers 0..4, then the outside option
  RandomStream random(11, Purpose::Test, 0, 0);
  for (int draw = 0; draw < kDraws; ++draw) {
    const int chosen = choose_offer(std::span<const double>(utilities), outside, random.uniform());
    ASSERT_GE(chosen, -1);
    ASSERT_LT(chosen, 5);
    counts[chosen < 0 ? 5 : chosen] += 1;
  }
  // Each count is binomial(n, P_j): 4 standard errors sqrt(P(1-P)/n) per
  // share; over 6 shares P(any beyond) < 6 x 6.3e-5 = 4e-4 for a correct
  // sampler. An error of one unit of utility in any option is far outside.
  for (int j = 0; j < 6; ++j) {
    const double expected = std::exp(j < 5 ? utilities[j] : outside) / total;
    const double observed = double(counts[j]) / kDraws;
    const double standard_error = std::sqrt(expected * (1.0 - expected) / kDraws);
    EXPECT_NEAR(observed, expected, 4.0 * standard_error) << (j < 5 ? "offer " : "outside ") << j;
  }
}

TEST(LogitChoice, ExtremeUtilitiesDoNotOverflow) {
  const std::array<double, 3> utilities = {800.0, 0.0, -800.0};
  EXPECT_EQ(choose_offer(std::span<const double>(utilities), 0.0, 0.999999), 0);
  EXPECT_EQ(choose_offer(std::span<const double>(utilities), 900.0, 0.5), -1);
  EXPECT_EQ(choose_offer(std::span<const double>(utilities), 0.0, 0.0), 0);
}

TEST(LogitChoice, UtilityMovesInTheDocumentedDirections) {
  const ChoiceWeights weights{0.2, 3.0, 0.06, 1.5, 2.5};
  const Offer base{12.0, 0.8, 10.0, 0.4, true};
  const double v = offer_utility(base, weights);

  Offer dearer = base;
  dearer.landed_price += 1.0;
  EXPECT_NEAR(offer_utility(dearer, weights), v - weights.price, 1e-12);
  Offer better_rated = base;
  better_rated.rating += 0.1;
  EXPECT_NEAR(offer_utility(better_rated, weights), v + 0.1 * weights.rating, 1e-12);
  Offer slower = base;
  slower.delivery_days += 2.0;
  EXPECT_NEAR(offer_utility(slower, weights), v - 2.0 * weights.speed, 1e-12);
  Offer more_foreign = base;
  more_foreign.cultural_gap += 0.2;
  EXPECT_NEAR(offer_utility(more_foreign, weights), v - 0.2 * weights.culture, 1e-12);
  Offer mismatched = base;
  mismatched.matches_need = false;
  EXPECT_NEAR(offer_utility(mismatched, weights), v - weights.mismatch, 1e-12);
}

// ---------------------------------------------------------------------------
// Random streams
// ---------------------------------------------------------------------------

// Moments of n draws: sample mean and (unbiased) variance.
struct Moments {
  double mean = 0, variance = 0;
};

template <class Draw>
Moments moments(int draws, Draw draw) {
  double sum = 0, squares = 0;
  for (int k = 0; k < draws; ++k) {
    const double x = draw();
    sum += x;
    squares += x * x;
  }
  const double mean = sum / draws;
  return {mean, (squares - draws * mean * mean) / (draws - 1)};
}

TEST(RandomStreamStatistics, UniformMeanAndVarianceWithinSamplingError) {
  constexpr int kDraws = 1000000;
  RandomStream random(3, Purpose::Test, 0, 1);
  const Moments m = moments(kDraws, [&] { return random.uniform(); });
  // U(0,1): mean 1/2 with se sqrt(1/12 / n); variance 1/12 with se
  // sqrt(Var((U - 1/2)^2) / n) = sqrt((1/80 - 1/144) / n) = sqrt(1/180 / n). 4 se.
  EXPECT_NEAR(m.mean, 0.5, 4.0 * std::sqrt(1.0 / 12.0 / kDraws));
  EXPECT_NEAR(m.variance, 1.0 / 12.0, 4.0 * std::sqrt(1.0 / 180.0 / kDraws));
}

TEST(RandomStreamStatistics, UniformStaysInTheUnitInterval) {
  RandomStream random(3, Purpose::Test, 0, 2);
  for (int k = 0; k < 100000; ++k) {
    const double u = random.uniform();
    ASSERT_GE(u, 0.0);
    ASSERT_LT(u, 1.0);
  }
}

// Poisson(m): mean m with se sqrt(m / n); sample variance m with se
// sqrt((mu4 - m^2) / n) = sqrt((m + 2 m^2) / n), since mu4 = m (1 + 3m). 4 se.
// Means 3 and 300 exercise both samplers (multiplication below 10, PTRS above).
class PoissonMoments : public ::testing::TestWithParam<double> {};

TEST_P(PoissonMoments, MeanAndVarianceWithinSamplingError) {
  const double mean = GetParam();
  constexpr int kDraws = 400000;
  RandomStream random(5, Purpose::Test, 1, uint64_t(mean));
  const Moments m = moments(kDraws, [&] { return double(random.poisson(mean)); });
  EXPECT_NEAR(m.mean, mean, 4.0 * std::sqrt(mean / kDraws));
  EXPECT_NEAR(m.variance, mean, 4.0 * std::sqrt((mean + 2.0 * mean * mean) / kDraws));
}

// The whole distribution, not only two moments: Pearson's chi-square over
// bins with expected counts >= 50, against the chi-square quantile at
// z = 4 (Wilson-Hilferty: df (1 - 2/(9df) + z sqrt(2/(9df)))^3, p ~ 3e-5).
TEST_P(PoissonMoments, DistributionPassesChiSquare) {
  const double mean = GetParam();
  constexpr int kDraws = 400000;
  RandomStream random(6, Purpose::Test, 2, uint64_t(mean));
  std::vector<double> pmf;
  const int largest = int(mean + 12.0 * std::sqrt(mean) + 12.0);
  for (int k = 0; k <= largest; ++k) pmf.push_back(std::exp(-mean + k * std::log(mean) - std::lgamma(k + 1.0)));
  std::vector<int> counts(pmf.size() + 1, 0);
  for (int draw = 0; draw < kDraws; ++draw) {
    const uint64_t k = random.poisson(mean);
    counts[std::min<size_t>(k, pmf.size())] += 1;
  }
  // Merge neighbouring values into bins until each expects >= 50 draws.
  double chi_square = 0, bin_expected = 0, bin_observed = 0;
  int bins = 0;
  double tail = 1.0;
  for (size_t k = 0; k < pmf.size(); ++k) {
    bin_expected += pmf[k] * kDraws;
    bin_observed += counts[k];
    tail -= pmf[k];
    if (bin_expected >= 50 && tail * kDraws >= 50) {
      chi_square += (bin_observed - bin_expected) * (bin_observed - bin_expected) / bin_expected;
      bin_expected = bin_observed = 0;
      ++bins;
    }
  }
  bin_expected += std::max(0.0, tail) * kDraws;
  bin_observed += counts.back();
  chi_square += (bin_observed - bin_expected) * (bin_observed - bin_expected) / bin_expected;
  ++bins;
  const double df = bins - 1;
  const double z = 4.0;
  const double critical = df * std::pow(1.0 - 2.0 / (9.0 * df) + z * std::sqrt(2.0 / (9.0 * df)), 3.0);
  EXPECT_LT(chi_square, critical) << bins << " bins";
}

INSTANTIATE_TEST_SUITE_P(Means, PoissonMoments, ::testing::Values(3.0, 300.0));

TEST(RandomStreamStatistics, SameNameSameNumbersOtherIdOtherNumbers) {
  RandomStream first(9, Purpose::Test, 17, 42);
  RandomStream again(9, Purpose::Test, 17, 42);
  RandomStream other_id(9, Purpose::Test, 17, 43);
  RandomStream other_day(9, Purpose::Test, 18, 42);
  RandomStream other_purpose(9, Purpose::Benchmark, 17, 42);
  RandomStream other_seed(10, Purpose::Test, 17, 42);
  int same_as_other = 0;
  for (int k = 0; k < 1000; ++k) {
    const uint64_t x = first.next_u64();
    ASSERT_EQ(x, again.next_u64());
    same_as_other += x == other_id.next_u64();
    same_as_other += x == other_day.next_u64();
    same_as_other += x == other_purpose.next_u64();
    same_as_other += x == other_seed.next_u64();
  }
  // Independent 64-bit words coincide with probability 2^-64 per pair.
  EXPECT_EQ(same_as_other, 0);
}

// Also across refills of growing size (one block, four, then sixteen).
TEST(RandomStreamStatistics, BatchedWordsEqualSingleWords) {
  RandomStream single(4, Purpose::Test, 3, 8);
  RandomStream batched(4, Purpose::Test, 3, 8);
  std::vector<uint32_t> words(1000);
  batched.fill_u32(words.data(), words.size());
  for (uint32_t word : words) ASSERT_EQ(word, single.next_u32());
}

}  // namespace
}  // namespace mercator
