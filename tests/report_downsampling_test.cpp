// Long daily series become one point per period: periods cover every day
// once, flows keep their totals, levels their means, shares their weights.
#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <numeric>
#include <vector>

#include "report/downsampling.hpp"

namespace mercator {
namespace {

using report::Aggregation;
using report::DayRange;

constexpr double nan = std::numeric_limits<double>::quiet_NaN();

TEST(ReportDownsampling, EveryDayUpToTwoYearsThenWeeksThenLongerPeriods) {
  EXPECT_EQ(report::days_per_bucket(1), 1);
  EXPECT_EQ(report::days_per_bucket(731), 1);
  EXPECT_EQ(report::days_per_bucket(732), 7);
  EXPECT_EQ(report::days_per_bucket(3652), 7);  // ten years: 522 weekly points
  EXPECT_EQ(report::days_per_bucket(5600), 7);  // 800 weeks
  EXPECT_EQ(report::days_per_bucket(5601), 8);
  EXPECT_EQ(report::days_per_bucket(36525), 46);  // a century: 795 points
}

TEST(ReportDownsampling, PeriodsCoverEveryDayOnceEndingOnTheLastDay) {
  for (const int days : {1, 6, 365, 731, 732, 3652, 5601, 36525}) {
    const report::TimeBuckets buckets = report::make_time_buckets(days);
    const int length = buckets.days_per_bucket;
    ASSERT_FALSE(buckets.ranges.empty());
    EXPECT_LE(buckets.ranges.size(), 800u) << days;
    EXPECT_EQ(buckets.ranges.front().first, 0) << days;
    EXPECT_EQ(buckets.ranges.back().last, days - 1) << days;
    for (size_t k = 0; k < buckets.ranges.size(); ++k) {
      const DayRange range = buckets.ranges[k];
      const int size = range.last - range.first + 1;
      if (k == 0) {
        EXPECT_GE(size, 1);
        EXPECT_LE(size, length);
      } else {
        EXPECT_EQ(size, length) << days << " period " << k;  // only the first may be shorter
        EXPECT_EQ(range.first, buckets.ranges[k - 1].last + 1) << days;
      }
    }
  }
}

TEST(ReportDownsampling, FlowsKeepTheirTotalAndLevelsTheirPeriodMean) {
  const int days = 1000;  // weekly: 142 full weeks and a first period of 6 days
  std::vector<double> daily(days);
  for (int day = 0; day < days; ++day) daily[day] = std::sin(day * 0.37) * 100 + day;
  const report::TimeBuckets buckets = report::make_time_buckets(days);
  ASSERT_EQ(buckets.days_per_bucket, 7);
  ASSERT_EQ(buckets.ranges.size(), 143u);

  const std::vector<double> sums = report::downsample(daily, buckets, Aggregation::sum);
  const double daily_total = std::accumulate(daily.begin(), daily.end(), 0.0);
  const double point_total = std::accumulate(sums.begin(), sums.end(), 0.0);
  EXPECT_NEAR(point_total, daily_total, 1e-9 * std::fabs(daily_total));

  const std::vector<double> means = report::downsample(daily, buckets, Aggregation::mean);
  const double last_week = std::accumulate(daily.end() - 7, daily.end(), 0.0) / 7;
  EXPECT_DOUBLE_EQ(means.back(), last_week);
  const double first_period = std::accumulate(daily.begin(), daily.begin() + 6, 0.0) / 6;
  EXPECT_DOUBLE_EQ(means.front(), first_period);
}

TEST(ReportDownsampling, MissingDaysAreLeftOutAndAnEmptyPeriodIsMissing) {
  std::vector<double> daily(800, 2.0);
  for (int day = 793; day < 800; ++day) daily[day] = nan;  // the whole last week
  daily[786] = nan;
  daily[787] = 9.0;
  const report::TimeBuckets buckets = report::make_time_buckets(800);
  const std::vector<double> means = report::downsample(daily, buckets, Aggregation::mean);
  const std::vector<double> sums = report::downsample(daily, buckets, Aggregation::sum);
  EXPECT_TRUE(std::isnan(means.back()));
  EXPECT_TRUE(std::isnan(sums.back()));
  // Days 786..792: one missing, one 9 and five 2s.
  EXPECT_DOUBLE_EQ(means[means.size() - 2], (9.0 + 5 * 2.0) / 6);
  EXPECT_DOUBLE_EQ(sums[sums.size() - 2], 9.0 + 5 * 2.0);
}

TEST(ReportDownsampling, AShareIsWeightedByWhatItIsAShareOf) {
  // Counterfeit share by day and orders by day: the week's share is
  // counterfeit orders over orders, not the mean of the daily shares.
  std::vector<double> share(735, 0.0);
  std::vector<double> orders(735, 0.0);
  const double week_share[7] = {0.5, 0.1, 0.0, 0.2, 0.3, 0.0, 1.0};
  const double week_orders[7] = {10, 100, 0, 50, 40, 5, 1};
  for (int k = 0; k < 7; ++k) {
    share[728 + k] = week_share[k];
    orders[728 + k] = week_orders[k];
  }
  const report::TimeBuckets buckets = report::make_time_buckets(735);
  const std::vector<double> points = report::downsample_weighted(share, orders, buckets);
  const double counterfeit_orders = 0.5 * 10 + 0.1 * 100 + 0.2 * 50 + 0.3 * 40 + 1.0 * 1;
  EXPECT_DOUBLE_EQ(points.back(), counterfeit_orders / 206);
  // A week with no orders at all: the plain mean of what the file says (0).
  EXPECT_DOUBLE_EQ(points[points.size() - 2], 0.0);
}

TEST(ReportDownsampling, FlowsAddUpAndEverythingElseIsAveraged) {
  EXPECT_EQ(report::aggregation_of("gmv_usd"), Aggregation::sum);
  EXPECT_EQ(report::aggregation_of("orders"), Aggregation::sum);
  EXPECT_EQ(report::aggregation_of("adoptions"), Aggregation::sum);
  EXPECT_EQ(report::aggregation_of("penetration"), Aggregation::mean);
  EXPECT_EQ(report::aggregation_of("buyers_active"), Aggregation::mean);
  EXPECT_EQ(report::aggregation_of("platform_revenue_usd"), Aggregation::mean);  // a running total
  EXPECT_EQ(report::aggregation_of("technology_index"), Aggregation::mean);
}

}  // namespace
}  // namespace mercator
