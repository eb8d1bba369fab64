#pragma once
// Long daily series are drawn as one point per period, so that a ten-year
// run makes a small page and a readable chart:
//   - up to 731 days (two years), every day is a point;
//   - longer runs take 7-day periods (weekly points), up to 800 of them
//     (about 15 years);
//   - longer still, periods of ceil(days / 800) days, at most 800 points.
// Periods end on the run's last day and go back from it, so the last point
// (the one read most) covers a whole period; only the first may be shorter.
// A point is dated by the last day of its period. A flow adds up over the
// period (GMV per week); a level is averaged (mean penetration over the
// week); a share of something is weighted by it (the week's counterfeit
// share is counterfeit orders over orders). NaN days are left out; a period
// with no value is NaN (null in the page).
#include <span>
#include <vector>

#include "report/series_aggregation.hpp"

namespace mercator::report {

struct DayRange {
  int first = 0;  // inclusive
  int last = 0;   // inclusive
};

struct TimeBuckets {
  int days_per_bucket = 1;
  std::vector<DayRange> ranges;  // in time order
};

int days_per_bucket(int days);
TimeBuckets make_time_buckets(int days);

// One value per bucket; daily must hold at least as many days as the buckets cover.
std::vector<double> downsample(std::span<const double> daily, const TimeBuckets& buckets,
                               Aggregation aggregation);
// The weighted mean per bucket; where the weights add up to zero, the plain
// mean (a share on days with nothing to share is written as 0).
std::vector<double> downsample_weighted(std::span<const double> daily,
                                        std::span<const double> weights,
                                        const TimeBuckets& buckets);

}  // namespace mercator::report
